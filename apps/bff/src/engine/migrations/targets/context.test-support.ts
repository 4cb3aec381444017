// A migration's context for the builders' tests: a plan of one VM from vSphere, OVA or OpenShift
// into the host cluster, with maps that send its disks and NICs somewhere.
import type { NetworkMap, Plan, Provider, StorageMap } from '@forklift-console/api';
import type { SourceVm } from '../source-vm.ts';
import type { TargetContext } from './context.ts';

export const PLAN_UID = '11111111-2222-3333-4444-555555555555';
export const MIGRATION_UID = '66666666-7777-8888-9999-000000000000';

const GIB = 1024 * 1024 * 1024;

export const vsphereVm = (): SourceVm => ({
  providerType: 'vsphere',
  id: 'vm-42',
  name: 'DB Server_01',
  uuid: '4210a1b2-c3d4-e5f6-0718-293a4b5c6d7e',
  powerState: 'On',
  firmware: 'efi',
  secureBoot: true,
  cpu: { sockets: 2, cores: 4 },
  memoryMiB: 8192,
  disks: [
    {
      source: '[LocalDS_0] db/db.vmdk',
      capacityBytes: 16 * GIB + 1,
      storage: 'datastore-1',
      key: 2000,
      bus: 'scsi',
      serial: '6000C29a-b3c4 d5e6',
    },
    {
      source: '[LocalDS_1] db/db_1.vmdk',
      capacityBytes: 2 * GIB,
      storage: 'datastore-2',
      key: 2001,
      bus: 'scsi',
      shared: true,
    },
  ],
  nics: [
    { network: 'network-7', mac: '00:50:56:aa:bb:01' },
    { network: 'dvportgroup-9', mac: '00:50:56:aa:bb:02', startConnected: false },
    { network: 'dvportgroup-9', mac: '00:50:56:aa:bb:03' },
    { network: 'network-ignored', mac: '00:50:56:aa:bb:04' },
  ],
  hostId: 'host-21',
  guestOs: 'rhel9_64Guest',
});

export const ovaVm = (): SourceVm => ({
  providerType: 'ova',
  id: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ff',
  name: 'appliance',
  powerState: 'Off',
  firmware: 'bios',
  cpu: { sockets: 1, cores: 2 },
  memoryMiB: 2048,
  disks: [
    { source: '/ova/sub/appliance.ova/disk1.vmdk', capacityBytes: 1 * GIB, storage: 'disk-1' },
  ],
  nics: [{ network: 'ova-net-1', mac: '52:54:00:12:34:56' }],
  ovaPath: 'sub/appliance.ova',
});

export const openshiftVm = (): SourceVm => ({
  providerType: 'openshift',
  id: 'a1b2c3d4-0000-1111-2222-333344445555',
  name: 'database',
  namespace: 'vms-prod',
  powerState: 'On',
  firmware: 'bios',
  cpu: { sockets: 1, cores: 1 },
  memoryMiB: 1024,
  disks: [
    { source: 'vms-prod/database-root', capacityBytes: GIB, storage: 'remote-ceph-rbd' },
    { source: 'vms-prod/database-data', capacityBytes: 2 * GIB, storage: 'unmapped-class' },
  ],
  nics: [{ network: 'pod' }, { network: 'vms-prod/backend' }],
  object: {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: 'database',
      namespace: 'vms-prod',
      uid: 'a1b2c3d4-0000-1111-2222-333344445555',
      resourceVersion: '812',
      labels: { tier: 'db' },
      annotations: {
        'kubevirt.io/latest-observed-api-version': 'v1',
        description: 'the orders database',
      },
    },
    spec: {
      running: true,
      instancetype: {
        name: 'u1.small',
        kind: 'VirtualMachineClusterInstancetype',
        revisionName: 'database-u1.small-abc',
      },
      dataVolumeTemplates: [
        { metadata: { name: 'database-root' }, spec: { source: { blank: {} } } },
      ],
      template: {
        metadata: { labels: { 'kubevirt.io/domain': 'database' } },
        spec: {
          domain: {
            devices: {
              disks: [
                { name: 'root', disk: { bus: 'virtio' } },
                { name: 'data', disk: { bus: 'virtio' } },
                { name: 'cloudinit', disk: { bus: 'virtio' } },
              ],
              interfaces: [
                { name: 'default', masquerade: {}, macAddress: '02:00:00:00:00:01' },
                { name: 'backend', bridge: {}, macAddress: '02:00:00:00:00:02', model: 'virtio' },
              ],
            },
            resources: { requests: { memory: '1Gi' } },
          },
          networks: [
            { name: 'default', pod: {} },
            { name: 'backend', multus: { networkName: 'backend' } },
          ],
          volumes: [
            { name: 'root', dataVolume: { name: 'database-root' } },
            { name: 'data', persistentVolumeClaim: { claimName: 'database-data' } },
            { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config\n' } },
          ],
        },
      },
    },
    status: { printableStatus: 'Running' },
  },
});

const provider = (name: string, spec: Provider['spec'], fingerprint?: string): Provider => ({
  apiVersion: 'forklift.konveyor.io/v1beta1',
  kind: 'Provider',
  metadata: { name, namespace: 'demo', uid: `uid-${name}` },
  spec,
  ...(fingerprint ? { status: { fingerprint } } : {}),
});

export const PROVIDERS = {
  vsphere: provider(
    'vcsim',
    {
      type: 'vsphere',
      url: 'https://vcenter.example.com/sdk',
      secret: { name: 'vcsim', namespace: 'demo' },
    },
    'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
  ),
  ova: provider('ova', { type: 'ova', url: 'nfs.example.com:/exports/ova', secret: {} }),
  openshift: provider('remote', { type: 'openshift', url: '', secret: {} }),
};

const storageMap = (providerType: SourceVm['providerType']): StorageMap => ({
  apiVersion: 'forklift.konveyor.io/v1beta1',
  kind: 'StorageMap',
  metadata: { name: 'storage', namespace: 'demo' },
  spec: {
    provider: { source: { name: 'src' }, destination: { name: 'host' } },
    map:
      providerType === 'vsphere'
        ? [
            // By name, resolved by the map controller into status.references.
            {
              source: { name: 'LocalDS_0' },
              destination: {
                storageClass: 'fast',
                volumeMode: 'Block',
                accessMode: 'ReadWriteOnce',
              },
            },
            { source: { id: 'datastore-2' }, destination: { storageClass: 'shared' } },
          ]
        : providerType === 'ova'
          ? [
              {
                source: { id: 'disk-1' },
                destination: { storageClass: 'standard', volumeMode: 'Filesystem' },
              },
            ]
          : [
              {
                source: { name: 'remote-ceph-rbd' },
                destination: { storageClass: 'hostpath-csi' },
              },
            ],
  },
  status: {
    references: [
      { id: 'datastore-1', name: 'LocalDS_0' },
      { id: 'datastore-2', name: 'LocalDS_1' },
    ],
  },
});

const networkMap = (providerType: SourceVm['providerType']): NetworkMap => ({
  apiVersion: 'forklift.konveyor.io/v1beta1',
  kind: 'NetworkMap',
  metadata: { name: 'network', namespace: 'demo' },
  spec: {
    provider: { source: { name: 'src' }, destination: { name: 'host' } },
    map:
      providerType === 'vsphere'
        ? [
            { source: { name: 'VM Network' }, destination: { type: 'pod' } },
            {
              source: { id: 'dvportgroup-9' },
              destination: { type: 'multus', namespace: 'demo', name: 'vlan-a' },
            },
            {
              source: { id: 'dvportgroup-9' },
              destination: { type: 'multus', namespace: 'demo', name: 'vlan-b' },
            },
            { source: { id: 'network-ignored' }, destination: { type: 'ignored' } },
          ]
        : providerType === 'ova'
          ? [{ source: { id: 'ova-net-1' }, destination: { type: 'pod' } }]
          : [
              {
                source: { type: 'pod' },
                destination: { type: 'multus', namespace: 'demo', name: 'vm-bridge' },
              },
              { source: { name: 'backend', namespace: 'vms-prod' }, destination: { type: 'pod' } },
            ],
  },
  status: { references: [{ id: 'network-7', name: 'VM Network' }] },
});

export const planOf = (vm: SourceVm, spec: Partial<NonNullable<Plan['spec']>> = {}): Plan => ({
  apiVersion: 'forklift.konveyor.io/v1beta1',
  kind: 'Plan',
  metadata: { name: 'quarterly-databases-wave', namespace: 'demo', uid: PLAN_UID },
  spec: {
    targetNamespace: 'migrated',
    provider: { source: { name: 'src' }, destination: { name: 'host' } },
    map: { network: { name: 'network' }, storage: { name: 'storage' } },
    vms: [{ id: vm.id }],
    ...spec,
  },
});

/** The context of the VM's migration; `overrides` change what a test is about. */
export const contextOf = (
  vm: SourceVm,
  overrides: Partial<TargetContext> & { planSpec?: Partial<NonNullable<Plan['spec']>> } = {},
): TargetContext => {
  const { planSpec, ...rest } = overrides;
  const plan = planOf(vm, planSpec);
  return {
    plan,
    migration: {
      apiVersion: 'forklift.konveyor.io/v1beta1',
      kind: 'Migration',
      metadata: { name: 'wave-1', namespace: 'demo', uid: MIGRATION_UID },
      spec: { plan: { name: 'quarterly-databases-wave', namespace: 'demo' } },
    },
    vm,
    planVm: plan.spec!.vms[0]!,
    targetName: vm.providerType === 'vsphere' ? 'db-server-01' : vm.name,
    targetNamespace: 'migrated',
    sourceProvider: PROVIDERS[vm.providerType],
    destinationProvider: provider('host', { type: 'openshift', url: '', secret: {} }),
    networkMap: networkMap(vm.providerType),
    storageMap: storageMap(vm.providerType),
    settings: undefined,
    transfer: vm.providerType === 'ova' ? 'virt-v2v' : 'cdi',
    requiresConversion: vm.providerType !== 'openshift',
    ...rest,
  };
};
