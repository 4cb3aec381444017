import { useMemo, useState } from 'react';
import {
  NO_VM_FILTERS,
  filterVmRows,
  pageOfRows,
  sortVmRows,
  toVmRows,
  type InventoryNamed,
  type InventoryVm,
  type VmFilters,
  type VmSort,
} from '../utils/vm-table.ts';

export const VM_PER_PAGE_OPTIONS = [50, 100, 200] as const;

/**
 * The VM table's state and the rows of the visible page. Each step is memoized on its own inputs:
 * a pushed inventory change rebuilds the rows, a new filter re-filters, a new sort re-sorts, and
 * paging only slices, so 5,000 VMs stay responsive.
 */
export const useVmTable = (
  vms: readonly InventoryVm[],
  hosts: readonly InventoryNamed[] | undefined,
  folders: readonly InventoryNamed[] | undefined,
) => {
  const [filters, setFiltersState] = useState<VmFilters>(NO_VM_FILTERS);
  const [sort, setSortState] = useState<VmSort>({ column: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);
  const [perPage, setPerPageState] = useState<number>(VM_PER_PAGE_OPTIONS[0]);

  const rows = useMemo(() => toVmRows(vms, hosts, folders), [vms, hosts, folders]);
  const filtered = useMemo(() => filterVmRows(rows, filters), [rows, filters]);
  const sorted = useMemo(() => sortVmRows(filtered, sort), [filtered, sort]);
  // A push that shrinks the list must not leave the table on a page that no longer exists.
  const shownPage = Math.min(page, Math.max(1, Math.ceil(sorted.length / perPage)));
  const visible = useMemo(
    () => pageOfRows(sorted, shownPage, perPage),
    [sorted, shownPage, perPage],
  );

  // A new filter or sort starts from the first page, where the best matches are.
  const setFilters = (next: VmFilters) => {
    setFiltersState(next);
    setPage(1);
  };
  const setSort = (next: VmSort) => {
    setSortState(next);
    setPage(1);
  };
  const setPerPage = (next: number) => {
    setPerPageState(next);
    setPage(1);
  };

  return {
    total: rows.length,
    matching: sorted.length,
    visible,
    filters,
    setFilters,
    sort,
    setSort,
    page: shownPage,
    setPage,
    perPage,
    setPerPage,
  };
};
