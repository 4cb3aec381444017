// Forklift's inventory query parameters (reference inventory.md §1.1), once the route schema has
// checked their syntax: `detail` as a level, `name` split into name and path.
import type { ListOptions } from './provider-inventory.ts';

/** Forklift's MaxDetail, which `detail=all` stands for. */
export const MAX_DETAIL = 9;

/** `detail` as the route schema admits it: `all` or digits; absent means 0. */
export const DETAIL_PATTERN = '^(all|[0-9]+)$';

export const detailLevel = (detail: string | undefined): number => {
  if (detail === undefined) return 0;
  if (detail === 'all') return MAX_DETAIL;
  return Math.min(Number(detail), MAX_DETAIL);
};

/** `name=<dc>/<folder>/<vm>`: the last segment is the name, what comes before is a path. */
export const splitName = (name: string): NonNullable<ListOptions['name']> => {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? { name } : { name: name.slice(slash + 1), path: name.slice(0, slash) };
};

/** `offset` then `limit` applied to a list, as Forklift pages provider lists. */
export const page = <T>(items: readonly T[], offset = 0, limit?: number): readonly T[] =>
  offset === 0 && limit === undefined
    ? items
    : items.slice(offset, limit === undefined ? undefined : offset + limit);
