import { memo, type FC } from 'react';
import { Td, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { PlanActionsMenu } from '../../actions/PlanActionsMenu.tsx';
import type { PlanColumn } from '../utils/plan-columns.ts';
import type { PlanRow } from '../utils/plan-rows.ts';
import { PlanCell } from './PlanCell.tsx';

type Props = {
  row: PlanRow;
  rowIndex: number;
  columns: readonly PlanColumn[];
  columnLabels: Record<PlanColumn, string>;
  isSelected: boolean;
  onSelect: (key: string, isSelected: boolean) => void;
};

/** One plan; memoized so that a keystroke in the filter re-renders only rows that changed. */
const PlanTableRowView: FC<Props> = ({
  row,
  rowIndex,
  columns,
  columnLabels,
  isSelected,
  onSelect,
}) => {
  const { t } = useForkliftTranslation();
  return (
    <Tr data-testid={`plan-row-${row.name}`}>
      <Td
        select={{
          rowIndex,
          isSelected,
          isDisabled: row.isRunning,
          onSelect: (_event, selecting) => onSelect(row.key, selecting),
        }}
        aria-label={t('Select {{name}}', { name: row.name })}
      />
      {columns.map((column) => (
        <Td key={column} dataLabel={columnLabels[column]} data-testid={`plan-cell-${column}`}>
          <PlanCell row={row} column={column} />
        </Td>
      ))}
      <Td isActionCell>
        <PlanActionsMenu
          plan={row.plan}
          variant="kebab"
          startVerdict={row.startVerdict}
          sourceType={row.sourceProvider?.type}
        />
      </Td>
    </Tr>
  );
};

export const PlanTableRow = memo(PlanTableRowView);
