import { memo, type FC } from 'react';
import { Td } from '@patternfly/react-table';
import type { VmTableLabels } from '../../hooks/useVmTableLabels.ts';
import { sameCellContent, type VmRow, type VmSortColumn } from '../../utils/vm-table.ts';
import { VmCell } from './VmCell.tsx';

type Props = { row: VmRow; column: VmSortColumn; labels: VmTableLabels };

const VmTableCellView: FC<Props> = ({ row, column, labels }) => (
  <Td
    dataLabel={labels.columns[column]}
    // A file path has no spaces to wrap at.
    modifier={column === 'ovfPath' ? 'breakWord' : undefined}
  >
    <VmCell row={row} column={column} labels={labels} />
  </Td>
);

/**
 * One cell of the VM table, rendered again only when what it shows changes: when a keystroke in
 * the filter puts other VMs in the page's rows, cells such as CPUs or memory often stay as they are.
 */
export const VmTableCell = memo(
  VmTableCellView,
  (before, after) =>
    before.column === after.column &&
    before.labels === after.labels &&
    sameCellContent(before.row, after.row, after.column),
);
