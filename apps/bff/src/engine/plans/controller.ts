// Runs the plan reconcile for every Plan: on start, when its spec changes, and when anything it is
// judged against changes — its providers (spec or status), the inventories of those providers (a
// VM's concerns, NICs or disks, a host entering maintenance, a VirtualMachine created in the
// target cluster), its NetworkMap and StorageMap (their Ready condition included), the Hooks its
// VMs run, and the ForkliftController's switches — so an open page shows the verdict in seconds.
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  type V1Secret,
} from '@kubernetes/client-node';
import type {
  ForkliftController,
  Hook,
  Migration,
  NetworkMap,
  Plan,
  Provider,
  StorageMap,
} from '@forklift-console/api';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import { serviceForkliftController } from '../../overview/access.ts';
import { keyOf, type Watch, createWorkQueue } from '@forklift-console/controller-runtime';
import { createPlanReconciler } from './reconcile.ts';
import { createSourceAdapterCache } from '../migrations/sources/adapter-cache.ts';
import { wakeDelayFor } from './wake.ts';

export type PlanControllerOptions = {
  kubeConfig: KubeConfig;
  inventories: InventoryRegistry;
  logger: Logger;
  watches: {
    plans: Watch<Plan>;
    providers: Watch<Provider>;
    networkMaps: Watch<NetworkMap>;
    storageMaps: Watch<StorageMap>;
    hooks: Watch<Hook>;
    forkliftControllers: Watch<ForkliftController>;
    migrations: Watch<Migration>;
    secrets: Watch<V1Secret>;
    /** The DataVolumes migrations make (also among migrationObjects), read to follow copies. */
    dataVolumes: Watch<KubernetesObject>;
    /** The objects migrations make (labelled `plan`): a change in one moves its plan along. */
    migrationObjects: Watch<KubernetesObject>[];
  };
};

type Ref = { name?: string; namespace?: string } | undefined;
type Meta = { metadata?: { name?: string; namespace?: string; generation?: number } };

const location = (ref: Ref, planNamespace: string): string | undefined =>
  ref?.name ? `${ref.namespace || planNamespace}/${ref.name}` : undefined;

/** Every object a plan refers to, as `namespace/name`, by kind. */
const planReferences = (plan: Plan) => {
  const namespace = plan.metadata?.namespace ?? '';
  const at = (ref: Ref) => location(ref, namespace);
  return {
    providers: [at(plan.spec?.provider?.source), at(plan.spec?.provider?.destination)],
    networkMaps: [at(plan.spec?.map?.network)],
    storageMaps: [at(plan.spec?.map?.storage)],
    hooks: (plan.spec?.vms ?? []).flatMap((vm) => (vm.hooks ?? []).map(({ hook }) => at(hook))),
  };
};

type ReferenceKind = keyof ReturnType<typeof planReferences>;

// The inventory collections a plan is judged against, on each side; `provider` is what the
// registry says when an inventory (re)starts. The destination cluster's PVCs, DataVolumes and pods
// churn while migrations run and are not among them.
const SOURCE_COLLECTIONS = new Set([
  'provider',
  'vms',
  'hosts',
  'networks',
  'datastores',
  'storages',
  'networkattachmentdefinitions',
  'persistentvolumeclaims',
  'storageclasses',
]);
const DESTINATION_COLLECTIONS = new Set(['provider', 'vms', 'networkattachmentdefinitions']);

const finder =
  <T extends Meta>(watch: Watch<T>) =>
  (namespace: string, name: string): T | undefined =>
    watch
      .list()
      .find((item) => item.metadata?.namespace === namespace && item.metadata?.name === name);

/** Judged since its last spec change: its status has caught up with its generation. */
const isJudged = (object: Meta & { status?: { observedGeneration?: number } }): boolean =>
  object.status?.observedGeneration === object.metadata?.generation;

export const startPlanController = ({
  kubeConfig,
  inventories,
  logger,
  watches: {
    plans,
    providers,
    networkMaps,
    storageMaps,
    hooks,
    forkliftControllers,
    migrations,
    secrets,
    dataVolumes,
    migrationObjects,
  },
}: PlanControllerOptions) => {
  const findProvider = finder(providers);
  const findNetworkMap = finder(networkMaps);
  const findStorageMap = finder(storageMaps);
  const findHook = finder(hooks);

  const unjudgedReferences = (plan: Plan): string[] => {
    const references = planReferences(plan);
    const lookups: [ReferenceKind, (namespace: string, name: string) => Meta | undefined][] = [
      ['providers', findProvider],
      ['networkMaps', findNetworkMap],
      ['storageMaps', findStorageMap],
      ['hooks', findHook],
    ];
    return lookups.flatMap(([kind, find]) =>
      references[kind].flatMap((at) => {
        if (!at) return [];
        const [namespace = '', name = ''] = at.split('/');
        const object = find(namespace, name);
        return object && !isJudged(object) ? [at] : [];
      }),
    );
  };

  const sourceAdapters = createSourceAdapterCache();
  const queue = createWorkQueue({
    reconcile: createPlanReconciler({
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      core: kubeConfig.makeApiClient(CoreV1Api),
      findProvider,
      inventoryOf: inventories.get,
      findNetworkMap,
      findStorageMap,
      findHook,
      forkliftController: () => serviceForkliftController(forkliftControllers.list()),
      unjudgedReferences,
      execution: {
        kubeConfig,
        findProvider,
        findNetworkMap,
        findStorageMap,
        findSecret: finder(secrets),
        dataVolumes: () => dataVolumes.list(),
        inventoryOf: inventories.get,
        forkliftController: () => serviceForkliftController(forkliftControllers.list()),
        migrations: () => migrations.list(),
        plans: () => plans.list(),
        sourceAdapters,
      },
      logger,
    }),
    onError: (key, error) =>
      logger.error({ plan: key, err: String(error) }, 'plan reconcile failed'),
  });

  const addAll = () => {
    for (const plan of plans.list()) queue.add(keyOf(plan));
  };
  /** Queues the plans that refer to `object` as a `kind`. */
  const addPlansReferring = (kind: ReferenceKind, object: Meta) => {
    const at = keyOf(object);
    for (const plan of plans.list()) {
      if (planReferences(plan)[kind].includes(at)) queue.add(keyOf(plan));
    }
  };

  const unsubscribers = [
    plans.subscribe(({ type, object, previous }) => {
      // Its own status writes come back as updates too; only a new spec is news. A deleted plan
      // is reconciled once more, to remove what its migrations left behind.
      if (type !== 'updated' || previous?.metadata?.generation !== object.metadata?.generation) {
        queue.add(keyOf(object));
      }
    }),
    migrations.subscribe(({ object }) => {
      const ref = object.spec?.plan;
      if (ref?.name) queue.add(`${ref.namespace || object.metadata?.namespace}/${ref.name}`);
    }),
    ...migrationObjects.map((watch) =>
      watch.subscribe((event) => {
        const labels = event.object.metadata?.labels ?? {};
        const [name, namespace] = [labels['plan-name'], labels['plan-namespace']];
        if (!name || !namespace) return;
        const delayMs = wakeDelayFor(event);
        if (delayMs > 0) queue.addAfter(`${namespace}/${name}`, delayMs);
        else queue.add(`${namespace}/${name}`);
      }),
    ),
    // Status included: a Ready that comes or goes is what the plan is judged on.
    providers.subscribe(({ type, object }) => {
      if (type === 'deleted') void sourceAdapters.remove(object.metadata?.uid ?? '');
      addPlansReferring('providers', object);
    }),
    networkMaps.subscribe(({ object }) => addPlansReferring('networkMaps', object)),
    storageMaps.subscribe(({ object }) => addPlansReferring('storageMaps', object)),
    hooks.subscribe(({ object }) => addPlansReferring('hooks', object)),
    forkliftControllers.subscribe(addAll),
    inventories.subscribe(({ providerUid, collections }) => {
      const provider = providers.list().find((p) => p.metadata?.uid === providerUid);
      if (!provider) return;
      const at = keyOf(provider);
      const asSource = collections.some((collection) => SOURCE_COLLECTIONS.has(collection));
      const asDestination = collections.some((c) => DESTINATION_COLLECTIONS.has(c));
      for (const plan of plans.list()) {
        const [source, destination] = planReferences(plan).providers;
        if ((asSource && source === at) || (asDestination && destination === at)) {
          queue.add(keyOf(plan));
        }
      }
    }),
  ];
  addAll();

  return {
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await queue.stop();
      await sourceAdapters.closeAll();
    },
  };
};

export type PlanController = ReturnType<typeof startPlanController>;
