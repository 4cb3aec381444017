import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  filterPlanRows,
  filtersFromSearchParams,
  withFilter,
  withoutFilters,
  type PlanFilterName,
} from '../utils/plan-filters.ts';
import type { PlanRow } from '../utils/plan-rows.ts';
import { DEFAULT_PLAN_SORT, sortPlanRows, type PlanSort } from '../utils/plan-sort.ts';

export const PLANS_PER_PAGE_OPTIONS = [50, 100, 200] as const;

/**
 * The filters (in the URL), the page and the selection of the plans list. The filter input shows
 * each keystroke at once; the rows follow in a deferred render React drops when the next
 * keystroke comes first, and each step is memoized on its own inputs.
 */
export const usePlanListState = (rows: readonly PlanRow[]) => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const appliedFilters = useDeferredValue(filters);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState<number>(PLANS_PER_PAGE_OPTIONS[0]);
  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(new Set());

  const [sort, setSortState] = useState<PlanSort>(DEFAULT_PLAN_SORT);
  const sorted = useMemo(() => sortPlanRows(rows, sort), [rows, sort]);
  const matching = useMemo(() => filterPlanRows(sorted, appliedFilters), [sorted, appliedFilters]);
  const lastPage = Math.max(1, Math.ceil(matching.length / perPage));
  const shownPage = Math.min(page, lastPage);
  const visible = useMemo(
    () => matching.slice((shownPage - 1) * perPage, shownPage * perPage),
    [matching, shownPage, perPage],
  );
  // Only plans still listed and not running stay selected, whatever changed under the selection.
  const selected = useMemo(
    () => matching.filter((row) => selectedKeys.has(row.key) && !row.isRunning),
    [matching, selectedKeys],
  );

  const setFilter = useCallback(
    (filter: PlanFilterName, value: string | boolean | readonly string[] | undefined) => {
      setPage(1);
      setSearchParams((params) => withFilter(params, filter, value), { replace: true });
    },
    [setSearchParams],
  );
  const clearFilters = useCallback(
    () => setSearchParams(withoutFilters, { replace: true }),
    [setSearchParams],
  );
  const setSort = useCallback((next: PlanSort) => {
    setPage(1);
    setSortState(next);
  }, []);
  const setRowSelected = useCallback((key: string, isSelected: boolean) => {
    setSelectedKeys((previous) => {
      const next = new Set(previous);
      if (isSelected) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const selectRows = useCallback((keys: readonly string[]) => setSelectedKeys(new Set(keys)), []);

  return {
    filters,
    setFilter,
    clearFilters,
    matching,
    visible,
    sort,
    setSort,
    page: shownPage,
    setPage,
    perPage,
    setPerPage,
    selected,
    setRowSelected,
    selectRows,
  };
};
