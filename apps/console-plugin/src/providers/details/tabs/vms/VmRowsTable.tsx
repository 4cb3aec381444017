import { memo, type FC } from 'react';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import type { VmTableLabels } from '../../../../hooks/useVmTableLabels.ts';
import type { VmRow, VmSort, VmSortColumn } from '../../../../utils/vm-table.ts';
import { VmTableCell } from '../../../../components/vms/VmTableCell.tsx';

type Props = {
  columnKeys: readonly VmSortColumn[];
  rows: readonly VmRow[];
  sort: VmSort;
  onSort: (sort: VmSort) => void;
  labels: VmTableLabels;
};

/** The visible page of VMs under sortable column titles. */
const VmRowsTableView: FC<Props> = ({ columnKeys, rows, sort, onSort, labels }) => {
  const { t } = useForkliftTranslation();
  const sortIndex = columnKeys.indexOf(sort.column);
  return (
    <Table aria-label={t('Virtual machines')} variant="compact" data-testid="vm-table">
      <Thead>
        <Tr>
          {columnKeys.map((column, columnIndex) => (
            <Th
              key={column}
              // Sort buttons take room: let titles wrap rather than cut to "Pow…".
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
        {rows.map((row, position) => (
          // Keyed by position, not by VM: a keystroke in the filter then rewrites the cells of the
          // rows on the page instead of unmounting and mounting 50 rows of badges, which costs a
          // layout per badge. The one state in a row, an opened concern popover, names its VM.
          <Tr key={position} data-testid={`vm-row-${row.name}`}>
            {columnKeys.map((column) => (
              <VmTableCell key={column} row={row} column={column} labels={labels} />
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/**
 * Memoized on its props: a keystroke in the name filter first renders only to show the new text,
 * and the rows render once, when the deferred filter has picked them.
 */
export const VmRowsTable = memo(VmRowsTableView);
