// The plans list's columns and which the user shows. Name cannot be hidden (it is the row's
// link); Description is hidden until asked for, as in Forklift. The choice is kept per browser.
export const PLAN_COLUMNS = [
  'name',
  'namespace',
  'source',
  'target',
  'vms',
  'status',
  'type',
  'started',
  'description',
] as const;

export type PlanColumn = (typeof PLAN_COLUMNS)[number];

export const IDENTITY_COLUMN: PlanColumn = 'name';

export const DEFAULT_HIDDEN_COLUMNS: readonly PlanColumn[] = ['description'];

/** Forklift's key for the page's user settings: `<plugin name>/<page>`. */
export const PLAN_COLUMNS_STORAGE_KEY = 'forklift-console-plugin/Plans';

const isPlanColumn = (value: unknown): value is PlanColumn =>
  (PLAN_COLUMNS as readonly unknown[]).includes(value);

/** The hidden columns stored as `{"hidden": [...]}`; anything else means the defaults. */
export const hiddenColumnsFromStorage = (stored: string | null): PlanColumn[] => {
  try {
    const parsed = JSON.parse(stored ?? '') as { hidden?: unknown };
    if (!Array.isArray(parsed.hidden)) return [...DEFAULT_HIDDEN_COLUMNS];
    return parsed.hidden.filter(
      (column): column is PlanColumn => isPlanColumn(column) && column !== IDENTITY_COLUMN,
    );
  } catch {
    return [...DEFAULT_HIDDEN_COLUMNS];
  }
};

export const hiddenColumnsToStorage = (hidden: readonly PlanColumn[]): string =>
  JSON.stringify({ hidden });

export const visibleColumns = (hidden: readonly PlanColumn[]): PlanColumn[] =>
  PLAN_COLUMNS.filter((column) => column === IDENTITY_COLUMN || !hidden.includes(column));
