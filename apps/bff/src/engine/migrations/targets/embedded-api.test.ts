// What the builders make, the engine can create: each object is created through client-node on the
// embedded Kubernetes API, which names it, and read back as built, the Secrets' values included.
// The embedded API keeps fields it does not know on DataVolumes and VirtualMachines, so catching a
// misspelt field is the schema tests' job (schema-check.test-support.ts), not this one's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CoreV1Api,
  CustomObjectsApi,
  type V1ObjectMeta,
  type V1Secret,
} from '@kubernetes/client-node';
import { startTestApi, type TestApi } from '../../../test-support/embedded-api.ts';
import { conversionPod, conversionSecret } from './conversion.ts';
import { contextOf, ovaVm, vsphereVm } from './context.test-support.ts';
import { dataVolumes } from './data-volumes.ts';
import { ovaShareVolume } from './ova-share.ts';
import { dataVolumeSecret } from './secrets.ts';
import { virtualMachine } from './virtual-machine.ts';

let api: TestApi;
let core: CoreV1Api;
let custom: CustomObjectsApi;

before(async () => {
  api = await startTestApi('targets-');
  core = api.connection.kubeConfig.makeApiClient(CoreV1Api);
  custom = api.connection.kubeConfig.makeApiClient(CustomObjectsApi);
  await core.createNamespace({ body: { metadata: { name: 'migrated' } } });
});
after(() => api?.close());

const providerSecret: V1Secret = {
  data: {
    user: Buffer.from('administrator@vsphere.local').toString('base64'),
    password: Buffer.from('vcsim-password').toString('base64'),
  },
};

type Created = { metadata?: V1ObjectMeta; spec?: unknown; data?: unknown };

/** Every field built is in what the server answers with the same value (it may add defaults). */
const assertContains = (answered: unknown, built: unknown, at = '') => {
  if (Array.isArray(built)) {
    assert.ok(Array.isArray(answered), `${at} is an array`);
    assert.equal(answered.length, built.length, `${at} keeps its items`);
    built.forEach((item, index) => assertContains(answered[index], item, `${at}[${index}]`));
  } else if (typeof built === 'object' && built !== null) {
    assert.ok(typeof answered === 'object' && answered !== null, `${at} is an object`);
    for (const [key, value] of Object.entries(built)) {
      assertContains((answered as Record<string, unknown>)[key], value, `${at}.${key}`);
    }
  } else {
    assert.equal(answered, built, `${at} is kept`);
  }
};

const assertKept = (built: Created, created: Created) => {
  assert.ok(created.metadata?.name, 'the API server named the object');
  const plain = JSON.parse(JSON.stringify(created)) as Created;
  assertContains(plain.metadata, built.metadata, 'metadata');
  assertContains(plain.spec, built.spec, 'spec');
  assertContains(plain.data, built.data, 'data');
};

test('the Secrets, DataVolumes and conversion Pod of a vSphere VM are created as built', async () => {
  const vm = vsphereVm();
  const ctx = contextOf(vm);
  const secret = dataVolumeSecret(ctx, providerSecret);
  const createdSecret = await core.createNamespacedSecret({ namespace: 'migrated', body: secret });
  assertKept(secret, createdSecret);

  for (const dataVolume of dataVolumes(ctx, { secretName: createdSecret.metadata!.name! })) {
    const created = (await custom.createNamespacedCustomObject({
      group: 'cdi.kubevirt.io',
      version: 'v1beta1',
      namespace: 'migrated',
      plural: 'datavolumes',
      body: dataVolume,
    })) as Created;
    assertKept(dataVolume, created);
  }

  const v2v = conversionSecret(ctx, providerSecret);
  const createdV2v = await core.createNamespacedSecret({ namespace: 'migrated', body: v2v });
  const pod = conversionPod(ctx, {
    claims: vm.disks.map((disk, index) => ({
      disk,
      claimName: `claim-${index}`,
      volumeMode: index === 0 ? 'Block' : 'Filesystem',
    })),
    secretName: createdV2v.metadata!.name!,
  });
  const createdPod = await core.createNamespacedPod({ namespace: 'migrated', body: pod });
  assertKept(pod, createdPod);
});

test('the OVA share volume and claim, and an OVA VM, are created as built', async () => {
  const vm = ovaVm();
  const ctx = contextOf(vm);
  const { persistentVolume, claim } = ovaShareVolume(ctx);
  assertKept(persistentVolume, await core.createPersistentVolume({ body: persistentVolume }));
  assertKept(
    claim,
    await core.createNamespacedPersistentVolumeClaim({ namespace: 'migrated', body: claim }),
  );
  const built = virtualMachine(ctx, {
    claims: [{ disk: vm.disks[0]!, claimName: 'appliance-disk-0', volumeMode: 'Filesystem' }],
    restorePowerState: 'Off',
  });
  const created = (await custom.createNamespacedCustomObject({
    group: 'kubevirt.io',
    version: 'v1',
    namespace: 'migrated',
    plural: 'virtualmachines',
    body: built,
  })) as Created;
  assertKept(built, created);
});
