import type { TimeRange } from '../utils/time-range.ts';
import { isTimeRange } from '../utils/time-range.ts';
import { useLocalStorageState } from './useLocalStorageState.ts';

/** A chart's period, remembered by this browser; each chart has its own `name`. */
export const useTimeRange = (name: string, initial: TimeRange) =>
  useLocalStorageState<TimeRange>(`forklift-console/${name}-range`, initial, isTimeRange);
