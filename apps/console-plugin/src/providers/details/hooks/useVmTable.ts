import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  NO_VM_FILTERS,
  filterVmRows,
  pageOfRows,
  shownPageOf,
  sortVmRows,
  type VmFilters,
  type VmRow,
  type VmSort,
} from '../../../utils/vm-table.ts';

export const VM_PER_PAGE_OPTIONS = [50, 100, 200] as const;

/**
 * The VM table's state and the rows of the visible page. Each step is memoized on its own inputs:
 * rows the caller rebuilt from a pushed inventory change are re-sorted, a new sort re-sorts, a new
 * filter only scans the sorted rows, and paging only slices, so 5,000 VMs stay responsive.
 */
export const useVmTable = (rows: readonly VmRow[]) => {
  const [filters, setFiltersState] = useState<VmFilters>(NO_VM_FILTERS);
  const [sort, setSortState] = useState<VmSort>({ column: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);
  const [perPage, setPerPageState] = useState<number>(VM_PER_PAGE_OPTIONS[0]);
  // The filter input shows each keystroke at once; the rows follow in a render that React drops
  // when the next keystroke comes first, so fast typing never queues up stale tables.
  const appliedFilters = useDeferredValue(filters);

  const sorted = useMemo(() => sortVmRows(rows, sort), [rows, sort]);
  const matching = useMemo(() => filterVmRows(sorted, appliedFilters), [sorted, appliedFilters]);
  const shownPage = shownPageOf(page, matching.length, perPage);
  const visible = useMemo(
    () => pageOfRows(matching, shownPage, perPage),
    [matching, shownPage, perPage],
  );

  // A new filter or sort starts from the first page, where the best matches are. Stable, so that
  // the rows, memoized on their props, skip the render that only shows a keystroke.
  const setFilters = useCallback((next: VmFilters) => {
    setFiltersState(next);
    setPage(1);
  }, []);
  const setSort = useCallback((next: VmSort) => {
    setSortState(next);
    setPage(1);
  }, []);
  const setPerPage = useCallback((next: number) => {
    setPerPageState(next);
    setPage(1);
  }, []);

  return {
    total: rows.length,
    matching: matching.length,
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

export type VmTableState = ReturnType<typeof useVmTable>;
