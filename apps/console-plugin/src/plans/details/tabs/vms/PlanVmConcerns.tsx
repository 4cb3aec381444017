import type { FC } from 'react';
import { Label, LabelGroup } from '@patternfly/react-core';
import type { PlanConcern } from '../../utils/plan-concerns.ts';
import type { PlanVmRow } from '../../utils/plan-vms.ts';

const COLORS: Record<string, 'red' | 'orange' | 'blue'> = { Critical: 'red', Error: 'red' };

/** The concerns that name this VM: its inventory concerns and the plan conditions about it. */
export const PlanVmConcerns: FC<{ row: PlanVmRow; concerns: readonly PlanConcern[] }> = ({
  row,
  concerns,
}) => {
  const mine = concerns.filter((concern) => concern.resources.includes(row.sourceName));
  if (mine.length === 0) return <>-</>;
  return (
    <LabelGroup numLabels={3}>
      {mine.map((concern, index) => (
        <Label
          key={`${concern.type}-${index}`}
          isCompact
          color={
            COLORS[concern.severity] ?? (concern.severity.startsWith('Warn') ? 'orange' : 'blue')
          }
          data-testid={`plan-vm-concern-${concern.type}`}
        >
          {concern.type}
        </Label>
      ))}
    </LabelGroup>
  );
};
