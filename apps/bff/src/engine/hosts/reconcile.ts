// The host controller's reconcile (reference engine.md §1.8). Forklift also logs in to the ESXi
// host itself with the Host's Secret (ConnectionTestSucceeded/ConnectionTestFailed). That test is
// left out here: vcsim's hosts have no SDK endpoint of their own, so it could not be exercised and
// would only ever fail or be faked. A Host is Ready when its provider, host reference, IP address
// and Secret are valid.
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { HostModel, ProviderModel, type Host, type Provider } from '@forklift-console/api';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import { stageConditions, type Condition } from '../conditions.ts';
import { readSecret } from '../secrets.ts';
import {
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  SLOW_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { checkHost } from './validation.ts';

export type HostReconcilerOptions = {
  custom: CustomObjectsApi;
  core: CoreV1Api;
  inventories: InventoryRegistry;
  logger: Logger;
};

/** The provider a Host points at; a reference without a namespace means the Host's namespace. */
export const hostProviderLocation = (host: Host) => {
  const ref = host.spec?.provider;
  return ref?.name
    ? { name: ref.name, namespace: ref.namespace || host.metadata?.namespace || '' }
    : undefined;
};

export const createHostReconciler =
  ({ custom, core, inventories, logger }: HostReconcilerOptions) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const host = await readObject<Host>(custom, HostModel, namespace, name);
    if (!host || host.metadata?.deletionTimestamp) return {};
    const location = hostProviderLocation(host);
    const provider =
      location &&
      (await readObject<Provider>(custom, ProviderModel, location.namespace, location.name));
    const checks = checkHost({
      host,
      providerName: location ? `${location.namespace}/${location.name}` : '',
      provider,
      inventory: provider?.metadata?.uid ? inventories.get(provider.metadata.uid) : undefined,
      secret: await readSecret(core, host.spec?.secret, namespace),
    });
    const stage = stageConditions(host.status?.conditions as Condition[] | undefined);
    for (const condition of checks.conditions) stage.set(condition);
    const ready = !stage.hasBlocker() && !checks.waitingForProvider;
    if (ready) stage.set({ type: 'Ready', category: 'Required', message: 'The host is ready.' });
    try {
      const written = await writeStatus(custom, HostModel, host, {
        conditions: stage.end(),
        observedGeneration: host.metadata?.generation,
      });
      const wasReady = host.status?.conditions?.some((condition) => condition.type === 'Ready');
      if (written && wasReady !== ready)
        logger.info({ host: key, ready }, 'host readiness changed');
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    // Changes of the provider, the Secret and the inventory requeue the host as they happen;
    // the periodic pass is the safety net for anything missed.
    return { requeueAfterMs: checks.waitingForProvider ? SLOW_REQUEUE_MS : LONG_REQUEUE_MS };
  };
