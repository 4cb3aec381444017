import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  vmFiltersFromSearchParams,
  withVmFilters,
  type MigrationVmFilters,
} from '../utils/migration-vm-filters.ts';

/** The Virtual machines tab's status and name filters, read from and written to the URL. */
export const useMigrationVmFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => vmFiltersFromSearchParams(searchParams), [searchParams]);
  const setFilters = useCallback(
    (next: Partial<MigrationVmFilters>) =>
      setSearchParams((params) => withVmFilters(params, next), { replace: true }),
    [setSearchParams],
  );
  return { filters, setFilters };
};
