// Reading Forklift's inventory JSON defensively: the inventories hand out `unknown`, and a field a
// source does not report must read as absent rather than throw.
export type Json = Record<string, unknown>;

export const objectsIn = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.filter((item): item is Json => typeof item === 'object' && item !== null)
    : [];

export const objectAt = (value: unknown, ...path: string[]): Json | undefined => {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Json)[key];
  }
  return typeof current === 'object' && current !== null && !Array.isArray(current)
    ? (current as Json)
    : undefined;
};

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** The id of a Forklift Ref (`{kind, id}`). */
export const idOf = (ref: unknown): string => text((ref as Json | undefined)?.id);
