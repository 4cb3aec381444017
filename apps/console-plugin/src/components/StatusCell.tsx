import type { FC } from 'react';
import { Label } from '@patternfly/react-core';
import type { StatusSummary } from '../utils/resource-status.ts';

const COLOURS = { success: 'green', danger: 'red', info: 'blue', grey: 'grey' } as const;

export const StatusCell: FC<{ status: StatusSummary }> = ({ status }) => (
  <Label color={COLOURS[status.tone]} isCompact>
    {status.label}
  </Label>
);
