// The BFF's engine: the watches the controllers share and the controllers on top of them. Reads
// and writes go through client-node with the kubeConfig given, whatever API server is behind it.
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Secret,
} from '@kubernetes/client-node';
import {
  ForkliftControllerModel,
  HookModel,
  HostModel,
  NetworkMapModel,
  PlanModel,
  ProviderModel,
  StorageMapModel,
  type ForkliftController,
  type Hook,
  type Host,
  type K8sModel,
  type NetworkMap,
  type Plan,
  type Provider,
  type StorageMap,
} from '@forklift-console/api';
import type { InventoryRegistry } from '../inventory/registry.ts';
import type { Logger } from '../logging.ts';
import { startHookController } from './hooks/controller.ts';
import { startHostController } from './hosts/controller.ts';
import { startMapController } from './maps/controller.ts';
import { NETWORK_MAP, STORAGE_MAP } from './maps/validation.ts';
import { startPlanController } from './plans/controller.ts';
import type { InventoryStarter } from './providers/inventory-starter.ts';
import { startProviderController } from './providers/controller.ts';
import { startWatch, type Named } from '@forklift-console/controller-runtime';

export type EngineOptions = {
  kubeConfig: KubeConfig;
  inventories: InventoryRegistry;
  /** Usually startProviderInventory (./providers/inventory-starter.ts). */
  startInventory: InventoryStarter;
  /** Where OVA providers' NFS shares are found on this machine (config ovaShareRoot). */
  ovaShareRoot: string;
  logger: Logger;
};

export type Engine = {
  /** True while the watches that feed the controllers are connected. */
  isLive(): boolean;
  stop(): Promise<void>;
};

const watchCustom = <T extends Named>(kubeConfig: KubeConfig, model: K8sModel, logger: Logger) => {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const { group, version, plural } = model;
  return startWatch<T>({
    kubeConfig,
    path: `/apis/${group}/${version}/${plural}`,
    list: () =>
      custom.listClusterCustomObject({ group, version, plural }) as Promise<{ items: T[] }>,
    logger,
  });
};

/** Resolves once the watches have listed and every existing object is queued for a reconcile. */
export const startEngine = async ({
  kubeConfig,
  inventories,
  startInventory,
  ovaShareRoot,
  logger,
}: EngineOptions): Promise<Engine> => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const [providers, hosts, forkliftControllers, secrets, networkMaps, storageMaps, hooks, plans] =
    await Promise.all([
      watchCustom<Provider>(kubeConfig, ProviderModel, logger),
      watchCustom<Host>(kubeConfig, HostModel, logger),
      watchCustom<ForkliftController>(kubeConfig, ForkliftControllerModel, logger),
      startWatch<V1Secret>({
        kubeConfig,
        path: '/api/v1/secrets',
        list: () => core.listSecretForAllNamespaces(),
        logger,
      }),
      watchCustom<NetworkMap>(kubeConfig, NetworkMapModel, logger),
      watchCustom<StorageMap>(kubeConfig, StorageMapModel, logger),
      watchCustom<Hook>(kubeConfig, HookModel, logger),
      watchCustom<Plan>(kubeConfig, PlanModel, logger),
    ]);
  const controllers = [
    startProviderController({
      kubeConfig,
      inventories,
      startInventory,
      ovaShareRoot,
      logger: logger.child({ controller: 'provider' }),
      watches: { providers, secrets, forkliftControllers },
    }),
    startHostController({
      kubeConfig,
      inventories,
      logger: logger.child({ controller: 'host' }),
      watches: { hosts, providers, secrets },
    }),
    startMapController({
      kubeConfig,
      kind: NETWORK_MAP,
      inventories,
      logger: logger.child({ controller: 'networkmap' }),
      watches: { maps: networkMaps, providers },
    }),
    startMapController({
      kubeConfig,
      kind: STORAGE_MAP,
      inventories,
      logger: logger.child({ controller: 'storagemap' }),
      watches: { maps: storageMaps, providers },
    }),
    startHookController({
      kubeConfig,
      logger: logger.child({ controller: 'hook' }),
      watches: { hooks, forkliftControllers },
    }),
    startPlanController({
      kubeConfig,
      inventories,
      logger: logger.child({ controller: 'plan' }),
      watches: { plans, providers, networkMaps, storageMaps, hooks, forkliftControllers },
    }),
  ];
  const watches = [
    providers,
    hosts,
    forkliftControllers,
    secrets,
    networkMaps,
    storageMaps,
    hooks,
    plans,
  ];
  return {
    isLive: () => watches.every((watch) => watch.isLive()),
    async stop() {
      await Promise.all(watches.map((watch) => watch.stop()));
      await Promise.all(controllers.map((controller) => controller.stop()));
    },
  };
};
