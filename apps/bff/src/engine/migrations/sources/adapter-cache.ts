// The engine reconciles a running plan every few seconds; a vCenter limits how many sessions it
// keeps open. So adapters live as long as their provider's connection does: one per provider,
// reused while its URL, settings, Secret, trusted certificate and inventory stay the same, closed
// (its session logged out) when any of them changes or the engine stops.
import { createHash } from 'node:crypto';
import { decodeSecretData } from '../../secrets.ts';
import { sourceAdapterFor, type SourceAdapterContext } from './index.ts';
import type { SourceAdapter } from './source-adapter.ts';

type Entry = { key: string; context: SourceAdapterContext; adapter: SourceAdapter };

/** Names what an adapter was made with; hashed, so the cache never holds a credential in clear. */
const keyOf = ({ provider, secret }: SourceAdapterContext): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        provider.spec?.type ?? '',
        provider.spec?.url ?? '',
        Object.entries(provider.spec?.settings ?? {}).sort(),
        provider.status?.fingerprint ?? '',
        Object.entries(secret ? decodeSecretData(secret) : {}).sort(),
      ]),
    )
    .digest('hex');

export const createSourceAdapterCache = () => {
  const entries = new Map<string, Entry>();

  const closeEntry = async (entry: Entry) => {
    try {
      await entry.adapter.close();
    } catch (error) {
      entry.context.logger.warn(
        { err: (error as Error).message },
        'Closing a source adapter failed',
      );
    }
  };

  return {
    /** The provider's adapter: the one made before when nothing it was made with has changed. */
    adapterFor(context: SourceAdapterContext): SourceAdapter {
      const uid = context.provider.metadata?.uid ?? '';
      const key = keyOf(context);
      const current = entries.get(uid);
      if (current?.key === key && current.context.inventory === context.inventory) {
        return current.adapter;
      }
      if (current) void closeEntry(current);
      const adapter = sourceAdapterFor(context);
      entries.set(uid, { key, context, adapter });
      return adapter;
    },
    /** Closes the adapter of a provider that went away. */
    async remove(providerUid: string): Promise<void> {
      const entry = entries.get(providerUid);
      if (!entry) return;
      entries.delete(providerUid);
      await closeEntry(entry);
    },
    async closeAll(): Promise<void> {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map(closeEntry));
    },
  };
};

export type SourceAdapterCache = ReturnType<typeof createSourceAdapterCache>;
