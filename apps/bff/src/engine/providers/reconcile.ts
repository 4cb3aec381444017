// The provider controller's reconcile (reference engine.md, "Provider controller rules"): validate
// the spec and Secret, test the connection, keep the inventory running, and say so in the status.
// The status is the only memory: every pass starts from the stored Provider and Secret.
import type { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  isHostProvider,
  ProviderModel,
  type ForkliftController,
  type Provider,
} from '@forklift-console/api';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import {
  isBlocker,
  stageConditions,
  type Condition,
  type ConditionInput,
  type ConditionStage,
} from '../conditions.ts';
import { readSecret, type ResolvedSecret } from '../secrets.ts';
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
import { testVsphereConnection, type ConnectionTestResult } from './connection-test.ts';
import { testOpenshiftConnection } from './openshift-connection.ts';
import { remoteClusterKey, remoteClusterOf } from '../../kube/remote-cluster.ts';
import type { InventoryStarter } from './inventory-starter.ts';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { shareFolderProblem } from '../../inventory/ova/ova-inventory.ts';
import { localShareDir } from '../../inventory/ova/share.ts';
import type { OvaScanError } from '../../inventory/ova/scan.ts';
import {
  applianceManagementCondition,
  asksForApplianceManagement,
  openshiftSpecConditions,
  ovaSpecConditions,
  typeNotSupported,
  vsphereSpecConditions,
} from './validation.ts';
import { inventoryKeyOf, vsphereConnectionOf } from './vsphere-connection.ts';

export type ProviderReconcilerOptions = {
  /** The BFF's own access to the cluster it runs on, which the host provider's inventory reads. */
  kubeConfig: KubeConfig;
  custom: CustomObjectsApi;
  core: CoreV1Api;
  inventories: InventoryRegistry;
  startInventory: InventoryStarter;
  /** Where OVA providers' NFS shares are found on this machine (config ovaShareRoot). */
  ovaShareRoot: string;
  /** The service's ForkliftController as the engine's watch holds it. */
  readForkliftController: () => ForkliftController | undefined;
  logger: Logger;
};

type ProviderPhase = 'Staging' | 'ValidationFailed' | 'ConnectionFailed' | 'Ready';

/** What the type-specific checks found, beyond the conditions they staged. */
type Findings = {
  phase: Exclude<ProviderPhase, 'Ready'>;
  /** The provider has a remote end to re-test, so the reconcile requeues itself. */
  remote: boolean;
  secretResourceVersion?: string;
  fingerprint?: string;
};

/** What differs between the provider types that have an endpoint to dial. */
type RemoteEndpoint = {
  specConditions(provider: Provider, secret: ResolvedSecret): ConditionInput[];
  testConnection(
    provider: Provider,
    secretData: Record<string, string>,
  ): Promise<ConnectionTestResult>;
  /** Changes when the inventory must start again: another endpoint or other credentials. */
  inventoryKey(provider: Provider, secretData: Record<string, string>): string;
};

const VSPHERE: RemoteEndpoint = {
  specConditions: vsphereSpecConditions,
  testConnection: (provider, secretData) =>
    testVsphereConnection(vsphereConnectionOf(provider, secretData)),
  inventoryKey: inventoryKeyOf,
};

const clusterOf = (provider: Provider, secretData: Record<string, string>) =>
  remoteClusterOf(provider.spec?.url ?? '', secretData);

const REMOTE_OPENSHIFT: RemoteEndpoint = {
  specConditions: openshiftSpecConditions,
  testConnection: (provider, secretData) =>
    testOpenshiftConnection(clusterOf(provider, secretData)),
  inventoryKey: (provider, secretData) => remoteClusterKey(clusterOf(provider, secretData)),
};

export const createProviderReconciler = ({
  kubeConfig,
  custom,
  core,
  inventories,
  startInventory,
  ovaShareRoot,
  readForkliftController,
  logger,
}: ProviderReconcilerOptions) => {
  const context = { ovaShareRoot, kubeConfig, logger };

  /** InventoryCreated at parity, otherwise LoadInventory with the last failure. */
  const stageInventory = (inventory: ProviderInventory, stage: ConditionStage) => {
    if (inventory.hasParity()) {
      stage.set({
        type: 'InventoryCreated',
        category: 'Required',
        reason: 'Completed',
        message: 'The inventory has been loaded.',
      });
      return;
    }
    const lastError = inventory.lastError();
    stage.set({
      type: 'LoadInventory',
      category: 'Advisory',
      reason: 'Started',
      message: lastError
        ? `Loading the inventory. The last attempt failed: ${lastError}`
        : 'Loading the inventory.',
    });
  };

  /** A provider with an endpoint to dial: its spec and Secret, a connection test, an inventory. */
  const checkRemote = async (
    provider: Provider,
    stage: ConditionStage,
    endpoint: RemoteEndpoint,
  ): Promise<Findings> => {
    const uid = provider.metadata?.uid ?? '';
    const secret = await readSecret(
      core,
      provider.spec?.secret,
      provider.metadata?.namespace ?? '',
    );
    const secretResourceVersion = secret.state === 'found' ? secret.resourceVersion : undefined;
    for (const condition of endpoint.specConditions(provider, secret)) stage.set(condition);
    if (stage.hasBlocker() || secret.state !== 'found') {
      await inventories.remove(uid);
      return { phase: 'ValidationFailed', remote: true, secretResourceVersion };
    }

    const test = await endpoint.testConnection(provider, secret.data);
    if (!test.ok) {
      stage.set(test.condition);
      // An inventory must not keep polling with credentials or an endpoint that stopped working;
      // it starts again from scratch once the test passes.
      await inventories.remove(uid);
      return { phase: 'ConnectionFailed', remote: true, secretResourceVersion };
    }
    stage.set({
      type: 'ConnectionTestSucceeded',
      category: 'Required',
      reason: 'Tested',
      message: 'The connection test succeeded.',
    });

    const inventory = await inventories.ensure(
      uid,
      endpoint.inventoryKey(provider, secret.data),
      () => startInventory(provider, secret.data, context),
    );
    stageInventory(inventory, stage);
    return {
      phase: 'Staging',
      remote: true,
      secretResourceVersion,
      ...(test.fingerprint ? { fingerprint: test.fingerprint } : {}),
    };
  };

  // The share is a local folder (share.ts): the connection test is that it exists and is readable.
  const checkOva = async (provider: Provider, stage: ConditionStage): Promise<Findings> => {
    const uid = provider.metadata?.uid ?? '';
    for (const condition of ovaSpecConditions(provider)) stage.set(condition);
    if (stage.hasBlocker()) {
      await inventories.remove(uid);
      return { phase: 'ValidationFailed', remote: true };
    }
    const shareDir = localShareDir(provider.spec?.url ?? '', ovaShareRoot);
    const problem = await shareFolderProblem(shareDir);
    if (problem) {
      stage.set({
        type: 'ConnectionTestFailed',
        category: 'Critical',
        reason: 'Tested',
        message: `${problem}.`,
      });
      await inventories.remove(uid);
      return { phase: 'ConnectionFailed', remote: true };
    }
    stage.set({
      type: 'ConnectionTestSucceeded',
      category: 'Required',
      reason: 'Tested',
      message: `The share folder ${shareDir} is readable.`,
    });
    // Uploads land in the share, so whether they are open is only worth saying once it is there.
    if (asksForApplianceManagement(provider)) {
      stage.set(applianceManagementCondition(readForkliftController()));
    }
    const inventory = await inventories.ensure(uid, `ova:${shareDir}`, () =>
      startInventory(provider, {}, context),
    );
    stageInventory(inventory, stage);
    const scanErrors = inventory.summary().scanErrors as readonly OvaScanError[] | undefined;
    if (inventory.hasParity() && scanErrors?.length) {
      stage.set({
        type: 'InventoryScanErrors',
        category: 'Warn',
        reason: 'NotValid',
        message: `Some files of the share were skipped: ${scanErrors
          .map(({ path, message }) => `${path}: ${message}`)
          .join('; ')}`,
      });
    }
    return { phase: 'Staging', remote: true };
  };

  // The cluster the console runs on is reached through the API server it already talks to.
  const checkHost = async (provider: Provider, stage: ConditionStage): Promise<Findings> => {
    stage.set({
      type: 'ConnectionTestSucceeded',
      category: 'Required',
      reason: 'Tested',
      message: 'The provider is the cluster this console runs on.',
    });
    const inventory = await inventories.ensure(provider.metadata?.uid ?? '', 'host', () =>
      startInventory(provider, {}, context),
    );
    stageInventory(inventory, stage);
    // Nothing to dial, but its watches can drop: the periodic pass shows that in the conditions.
    return { phase: 'Staging', remote: true };
  };

  const checkProvider = async (provider: Provider, stage: ConditionStage): Promise<Findings> => {
    if (provider.spec?.type === 'vsphere') return checkRemote(provider, stage, VSPHERE);
    if (isHostProvider(provider.spec)) return checkHost(provider, stage);
    if (provider.spec?.type === 'openshift') return checkRemote(provider, stage, REMOTE_OPENSHIFT);
    if (provider.spec?.type === 'ova') return checkOva(provider, stage);
    stage.set(typeNotSupported(provider));
    return { phase: 'ValidationFailed', remote: false };
  };

  return async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const provider = await readObject<Provider>(custom, ProviderModel, namespace, name);
    if (!provider) return {};
    if (provider.metadata?.deletionTimestamp) {
      await inventories.remove(provider.metadata.uid ?? '');
      return {};
    }
    const stage = stageConditions(provider.status?.conditions as Condition[] | undefined);
    const findings = await checkProvider(provider, stage);
    const ready =
      !stage.hasBlocker() && stage.has('ConnectionTestSucceeded') && stage.has('InventoryCreated');
    if (ready) {
      stage.set({ type: 'Ready', category: 'Required', message: 'The provider is ready.' });
    }
    const phase: ProviderPhase = ready ? 'Ready' : findings.phase;
    const conditions = stage.end();
    try {
      const written = await writeStatus(custom, ProviderModel, provider, {
        phase,
        conditions,
        observedGeneration: provider.metadata?.generation,
        secretResourceVersion: findings.secretResourceVersion,
        fingerprint: findings.fingerprint,
      });
      if (written && provider.status?.phase !== phase) {
        const blocker = conditions.find(isBlocker);
        logger.info(
          { provider: key, phase, ...(blocker ? { reason: blocker.message } : {}) },
          'provider phase changed',
        );
      }
    } catch (error) {
      // Someone changed the Provider since it was read: read it again.
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    if (!findings.remote) return {};
    return {
      requeueAfterMs:
        stage.has('ConnectionTestSucceeded') && stage.has('InventoryCreated')
          ? LONG_REQUEUE_MS
          : SLOW_REQUEUE_MS,
    };
  };
};
