// What a page shows for an inventory read. A provider whose inventory is not collected yet is not
// an error: the BFF answers 404 until the provider controller starts collecting and 206 without a
// body until the first full load is in (reference inventory.md §1.1), and a push refetches then.
import { BffError, NotLoadedYetError } from '../../../utils/bff.ts';

export type InventoryState<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string };

export const inventoryState = <T>({
  data,
  error,
}: {
  data: T | undefined;
  error: Error | null;
}): InventoryState<T> => {
  if (error) {
    if (error instanceof NotLoadedYetError || (error instanceof BffError && error.status === 404)) {
      return { state: 'loading' };
    }
    return { state: 'failed', message: error.message };
  }
  return data === undefined ? { state: 'loading' } : { state: 'ready', data };
};
