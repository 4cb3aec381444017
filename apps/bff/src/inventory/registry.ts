// The inventories the BFF keeps, one per Provider (by metadata.uid). The provider controller
// decides when one runs: it `ensure`s an inventory once the connection test passes and removes it
// when the Provider goes away or can no longer connect. Everyone else only reads.
import type { ProviderInventory } from './provider-inventory.ts';

export type InventoryChange = { providerUid: string; collections: string[] };

type Entry = { key: string; inventory: ProviderInventory; unsubscribe: () => void };

export const createInventoryRegistry = () => {
  const entries = new Map<string, Entry>();
  const listeners = new Set<(change: InventoryChange) => void>();

  const remove = async (providerUid: string): Promise<void> => {
    const entry = entries.get(providerUid);
    if (!entry) return;
    entries.delete(providerUid);
    entry.unsubscribe();
    await entry.inventory.stop();
  };

  return {
    get: (providerUid: string): ProviderInventory | undefined =>
      entries.get(providerUid)?.inventory,
    /**
     * Returns the provider's running inventory when it was started with the same key (say, a hash
     * of URL, settings and credentials); otherwise stops the old one and starts a new one.
     */
    async ensure(
      providerUid: string,
      key: string,
      start: () => ProviderInventory,
    ): Promise<ProviderInventory> {
      const current = entries.get(providerUid);
      if (current?.key === key) return current.inventory;
      await remove(providerUid);
      const inventory = start();
      const unsubscribe = inventory.subscribe((collections) => {
        for (const listener of listeners) listener({ providerUid, collections });
      });
      entries.set(providerUid, { key, inventory, unsubscribe });
      for (const listener of listeners) listener({ providerUid, collections: ['provider'] });
      return inventory;
    },
    remove,
    providerUids: (): string[] => [...entries.keys()],
    /** Hears every inventory's changes, and `provider` when one starts. */
    subscribe(listener: (change: InventoryChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stopAll(): Promise<void> {
      await Promise.all([...entries.keys()].map(remove));
      listeners.clear();
    },
  };
};

export type InventoryRegistry = ReturnType<typeof createInventoryRegistry>;
