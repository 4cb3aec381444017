// The OpenShift inventory watching a second embedded API server through a reader's token, as it
// watches a remote provider's cluster.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  NetworkAttachmentDefinitionModel,
  type OpenshiftResource,
  type OpenshiftVm,
} from '@forklift-console/api';
import { createLogger } from '../../logging.ts';
import { kubeConfigForRemoteCluster } from '../../kube/remote-cluster.ts';
import { startRemoteCluster, type RemoteTestCluster } from '../../test-support/remote-cluster.ts';
import type { ProviderInventory } from '../provider-inventory.ts';
import { createOpenshiftInventory } from './openshift-inventory.ts';

const PROVIDER_UID = 'provider-uid-1';
const names = (items: unknown[] | undefined) =>
  (items as OpenshiftResource[]).map(({ namespace, name }) => `${namespace}/${name}`);

describe('OpenShift inventory', { timeout: 60_000 }, () => {
  let remote: RemoteTestCluster;
  let inventory: ProviderInventory;

  before(async () => {
    remote = await startRemoteCluster('bff-ocp-inventory-');
    inventory = createOpenshiftInventory({
      providerUid: PROVIDER_UID,
      kubeConfig: kubeConfigForRemoteCluster(remote),
      callerScoped: false,
      logger: createLogger('silent'),
      coalesceMs: 50,
    });
    assert.equal(await inventory.waitForParity(20_000), true, inventory.lastError());
  });

  after(async () => {
    await inventory?.stop();
    await remote?.close();
  });

  test('lists each collection in Forklift Resource shape, the object at detail 1', () => {
    const [prodBridge] = inventory.list('networkattachmentdefinitions', {
      detail: 0,
      name: { name: 'prod-bridge' },
    }) as OpenshiftResource[];
    assert.ok(prodBridge);
    assert.deepEqual(Object.keys(prodBridge), [
      'uid',
      'version',
      'namespace',
      'name',
      'selfLink',
      'id',
    ]);
    assert.equal(prodBridge.id, prodBridge.uid);
    assert.equal(
      prodBridge.selfLink,
      `providers/openshift/${PROVIDER_UID}/networkattachmentdefinitions/${prodBridge.uid}`,
    );
    const [detailed] = inventory.list('networkattachmentdefinitions', {
      detail: 1,
      name: { name: 'prod-bridge' },
    }) as OpenshiftResource[];
    assert.match(
      String(detailed!.object?.spec && JSON.stringify(detailed!.object.spec)),
      /br-prod/,
    );
    assert.deepEqual(
      names(inventory.list('namespaces', { detail: 0 })).includes('/vms-prod'),
      true,
    );
    assert.deepEqual(names(inventory.list('instancetypes', { detail: 0 })), [
      'vms-prod/prod-small',
    ]);
    assert.deepEqual(names(inventory.list('clusterinstancetypes', { detail: 0 })), ['/u1.medium']);
    assert.equal(inventory.list('datavolumes', { detail: 0 })!.length, 3);
    assert.equal(inventory.list('persistentvolumeclaims', { detail: 0 })!.length, 3);
    assert.equal(inventory.list('hosts', { detail: 0 }), undefined);
  });

  test('leaves out NADs of a layer-3 user-defined network', () => {
    assert.deepEqual(names(inventory.list('networkattachmentdefinitions', { detail: 0 })), [
      'vms-dev/dev-vlan',
      'vms-prod/prod-bridge',
    ]);
  });

  test('storage classes carry the default-class annotation', () => {
    const classes = inventory.list('storageclasses', { detail: 1 }) as OpenshiftResource<{
      metadata: { annotations?: Record<string, string> };
    }>[];
    const defaults = classes.filter(
      (storageClass) =>
        storageClass.object?.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true',
    );
    assert.deepEqual(
      defaults.map(({ name }) => name),
      ['remote-ceph-rbd'],
    );
    // Timestamps as the API server writes them, whether listed or watched.
    assert.match(
      String(
        (classes[0]!.object as { metadata: { creationTimestamp: string } }).metadata
          .creationTimestamp,
      ),
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
  });

  test('a running VM carries its instance at detail 1; namespace narrows the list', () => {
    const vms = inventory.list('vms', { detail: 1, namespace: 'vms-prod' }) as OpenshiftVm[];
    assert.deepEqual(names(vms), ['vms-prod/database', 'vms-prod/web']);
    const database = vms.find((vm) => vm.name === 'database')!;
    assert.equal((database.instance?.status as { phase: string }).phase, 'Running');
    assert.equal(vms.find((vm) => vm.name === 'web')!.instance, undefined);
    assert.equal(
      (inventory.list('vms', { detail: 0 }) as OpenshiftVm[]).some((vm) => 'instance' in vm),
      false,
    );
  });

  test('get finds an object by uid or by name, always with the object', () => {
    const [web] = inventory.list('vms', { detail: 0, name: { name: 'web' } }) as OpenshiftVm[];
    const byUid = inventory.get('vms', web!.uid) as OpenshiftVm;
    assert.equal(byUid.name, 'web');
    assert.ok(byUid.object);
    assert.equal((inventory.get('namespaces', 'vms-dev') as OpenshiftResource).name, 'vms-dev');
    assert.equal(inventory.get('vms', 'no-such-vm'), undefined);
  });

  test('tree/namespace holds each namespace with its VMs', () => {
    const tree = inventory.tree('namespace', 0)!;
    const prod = tree.children.find(
      (node) => (node.object as OpenshiftResource).name === 'vms-prod',
    )!;
    assert.equal(prod.kind, 'Namespace');
    assert.deepEqual(
      prod.children.map((node) => [node.kind, (node.object as OpenshiftResource).name]),
      [
        ['VM', 'database'],
        ['VM', 'web'],
      ],
    );
    assert.equal(inventory.tree('vm', 0), undefined);
  });

  test('counts VMs, NADs plus the pod network, and storage classes', () => {
    assert.deepEqual(inventory.summary(), { vmCount: 3, networkCount: 3, storageClassCount: 2 });
  });

  test('a NAD created and deleted reaches the list and the subscribers', async () => {
    const custom = remote.api.connection.kubeConfig.makeApiClient(CustomObjectsApi);
    const { group, version, plural } = NetworkAttachmentDefinitionModel;
    const heard: string[][] = [];
    const unsubscribe = inventory.subscribe((collections) => heard.push(collections));
    const nextNotice = async () => {
      const seen = heard.length;
      const deadline = Date.now() + 10_000;
      while (heard.length === seen && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return heard.at(-1);
    };
    try {
      const created = nextNotice();
      await custom.createNamespacedCustomObject({
        group,
        version,
        plural,
        namespace: 'vms-dev',
        body: {
          apiVersion: `${group}/${version}`,
          kind: 'NetworkAttachmentDefinition',
          metadata: { name: 'dev-storage-net' },
          spec: { config: JSON.stringify({ cniVersion: '0.3.1', type: 'bridge' }) },
        },
      });
      assert.deepEqual(await created, ['networkattachmentdefinitions', 'provider']);
      assert.ok(
        names(inventory.list('networkattachmentdefinitions', { detail: 0 })).includes(
          'vms-dev/dev-storage-net',
        ),
      );
      assert.equal(inventory.summary().networkCount, 4);

      const deleted = nextNotice();
      await custom.deleteNamespacedCustomObject({
        group,
        version,
        plural,
        namespace: 'vms-dev',
        name: 'dev-storage-net',
      });
      assert.deepEqual(await deleted, ['networkattachmentdefinitions', 'provider']);
      assert.equal(
        names(inventory.list('networkattachmentdefinitions', { detail: 0 })).includes(
          'vms-dev/dev-storage-net',
        ),
        false,
      );
    } finally {
      unsubscribe();
    }
  });
});

describe('OpenShift inventory with a token the cluster rejects', { timeout: 60_000 }, () => {
  test('has no parity and says why', async () => {
    const remote = await startRemoteCluster('bff-ocp-inventory-bad-');
    const inventory = createOpenshiftInventory({
      providerUid: PROVIDER_UID,
      kubeConfig: kubeConfigForRemoteCluster({ ...remote, token: 'not-a-valid-token' }),
      callerScoped: false,
      logger: createLogger('silent'),
    });
    try {
      assert.equal(await inventory.waitForParity(1_000), false);
      assert.match(inventory.lastError() ?? '', /HTTP 401/);
      assert.doesNotMatch(inventory.lastError() ?? '', /not-a-valid-token/);
    } finally {
      await inventory.stop();
      await remote.close();
    }
  });
});
