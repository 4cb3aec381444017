// The BFF's engine: the watches the controllers share and the controllers on top of them. Reads
// and writes go through client-node with the kubeConfig given, whatever API server is behind it.
import {
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
  type V1Secret,
} from '@kubernetes/client-node';
import {
  ForkliftControllerModel,
  HookModel,
  HostModel,
  MigrationModel,
  NetworkMapModel,
  PlanModel,
  ProviderModel,
  StorageMapModel,
  type ForkliftController,
  type Hook,
  type Host,
  type K8sModel,
  type Migration,
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
import { startMigrationController } from './migrations/controller.ts';
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

/** The kinds a migration makes, all labelled with their plan (engine.md §8.1). */
const MIGRATION_OBJECT_KINDS = [
  {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    path: '/apis/cdi.kubevirt.io/v1beta1/datavolumes',
  },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', path: '/api/v1/persistentvolumeclaims' },
  { apiVersion: 'v1', kind: 'Pod', path: '/api/v1/pods' },
  { apiVersion: 'batch/v1', kind: 'Job', path: '/apis/batch/v1/jobs' },
  {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    path: '/apis/kubevirt.io/v1/virtualmachines',
  },
];
const PLAN_LABEL_SELECTOR = 'plan-name';
const isDataVolumeKind = ({ kind }: { kind: string }) => kind === 'DataVolume';

const watchMigrationObjects = (kubeConfig: KubeConfig, logger: Logger) => {
  const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  return Promise.all(
    MIGRATION_OBJECT_KINDS.map(({ apiVersion, kind, path }) =>
      startWatch<KubernetesObject>({
        kubeConfig,
        path,
        labelSelector: PLAN_LABEL_SELECTOR,
        list: () =>
          objects.list(
            apiVersion,
            kind,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            PLAN_LABEL_SELECTOR,
          ),
        logger,
      }),
    ),
  );
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
  const [migrationObjects, ...singleWatches] = await Promise.all([
    watchMigrationObjects(kubeConfig, logger),
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
    watchCustom<Migration>(kubeConfig, MigrationModel, logger),
  ] as const);
  const [
    providers,
    hosts,
    forkliftControllers,
    secrets,
    networkMaps,
    storageMaps,
    hooks,
    plans,
    migrations,
  ] = singleWatches;
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
      watches: {
        plans,
        providers,
        networkMaps,
        storageMaps,
        hooks,
        forkliftControllers,
        migrations,
        secrets,
        dataVolumes: migrationObjects[MIGRATION_OBJECT_KINDS.findIndex(isDataVolumeKind)]!,
        migrationObjects,
      },
    }),
    startMigrationController({
      kubeConfig,
      logger: logger.child({ controller: 'migration' }),
      watches: { migrations, plans },
    }),
  ];
  const watches = [...singleWatches, ...migrationObjects];
  return {
    isLive: () => watches.every((watch) => watch.isLive()),
    async stop() {
      await Promise.all(watches.map((watch) => watch.stop()));
      await Promise.all(controllers.map((controller) => controller.stop()));
    },
  };
};
