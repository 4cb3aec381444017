// What the rows of both map kinds have in common: a key, a source, and why Suggest mappings chose
// the row, which no longer holds once the user changes what it chose.
import type { SourceOption } from './map-inventory.ts';

export type MapRow = { key: string; source?: SourceOption; suggestion?: unknown };

/**
 * The rows with one row changed. A change drops the row's suggestion unless `keepsSuggestion`
 * says the change leaves what Suggest mappings chose alone (e.g. a storage row's advanced options).
 */
export const changeRow = <Row extends MapRow>(
  rows: readonly Row[],
  key: string,
  change: Partial<Row>,
  keepsSuggestion = false,
): Row[] =>
  rows.map((row) =>
    row.key === key
      ? { ...row, ...change, suggestion: keepsSuggestion ? row.suggestion : undefined }
      : row,
  );

export const removeRow = <Row extends MapRow>(rows: readonly Row[], key: string): Row[] =>
  rows.filter((row) => row.key !== key);
