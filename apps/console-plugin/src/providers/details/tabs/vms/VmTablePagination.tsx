import type { FC } from 'react';
import { Pagination } from '@patternfly/react-core';
import { VM_PER_PAGE_OPTIONS, type VmTableState } from '../../hooks/useVmTable.ts';

const PER_PAGE_OPTIONS = VM_PER_PAGE_OPTIONS.map((value) => ({ title: String(value), value }));

type Props = {
  table: Pick<VmTableState, 'matching' | 'page' | 'setPage' | 'perPage' | 'setPerPage'>;
  variant: 'top' | 'bottom';
};

/** The page and per-page choice of the VM table, compact above it and full below. */
export const VmTablePagination: FC<Props> = ({ table, variant }) => (
  <Pagination
    variant={variant}
    itemCount={table.matching}
    page={table.page}
    perPage={table.perPage}
    perPageOptions={PER_PAGE_OPTIONS}
    onSetPage={(_event, page) => table.setPage(page)}
    onPerPageSelect={(_event, perPage) => table.setPerPage(perPage)}
    isCompact={variant === 'top'}
    data-testid={`vm-pagination-${variant}`}
  />
);
