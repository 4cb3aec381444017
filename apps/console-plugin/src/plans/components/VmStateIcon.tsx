import type { FC } from 'react';
import { Icon } from '@patternfly/react-core';
import BanIcon from '@patternfly/react-icons/dist/esm/icons/ban-icon';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import HourglassHalfIcon from '@patternfly/react-icons/dist/esm/icons/hourglass-half-icon';
import InProgressIcon from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import type { VmMigrationState } from '@forklift-console/api';

const LOOKS = {
  Succeeded: { status: 'success', Glyph: CheckCircleIcon },
  Failed: { status: 'danger', Glyph: ExclamationCircleIcon },
  Canceled: { status: undefined, Glyph: BanIcon },
  Running: { status: 'info', Glyph: InProgressIcon },
  Pending: { status: undefined, Glyph: HourglassHalfIcon },
} as const;

/** The icon of a VM's migration state, the same in the list and the Virtual machines tab. */
export const VmStateIcon: FC<{ state: VmMigrationState }> = ({ state }) => {
  const { status, Glyph } = LOOKS[state];
  return (
    <Icon status={status} isInline>
      <Glyph />
    </Icon>
  );
};
