import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Secret } from '@kubernetes/client-node';
import { conversionPod, conversionSecret, vpxInventoryPath } from './conversion.ts';
import { contextOf, ovaVm, vsphereVm } from './context.test-support.ts';
import { assertMatchesSchema } from './schema-check.test-support.ts';
import { dataVolumeSecret } from './secrets.ts';

const PASSWORD = 'vcsim-password';
const providerSecret: V1Secret = {
  metadata: { name: 'vcsim', namespace: 'demo' },
  data: {
    user: Buffer.from('administrator@vsphere.local').toString('base64'),
    password: Buffer.from(PASSWORD).toString('base64'),
  },
  stringData: { insecureSkipVerify: 'true' },
};

const decoded = (secret: V1Secret) =>
  Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value, 'base64').toString(),
    ]),
  );

test('the DataVolume Secret holds the vCenter user, password and thumbprint for CDI', () => {
  const secret = dataVolumeSecret(contextOf(vsphereVm()), providerSecret);
  assertMatchesSchema(secret, 'core');
  assert.equal(secret.metadata?.generateName, 'quarterly-databases-wave-vm-42-');
  assert.equal(secret.metadata?.namespace, 'migrated');
  assert.equal(secret.metadata?.labels?.isDV, 'true');
  assert.equal(secret.metadata?.labels?.vmID, 'vm-42');
  assert.deepEqual(decoded(secret), {
    accessKeyId: 'administrator@vsphere.local',
    secretKey: PASSWORD,
    thumbprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
  });
});

test('vSphere through virt-v2v: the Secret names the source, the libvirt URL, the new name and the password', () => {
  const ctx = contextOf(vsphereVm(), {
    transfer: 'virt-v2v',
    planSpec: { vms: [{ id: 'vm-42', rootDisk: '/dev/sdb' }] },
    settings: { virt_v2v_extra_args: '["--verbose"]' },
  });
  const secret = conversionSecret(ctx, providerSecret, { hostPath: '/DC0/host/DC0_C0/DC0_C0_H0' });
  assertMatchesSchema(secret, 'core');
  assert.equal(secret.metadata?.labels?.isV2V, 'true');
  assert.deepEqual(decoded(secret), {
    source: 'vSphere',
    vmName: 'DB Server_01',
    NewName: 'db-server-01',
    RootDisk: '/dev/sdb',
    extra_args: '["--verbose"]',
    libvirtURL:
      'vpx://administrator%40vsphere.local@vcenter.example.com/DC0/DC0_C0/DC0_C0_H0?no_verify=1',
    fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
    accessKeyId: 'administrator@vsphere.local',
    secretKey: PASSWORD,
  });
});

test('the vpx path names a clustered host, or a standalone host by its compute resource', () => {
  const clustered = { path: '/DC0/host/DC0_C0/DC0_C0_H0', cluster: 'domain-c1' };
  assert.equal(
    vpxInventoryPath(clustered, { path: '/DC0/host/DC0_C0' }),
    '/DC0/host/DC0_C0/DC0_C0_H0',
  );
  const standalone = { path: '/DC0/host/DC0_H0/DC0_H0', cluster: 'domain-s1' };
  assert.equal(
    vpxInventoryPath(standalone, { path: '/DC0/host/DC0_H0', variant: 'ComputeResource' }),
    '/DC0/host/DC0_H0',
  );
  assert.equal(vpxInventoryPath(standalone, undefined), '/DC0/host/DC0_H0/DC0_H0');
  assert.equal(vpxInventoryPath(undefined, undefined), undefined);
});

test('OVA: the Secret points virt-v2v at the appliance on the share mounted at /ova', () => {
  const secret = conversionSecret(contextOf(ovaVm()), undefined);
  assert.deepEqual(decoded(secret), {
    source: 'ova',
    vmName: 'appliance',
    diskPath: '/ova/sub/appliance.ova',
  });
});

const claims = (vm = vsphereVm()) => [
  // Given out of order: the pod numbers disks in the VM's order.
  { disk: vm.disks[1]!, claimName: 'db-disk-1-abcde', volumeMode: 'Filesystem' as const },
  { disk: vm.disks[0]!, claimName: 'db-disk-0-fghij', volumeMode: 'Block' as const },
];

test('the in-place conversion pod: its disks where Forklift mounts them, env only from the Secret', () => {
  const vm = vsphereVm();
  const pod = conversionPod(contextOf(vm), { claims: claims(vm), secretName: 'plan-vm-42-v2v' });
  assertMatchesSchema(pod, 'core');
  assert.equal(pod.metadata?.generateName, 'quarterly-databases-wave-vm-42-');
  assert.equal(pod.metadata?.labels?.['forklift.app'], 'virt-v2v');
  assert.equal(pod.metadata?.labels?.vmID, 'vm-42');
  assert.equal(pod.spec?.restartPolicy, 'Never');
  const [container] = pod.spec?.containers ?? [];
  assert.equal(container?.name, 'virt-v2v');
  assert.equal(container?.image, 'quay.io/kubev2v/forklift-virt-v2v:latest');
  assert.deepEqual(container?.envFrom, [{ prefix: 'V2V_', secretRef: { name: 'plan-vm-42-v2v' } }]);
  assert.deepEqual(container?.env, [{ name: 'V2V_inPlace', value: '1' }]);
  assert.deepEqual(container?.volumeDevices, [
    { name: 'db-disk-0-fghij', devicePath: '/dev/block0' },
  ]);
  assert.deepEqual(container?.volumeMounts, [
    { name: 'secret-volume', mountPath: '/etc/secret', readOnly: true },
    { name: 'db-disk-1-abcde', mountPath: '/mnt/disks/disk1' },
  ]);
  assert.deepEqual(container?.resources, {
    limits: { cpu: '4000m', memory: '8Gi', 'devices.kubevirt.io/kvm': '1' },
    requests: { cpu: '1000m', memory: '1Gi', 'devices.kubevirt.io/kvm': '1' },
  });
  assert.deepEqual(pod.spec?.volumes, [
    { name: 'db-disk-0-fghij', persistentVolumeClaim: { claimName: 'db-disk-0-fghij' } },
    { name: 'db-disk-1-abcde', persistentVolumeClaim: { claimName: 'db-disk-1-abcde' } },
    { name: 'secret-volume', secret: { secretName: 'plan-vm-42-v2v' } },
  ]);
  assert.doesNotMatch(JSON.stringify(pod), new RegExp(PASSWORD));
});

test('the OVA pod reads the share at /ova and converts into the blank claims, not in place', () => {
  const vm = ovaVm();
  const pod = conversionPod(contextOf(vm), {
    claims: [{ disk: vm.disks[0]!, claimName: 'appliance-disk-0', volumeMode: 'Filesystem' }],
    secretName: 's',
    ovaClaimName: 'ova-store-plan',
  });
  assertMatchesSchema(pod, 'core');
  const [container] = pod.spec?.containers ?? [];
  assert.equal(container?.env, undefined);
  assert.deepEqual(container?.volumeMounts, [
    { name: 'secret-volume', mountPath: '/etc/secret', readOnly: true },
    { name: 'store-pv', mountPath: '/ova', readOnly: true },
    { name: 'appliance-disk-0', mountPath: '/mnt/disks/disk0' },
  ]);
  assert.deepEqual(pod.spec?.volumes?.at(-1), {
    name: 'store-pv',
    persistentVolumeClaim: { claimName: 'ova-store-plan', readOnly: true },
  });
});

test('image, resources, placement and service account come from the plan and the settings', () => {
  const vm = vsphereVm();
  const ctx = contextOf(vm, {
    planSpec: {
      virtV2vImage: 'registry.example.com/v2v:1',
      convertorLabels: { team: 'migration' },
      convertorNodeSelector: { 'kubernetes.io/arch': 'amd64' },
      serviceAccount: 'migrator',
    },
    settings: {
      virt_v2v_container_limits_cpu: '2',
      virt_v2v_container_requests_memory: '2Gi',
      virt_v2v_dont_request_kvm: 'true',
      virt_v2v_image_fqin: 'quay.io/kubev2v/forklift-virt-v2v:release',
    },
  });
  const pod = conversionPod(ctx, { claims: claims(vm), secretName: 's' });
  assertMatchesSchema(pod, 'core');
  assert.equal(pod.spec?.containers[0]?.image, 'registry.example.com/v2v:1');
  assert.deepEqual(pod.spec?.containers[0]?.resources, {
    limits: { cpu: '2', memory: '8Gi' },
    requests: { cpu: '1000m', memory: '2Gi' },
  });
  assert.equal(pod.metadata?.labels?.team, 'migration');
  assert.deepEqual(pod.spec?.nodeSelector, { 'kubernetes.io/arch': 'amd64' });
  assert.equal(pod.spec?.serviceAccountName, 'migrator');
  const withoutPlanImage = contextOf(vm, { settings: ctx.settings });
  assert.equal(
    conversionPod(withoutPlanImage, { claims: [], secretName: 's' }).spec?.containers[0]?.image,
    'quay.io/kubev2v/forklift-virt-v2v:release',
  );
});
