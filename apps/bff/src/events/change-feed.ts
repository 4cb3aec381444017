// Watches the resources the console shows and tells subscribers what changed, so that the UI can
// invalidate exactly the queries that are stale instead of polling. Informers relist by themselves
// after a 410 Gone; after any other failure the feed restarts the informer with a backoff.
import {
  CoreV1Api,
  CustomObjectsApi,
  makeInformer,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  DataVolumeModel,
  FORKLIFT_MODELS,
  NamespaceModel,
  NetworkAttachmentDefinitionModel,
  PersistentVolumeClaimModel,
  PodModel,
  VirtualMachineModel,
  type K8sModel,
} from '@forklift-console/api';
import type { Logger } from '../logging.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type ChangeEvent = {
  resource: string;
  namespace?: string;
  name: string;
  type: ChangeType;
};

export type ChangeListener = (event: ChangeEvent) => void;

export type ChangeFeed = {
  subscribe(listener: ChangeListener): () => void;
  /** True once every watch has listed and is live. */
  isReady(): boolean;
  stop(): Promise<void>;
};

/**
 * What a plan's migration makes in the target project (labelled `plan=<uid>`): the Virtual machines
 * tab shows them, so their changes are pushed too. Only labelled ones are watched, so the feed
 * does not follow every pod of the cluster.
 */
export const MIGRATION_OBJECT_MODELS: readonly K8sModel[] = [
  DataVolumeModel,
  PersistentVolumeClaimModel,
  PodModel,
  VirtualMachineModel,
];

export const WATCHED_MODELS: readonly K8sModel[] = [
  ...FORKLIFT_MODELS,
  NetworkAttachmentDefinitionModel,
  NamespaceModel,
  ...MIGRATION_OBJECT_MODELS,
];

const MIGRATION_LABEL_SELECTOR = 'plan';

const labelSelectorOf = (model: K8sModel): string | undefined =>
  MIGRATION_OBJECT_MODELS.includes(model) ? MIGRATION_LABEL_SELECTOR : undefined;

const collectionPath = (model: K8sModel): string =>
  model.group
    ? `/apis/${model.group}/${model.version}/${model.plural}`
    : `/api/${model.version}/${model.plural}`;

const listAll = (
  kubeConfig: KubeConfig,
  model: K8sModel,
): (() => Promise<KubernetesListObject<KubernetesObject>>) => {
  const labelSelector = labelSelectorOf(model);
  const selector = labelSelector ? { labelSelector } : {};
  if (model === NamespaceModel) {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    return () => core.listNamespace();
  }
  if (model === PodModel || model === PersistentVolumeClaimModel) {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    return model === PodModel
      ? () => core.listPodForAllNamespaces(selector)
      : () => core.listPersistentVolumeClaimForAllNamespaces(selector);
  }
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const { group, version, plural } = model;
  return () => custom.listClusterCustomObject({ group, version, plural, ...selector });
};

const RESTART_DELAYS_MS = [500, 1000, 2000, 5000, 10000];

export const startChangeFeed = async (
  kubeConfig: KubeConfig,
  logger: Logger,
  models: readonly K8sModel[] = WATCHED_MODELS,
): Promise<ChangeFeed> => {
  const listeners = new Set<ChangeListener>();
  const live = new Set<string>();
  let stopped = false;

  const emit = (model: K8sModel, type: ChangeType, object: KubernetesObject) => {
    const event: ChangeEvent = {
      resource: model.plural,
      name: object.metadata?.name ?? '',
      type,
      ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}),
    };
    for (const listener of listeners) listener(event);
  };

  const informers = models.map((model) => {
    const informer = makeInformer(
      kubeConfig,
      collectionPath(model),
      listAll(kubeConfig, model),
      labelSelectorOf(model),
    );
    let failures = 0;
    informer.on('add', (object) => emit(model, 'ADDED', object));
    informer.on('update', (object) => emit(model, 'MODIFIED', object));
    informer.on('delete', (object) => emit(model, 'DELETED', object));
    informer.on('connect', () => {
      failures = 0;
      live.add(model.plural);
    });
    informer.on('error', (error) => {
      live.delete(model.plural);
      if (stopped) return;
      const delay = RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length - 1)] ?? 10000;
      failures += 1;
      logger.warn(
        { resource: model.plural, err: String(error), retryInMs: delay },
        'watch failed; restarting',
      );
      setTimeout(() => {
        if (!stopped) informer.start().catch(() => undefined);
      }, delay).unref();
    });
    return { model, informer };
  });

  // A watch that cannot start now (API server down) reports through its error handler and retries,
  // so the BFF still starts and /readyz tells the truth.
  await Promise.all(
    informers.map(({ model, informer }) =>
      informer.start().then(
        () => live.add(model.plural),
        () => undefined,
      ),
    ),
  );

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // A cluster without CDI or KubeVirt still serves the console: the watches of what migrations
    // make keep retrying, but do not hold readiness back.
    isReady: () =>
      !stopped &&
      informers.every(
        ({ model }) => live.has(model.plural) || MIGRATION_OBJECT_MODELS.includes(model),
      ),
    async stop() {
      stopped = true;
      listeners.clear();
      await Promise.all(informers.map(({ informer }) => informer.stop()));
    },
  };
};
