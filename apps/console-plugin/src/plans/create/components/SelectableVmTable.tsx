import { memo, type FC } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { VmTableCell } from '../../../components/vms/VmTableCell.tsx';
import type { VmTableLabels } from '../../../hooks/useVmTableLabels.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { VmRow, VmSort, VmSortColumn } from '../../../utils/vm-table.ts';

type Props = {
  columnKeys: readonly VmSortColumn[];
  /** The visible page only. */
  rows: readonly VmRow[];
  isSelected: (id: string) => boolean;
  onSelect: (row: VmRow, selected: boolean) => void;
  onSelectPage: (selected: boolean) => void;
  sort: VmSort;
  onSort: (sort: VmSort) => void;
  labels: VmTableLabels;
};

/** One page of the source's VMs with a checkbox each, under sortable column titles. */
const SelectableVmTableView: FC<Props> = ({
  columnKeys,
  rows,
  isSelected,
  onSelect,
  onSelectPage,
  sort,
  onSort,
  labels,
}) => {
  const { t } = useForkliftTranslation();
  const sortIndex = columnKeys.indexOf(sort.column);
  const pageSelected = rows.length > 0 && rows.every((row) => isSelected(row.id));
  return (
    <Table aria-label={t('Virtual machines')} variant="compact" data-testid="plan-vm-table">
      <Thead>
        <Tr>
          <Th
            select={{
              onSelect: (_event, selected) => onSelectPage(selected),
              isSelected: pageSelected,
            }}
            aria-label={t('Select the page')}
          />
          {columnKeys.map((column, columnIndex) => (
            <Th
              key={column}
              modifier="wrap"
              sort={{
                columnIndex,
                sortBy: { index: sortIndex, direction: sort.direction },
                onSort: (_event, index, direction) =>
                  onSort({ column: columnKeys[index]!, direction }),
              }}
            >
              {labels.columns[column]}
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, rowIndex) => (
          <Tr key={row.id} data-testid={`plan-vm-row-${row.name}`}>
            <Td
              select={{
                rowIndex,
                onSelect: (_event, selected) => onSelect(row, selected),
                isSelected: isSelected(row.id),
              }}
              data-testid={`plan-vm-select-${row.name}`}
            />
            {columnKeys.map((column) => (
              <VmTableCell key={column} row={row} column={column} labels={labels} />
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export const SelectableVmTable = memo(SelectableVmTableView);
