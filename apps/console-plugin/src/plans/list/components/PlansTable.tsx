import type { FC } from 'react';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { usePlanColumnLabels } from '../hooks/usePlanColumnLabels.ts';
import type { PlanColumn } from '../utils/plan-columns.ts';
import type { PlanRow } from '../utils/plan-rows.ts';
import {
  SORTABLE_PLAN_COLUMNS,
  type PlanSort,
  type SortablePlanColumn,
} from '../utils/plan-sort.ts';
import { PlanTableRow } from './PlanTableRow.tsx';

type Props = {
  rows: readonly PlanRow[];
  columns: readonly PlanColumn[];
  selectedKeys: ReadonlySet<string>;
  onSelect: (key: string, isSelected: boolean) => void;
  /** Selects the page's selectable rows, or none. */
  onSelectPage: (isSelected: boolean) => void;
  sort: PlanSort;
  onSort: (sort: PlanSort) => void;
};

const isSortable = (column: PlanColumn): column is SortablePlanColumn =>
  (SORTABLE_PLAN_COLUMNS as readonly PlanColumn[]).includes(column);

export const PlansTable: FC<Props> = ({
  rows,
  columns,
  selectedKeys,
  onSelect,
  onSelectPage,
  sort,
  onSort,
}) => {
  const { t } = useForkliftTranslation();
  const labels = usePlanColumnLabels();
  const selectable = rows.filter((row) => !row.isRunning);
  const isPageSelected =
    selectable.length > 0 && selectable.every((row) => selectedKeys.has(row.key));
  return (
    <Table aria-label={t('Migration plans')} variant="compact" data-testid="plans-table">
      <Thead>
        <Tr>
          <Th
            select={{
              onSelect: (_event, selecting) => onSelectPage(selecting),
              isSelected: isPageSelected,
              isHeaderSelectDisabled: selectable.length === 0,
            }}
            aria-label={t('Select the plans on this page')}
          />
          {columns.map((column, columnIndex) => (
            <Th
              key={column}
              modifier="wrap"
              width={15}
              sort={
                isSortable(column)
                  ? {
                      columnIndex,
                      sortBy: {
                        index: columns.indexOf(sort.column),
                        direction: sort.direction,
                      },
                      onSort: (_event, _index, direction) => onSort({ column, direction }),
                    }
                  : undefined
              }
            >
              {labels[column]}
            </Th>
          ))}
          <Th screenReaderText={t('Actions')} />
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, rowIndex) => (
          <PlanTableRow
            key={row.key}
            row={row}
            rowIndex={rowIndex}
            columns={columns}
            columnLabels={labels}
            isSelected={selectedKeys.has(row.key)}
            onSelect={onSelect}
          />
        ))}
      </Tbody>
    </Table>
  );
};
