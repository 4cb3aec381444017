// The OpenShift source adapter: VMs read from the real OpenShift inventory, and stopped and started
// through the Kubernetes API — of a remote cluster with the provider's token (as --remote-cluster
// runs one) and of the host cluster with the engine's own credentials.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
  type KubeConfig,
  type V1Secret,
} from '@kubernetes/client-node';
import {
  apiVersionOf,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type Provider,
} from '@forklift-console/api';
import { createLogger } from '../../../logging.ts';
import { kubeConfigForRemoteCluster } from '../../../kube/remote-cluster.ts';
import { createOpenshiftInventory } from '../../../inventory/openshift/openshift-inventory.ts';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import { REMOTE_READER_USER } from '../../../seed/remote-cluster.ts';
import { startTestApi, type TestApi } from '../../../test-support/embedded-api.ts';
import {
  startRemoteCluster,
  type RemoteTestCluster,
} from '../../../test-support/remote-cluster.ts';
import { sourceAdapterFor } from './index.ts';
import type { SourceAdapter } from './source-adapter.ts';

const logger = createLogger('silent');

type VmObject = { spec?: { runStrategy?: string; running?: boolean } };

const readVmObject = (kubeConfig: KubeConfig, namespace: string, name: string) =>
  kubeConfig
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...VirtualMachineModel, namespace, name }) as Promise<VmObject>;

/** What KubeVirt does once a VM's runStrategy says Halted: the instance goes, the VM is Stopped. */
const kubevirtStops = async (kubeConfig: KubeConfig, namespace: string, name: string) => {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  await custom.deleteNamespacedCustomObject({ ...VirtualMachineInstanceModel, namespace, name });
  await custom.patchNamespacedCustomObjectStatus(
    { ...VirtualMachineModel, namespace, name, body: { status: { printableStatus: 'Stopped' } } },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
};

const waitForVm = async (inventory: ProviderInventory, name: string) => {
  for (let tries = 0; tries < 200; tries += 1) {
    const found = inventory.list('vms', { detail: 0, name: { name } }) ?? [];
    if (found.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`the inventory never listed VM ${name}`);
};

describe('OpenShift source adapter, remote cluster', { timeout: 120_000 }, () => {
  let remote: RemoteTestCluster;
  let host: TestApi;
  let inventory: ProviderInventory;
  let adapter: SourceAdapter;

  before(async () => {
    remote = await startRemoteCluster('bff-ocp-source-');
    inventory = createOpenshiftInventory({
      providerUid: 'remote-uid',
      kubeConfig: kubeConfigForRemoteCluster(remote),
      callerScoped: false,
      logger,
      coalesceMs: 50,
    });
    assert.equal(await inventory.waitForParity(20_000), true, inventory.lastError());
    const provider: Provider = {
      metadata: { name: 'remote', namespace: 'konveyor-forklift', uid: 'remote-uid' },
      spec: { type: 'openshift', url: remote.url, secret: { name: 'remote-secret' } },
    };
    const secret: V1Secret = {
      data: Object.fromEntries(
        Object.entries({ token: remote.token, cacert: remote.cacert }).map(([key, value]) => [
          key,
          Buffer.from(value).toString('base64'),
        ]),
      ),
    };
    // The engine's own access is to the host cluster: the remote VM must not be reached with it.
    host = await startTestApi('bff-ocp-source-host-');
    adapter = sourceAdapterFor({
      provider,
      secret,
      inventory,
      kubeConfig: host.connection.kubeConfig,
      logger,
    });
  });

  after(async () => {
    await adapter?.close();
    await inventory?.stop();
    await remote?.close();
    await host?.close();
  });

  test('reads a VM by namespace/name, by name and namespace, and by id', () => {
    const vm = adapter.readVm({ name: 'vms-prod/database' });
    assert.ok(vm);
    assert.equal(adapter.readVm({ name: 'database', namespace: 'vms-prod' })?.id, vm.id);
    assert.equal(adapter.readVm({ id: vm.id })?.name, 'database');
    assert.equal(adapter.readVm({ id: 'database' }), undefined);
    assert.equal(adapter.readVm({ name: 'vms-dev/database' }), undefined);

    assert.equal(vm.providerType, 'openshift');
    assert.equal(vm.namespace, 'vms-prod');
    assert.equal(vm.powerState, 'On');
    assert.equal(vm.firmware, 'bios');
    assert.deepEqual(vm.cpu, { sockets: 1, cores: 1 });
    assert.equal(vm.memoryMiB, 2048);
    assert.deepEqual(vm.disks, [
      {
        source: 'vms-prod/database-rootdisk',
        capacityBytes: 2 ** 30,
        storage: 'remote-ceph-rbd',
        bus: 'virtio',
        shared: false,
      },
    ]);
    assert.deepEqual(vm.nics, [{ network: 'pod', startConnected: true }]);
    assert.equal((vm.object as { kind?: string }).kind, 'VirtualMachine');
    assert.equal(adapter.readVm({ name: 'vms-prod/web' })?.powerState, 'Off');
    assert.equal(adapter.readVm({ name: 'vms-dev/test-vm' })?.disks[0]?.storage, 'remote-nfs');
  });

  test("stops and starts the VM with the provider's token, and says so when it may not", async () => {
    const vm = adapter.readVm({ name: 'vms-prod/database' })!;
    assert.equal(await adapter.powerState(vm), 'On');
    // The provider's token may read VMs but not change them.
    await assert.rejects(adapter.powerOff(vm), (error: Error) => {
      assert.match(error.message, /^The cluster refused to stop VM vms-prod\/database: .*\(403\)$/);
      return true;
    });

    const admin = remote.api.connection.kubeConfig;
    const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'vm-power' },
        rules: [{ apiGroups: ['kubevirt.io'], resources: ['virtualmachines'], verbs: ['patch'] }],
      },
    });
    await rbac.createClusterRoleBinding({
      body: {
        metadata: { name: 'vm-power' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'vm-power' },
        subjects: [{ kind: 'User', name: REMOTE_READER_USER }],
      },
    });

    await adapter.powerOff(vm);
    assert.equal((await readVmObject(admin, 'vms-prod', 'database')).spec?.runStrategy, 'Halted');
    // Asked, not yet done: the instance still runs until KubeVirt stops it.
    assert.equal(await adapter.powerState(vm), 'On');
    await kubevirtStops(admin, 'vms-prod', 'database');
    assert.equal(await adapter.powerState(vm), 'Off');
    await adapter.powerOff(vm);

    await adapter.powerOn(vm);
    assert.equal((await readVmObject(admin, 'vms-prod', 'database')).spec?.runStrategy, 'Always');
  });
});

describe('OpenShift source adapter, host cluster', { timeout: 120_000 }, () => {
  let api: TestApi;
  let inventory: ProviderInventory;
  let adapter: SourceAdapter;
  const namespace = 'source-vms';

  before(async () => {
    api = await startTestApi('bff-ocp-source-local-');
    const { kubeConfig } = api.connection;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const custom = kubeConfig.makeApiClient(CustomObjectsApi);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    await core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: {
        metadata: { name: 'legacy-root' },
        spec: {
          storageClassName: 'local',
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '5Gi' } },
        },
      },
    });
    await custom.createNamespacedCustomObject({
      ...VirtualMachineModel,
      namespace,
      body: {
        apiVersion: apiVersionOf(VirtualMachineModel),
        kind: VirtualMachineModel.kind,
        metadata: { name: 'legacy' },
        spec: {
          // The older way to say "run": KubeVirt refuses it beside a runStrategy.
          running: true,
          template: {
            spec: {
              domain: {
                cpu: { sockets: 2, cores: 2 },
                memory: { guest: '512Mi' },
                firmware: { bootloader: { efi: { secureBoot: false } } },
                devices: {
                  disks: [{ name: 'root', disk: { bus: 'sata' }, serial: 'root-serial' }],
                  interfaces: [
                    { name: 'lan', bridge: {}, macAddress: '02:AB:CD:00:00:01', state: 'down' },
                  ],
                },
              },
              networks: [{ name: 'lan', multus: { networkName: 'bridge-net' } }],
              volumes: [{ name: 'root', persistentVolumeClaim: { claimName: 'legacy-root' } }],
            },
          },
        },
      },
    });
    inventory = createOpenshiftInventory({
      providerUid: 'host-uid',
      kubeConfig,
      callerScoped: true,
      logger,
      coalesceMs: 50,
    });
    assert.equal(await inventory.waitForParity(20_000), true, inventory.lastError());
    await waitForVm(inventory, 'legacy');
    adapter = sourceAdapterFor({
      provider: {
        metadata: { name: 'host', namespace: 'konveyor-forklift', uid: 'host-uid' },
        spec: { type: 'openshift', url: '', secret: {} },
      },
      secret: undefined,
      inventory,
      kubeConfig,
      logger,
    });
  });

  after(async () => {
    await adapter?.close();
    await inventory?.stop();
    await api?.close();
  });

  test('reads the VM: claim disks by StorageClass, multus NICs as namespace/name', () => {
    const vm = adapter.readVm({ name: `${namespace}/legacy` });
    assert.ok(vm);
    assert.equal(vm.powerState, 'On');
    assert.equal(vm.firmware, 'efi');
    assert.equal(vm.secureBoot, false);
    assert.deepEqual(vm.cpu, { sockets: 2, cores: 2 });
    assert.equal(vm.memoryMiB, 512);
    assert.deepEqual(vm.disks, [
      {
        source: `${namespace}/legacy-root`,
        capacityBytes: 5 * 2 ** 30,
        storage: 'local',
        bus: 'sata',
        shared: false,
        serial: 'root-serial',
      },
    ]);
    assert.deepEqual(vm.nics, [
      { network: `${namespace}/bridge-net`, mac: '02:ab:cd:00:00:01', startConnected: false },
    ]);
  });

  test('stops a VM that says `running: true` by runStrategy Halted, without `running`', async () => {
    const { kubeConfig } = api.connection;
    const vm = adapter.readVm({ name: `${namespace}/legacy` })!;
    assert.equal(await adapter.powerState(vm), 'On');
    await adapter.powerOff(vm);
    const stopped = await readVmObject(kubeConfig, namespace, 'legacy');
    assert.equal(stopped.spec?.runStrategy, 'Halted');
    assert.equal(stopped.spec?.running, undefined);
    // No instance and no status yet: what the VM asks for decides.
    assert.equal(await adapter.powerState(vm), 'Off');
    await adapter.powerOn(vm);
    assert.equal((await readVmObject(kubeConfig, namespace, 'legacy')).spec?.runStrategy, 'Always');
    assert.equal(await adapter.powerState(vm), 'On');

    await assert.rejects(
      adapter.powerOff({ ...vm, name: 'gone' }),
      new Error(
        `The cluster refused to stop VM ${namespace}/gone: the cluster no longer has this VM`,
      ),
    );
  });

  test('reads a ConfigMap or Secret in the VM’s namespace; one that is not there is undefined', async () => {
    const core = api.connection.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: 'legacy-userdata' }, stringData: { userdata: '#cloud-config' } },
    });
    const vm = adapter.readVm({ name: `${namespace}/legacy` })!;
    const secret = (await adapter.readConfig?.(vm, { kind: 'Secret', name: 'legacy-userdata' })) as
      { data?: Record<string, string>; metadata?: { namespace?: string } } | undefined;
    assert.equal(secret?.metadata?.namespace, namespace);
    assert.equal(Buffer.from(secret?.data?.userdata ?? '', 'base64').toString(), '#cloud-config');
    assert.equal(
      await adapter.readConfig?.(vm, { kind: 'ConfigMap', name: 'legacy-userdata' }),
      undefined,
    );
  });
});
