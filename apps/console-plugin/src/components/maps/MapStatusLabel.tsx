import type { FC } from 'react';
import { Button, Label, Popover } from '@patternfly/react-core';
import type { MapStatus } from '../../utils/map-status.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';

const COLOURS = { Ready: 'green', NotReady: 'orange', Critical: 'red' } as const;

/** Ready / Not Ready / Critical; when not ready, the failing condition's message in a popover. */
export const MapStatusLabel: FC<{ status: MapStatus; testId: string }> = ({ status, testId }) => {
  const { t } = useForkliftTranslation();
  const labels = { Ready: t('Ready'), NotReady: t('Not Ready'), Critical: t('Critical') };
  const label = (
    <Label color={COLOURS[status.state]} isCompact data-testid={testId}>
      {labels[status.state]}
    </Label>
  );
  if (!status.failing) return label;
  return (
    <Popover
      headerContent={status.failing.type}
      bodyContent={status.failing.message ?? status.failing.reason ?? status.failing.type}
    >
      <Button variant="link" isInline aria-label={t('Why the map is not ready')}>
        {label}
      </Button>
    </Popover>
  );
};
