import { useCallback, useState } from 'react';
import {
  hiddenColumnsFromStorage,
  hiddenColumnsToStorage,
  PLAN_COLUMNS_STORAGE_KEY,
  visibleColumns,
  type PlanColumn,
} from '../utils/plan-columns.ts';

// Storage can be unavailable (private windows, blocked cookies); the choice then lasts the visit.
const readStored = (): string | null => {
  try {
    return window.localStorage.getItem(PLAN_COLUMNS_STORAGE_KEY);
  } catch {
    return null;
  }
};

/** The columns shown in the plans list, remembered by this browser. */
export const usePlanColumns = () => {
  const [hidden, setHidden] = useState<PlanColumn[]>(() => hiddenColumnsFromStorage(readStored()));
  const saveHidden = useCallback((next: PlanColumn[]) => {
    setHidden(next);
    try {
      window.localStorage.setItem(PLAN_COLUMNS_STORAGE_KEY, hiddenColumnsToStorage(next));
    } catch {
      // The state still holds the choice for this visit.
    }
  }, []);
  return { hidden, visible: visibleColumns(hidden), saveHidden };
};
