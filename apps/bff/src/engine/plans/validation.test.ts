import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Concern,
  ForkliftController,
  Hook,
  NetworkMap,
  Plan,
  PlanSpec,
  Provider,
  StorageMap,
} from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import type { ConditionInput } from '../conditions.ts';
import { validatePlan, type PlanValidationInput } from './validation.ts';

type Item = Record<string, unknown> & { id: string };

/** An inventory over fixed collections, answering as a loaded provider inventory does. */
const inventory = (type: string, collections: Record<string, Item[]>): ProviderInventory => ({
  type,
  hasParity: () => true,
  waitForParity: async () => true,
  lastError: () => undefined,
  collections: () => Object.keys(collections),
  list: (collection) => collections[collection],
  get: (collection, id) => collections[collection]?.find((item) => item.id === id),
  tree: () => undefined,
  summary: () => ({}),
  subscribe: () => () => undefined,
  stop: async () => undefined,
});

const READY = [{ type: 'Ready', status: 'True', category: 'Required', lastTransitionTime: '' }];

const provider = (name: string, type: string, uid: string, ready = true): Provider => ({
  metadata: { name, namespace: 'mtv', uid },
  spec: { type, url: '', secret: {} },
  status: { conditions: ready ? READY : [] },
});

const CRITICAL: Concern = {
  id: 'vmware.passthrough_device.detected',
  category: 'Critical',
  label: 'Passthrough device detected',
  assessment: 'The VM has a PCI passthrough device.',
};

/** A vSphere VM in the inventory's shape (inventory.md §1.4), on VM Network and LocalDS_0. */
const vsphereVm = (id: string, name: string, fields: Record<string, unknown> = {}): Item => ({
  id,
  name,
  path: `/DC0/vm/${name}`,
  host: 'host-1',
  powerState: 'poweredOn',
  changeTrackingEnabled: true,
  snapshot: { kind: '', id: '' },
  nics: [{ network: { kind: 'Network', id: 'network-7' }, mac: '00:50:56:aa:00:01', order: 0 }],
  networks: [{ kind: 'Network', id: 'network-7' }],
  disks: [
    {
      key: 2000,
      file: `[LocalDS_0] ${name}/${name}.vmdk`,
      datastore: { kind: 'Datastore', id: 'datastore-1' },
      capacity: 1 << 30,
    },
  ],
  concerns: [],
  ...fields,
});

const vsphere = (
  vms: Item[],
  hosts: Item[] = [{ id: 'host-1', name: 'esx1', inMaintenance: false }],
) =>
  inventory('vsphere', {
    vms,
    hosts,
    networks: [
      { id: 'network-7', name: 'VM Network', path: '/DC0/network/VM Network' },
      { id: 'dvportgroup-9', name: 'DC0_DVPG0', path: '/DC0/network/DC0_DVPG0' },
    ],
    datastores: [
      { id: 'datastore-1', name: 'LocalDS_0', path: '/DC0/datastore/LocalDS_0' },
      { id: 'datastore-2', name: 'LocalDS_1', path: '/DC0/datastore/LocalDS_1' },
    ],
  });

/** A VirtualMachine of the destination cluster as the OpenShift inventory lists it at detail 1. */
const kubevirtVm = (namespace: string, name: string, mac?: string): Item => ({
  id: `uid-${name}`,
  uid: `uid-${name}`,
  namespace,
  name,
  object: {
    spec: {
      template: {
        spec: {
          domain: { devices: { interfaces: mac ? [{ name: 'nic0', macAddress: mac }] : [] } },
        },
      },
    },
  },
});

const host = (vms: Item[] = [], nads: Item[] = []) =>
  inventory('openshift', { vms, networkattachmentdefinitions: nads, namespaces: [] });

const networkMap = (entries: MapEntries, ready = true): NetworkMap => ({
  metadata: { name: 'net', namespace: 'mtv', generation: 1 },
  spec: { provider: {}, map: entries } as NetworkMap['spec'],
  status: { conditions: ready ? READY : [], observedGeneration: 1 },
});

const storageMap = (ready = true): StorageMap => ({
  metadata: { name: 'store', namespace: 'mtv', generation: 1 },
  spec: {
    provider: {},
    map: [{ source: { name: 'LocalDS_0' }, destination: { storageClass: 'standard' } }],
  } as StorageMap['spec'],
  status: { conditions: ready ? READY : [], observedGeneration: 1 },
});

type MapEntries = NonNullable<NetworkMap['spec']>['map'];

const POD_MAP: MapEntries = [{ source: { name: 'VM Network' }, destination: { type: 'pod' } }];

type Setup = {
  spec?: Partial<PlanSpec>;
  status?: Plan['status'];
  providers?: Provider[];
  source?: ProviderInventory;
  destination?: ProviderInventory;
  network?: NetworkMap;
  storage?: StorageMap;
  hooks?: Hook[];
  forkliftController?: ForkliftController;
  serviceAccountExists?: boolean;
};

const validate = (setup: Setup = {}) => {
  const providers = setup.providers ?? [
    provider('vcenter', 'vsphere', 'uid-src'),
    provider('host', 'openshift', 'uid-dst'),
  ];
  const inventories: Record<string, ProviderInventory> = {
    'uid-src': setup.source ?? vsphere([vsphereVm('vm-1', 'web')]),
    'uid-dst': setup.destination ?? host(),
  };
  const plan: Plan = {
    metadata: { name: 'plan', namespace: 'mtv', generation: 1 },
    spec: {
      provider: { source: { name: 'vcenter' }, destination: { name: 'host' } },
      targetNamespace: 'target',
      map: { network: { name: 'net' }, storage: { name: 'store' } },
      vms: [{ id: 'vm-1' }],
      ...setup.spec,
    } as PlanSpec,
    status: setup.status,
  };
  const input: PlanValidationInput = {
    plan,
    findProvider: (namespace, name) =>
      providers.find((p) => p.metadata?.namespace === namespace && p.metadata?.name === name),
    inventoryOf: (uid) => inventories[uid],
    findNetworkMap: (_, name) =>
      name === 'net' ? (setup.network ?? networkMap(POD_MAP)) : undefined,
    findStorageMap: (_, name) => (name === 'store' ? (setup.storage ?? storageMap()) : undefined),
    findHook: (namespace, name) =>
      setup.hooks?.find((h) => h.metadata?.namespace === namespace && h.metadata?.name === name),
    forkliftController: setup.forkliftController,
    serviceAccountExists: setup.serviceAccountExists,
  };
  return validatePlan(input);
};

const only = (conditions: ConditionInput[], type: string): ConditionInput => {
  const found = conditions.filter((condition) => condition.type === type);
  assert.equal(found.length, 1, `${type} in ${JSON.stringify(conditions)}`);
  return found[0]!;
};
const types = (conditions: ConditionInput[]) => conditions.map((condition) => condition.type);

test('a plan with everything in place earns no condition: the reconcile marks it Ready', () => {
  assert.deepEqual(validate(), { conditions: [], waitingForInventory: false });
});

test('a source provider that is unset, missing or not Ready is named, and not Ready stops there', () => {
  const unset = validate({ spec: { provider: { source: {}, destination: { name: 'host' } } } });
  assert.equal(only(unset.conditions, 'SourceProviderNotValid').reason, 'NotSet');
  const missing = validate({
    spec: { provider: { source: { name: 'gone' }, destination: { name: 'host' } } },
  });
  assert.equal(only(missing.conditions, 'SourceProviderNotValid').reason, 'NotFound');
  const notReady = validate({
    providers: [
      provider('vcenter', 'vsphere', 'uid-src', false),
      provider('host', 'openshift', 'uid-dst'),
    ],
    spec: { targetNamespace: 'Not Valid' },
  });
  assert.deepEqual(types(notReady.conditions), ['SourceProviderNotReady']);
  assert.equal(only(notReady.conditions, 'SourceProviderNotReady').category, 'Critical');
});

test('a destination that is not openshift is TypeNotValid; one not Ready is NotReady', () => {
  const wrongType = validate({
    spec: { provider: { source: { name: 'vcenter' }, destination: { name: 'vcenter' } } },
  });
  assert.equal(only(wrongType.conditions, 'DestinationProviderNotValid').reason, 'TypeNotValid');
  const notReady = validate({
    providers: [
      provider('vcenter', 'vsphere', 'uid-src'),
      provider('host', 'openshift', 'uid-dst', false),
    ],
  });
  assert.deepEqual(types(notReady.conditions), ['DestinationProviderNotReady']);
});

test('an inventory not loaded yet is SourceProviderNotReady InventoryNotReady, judged again', () => {
  const loading = { ...vsphere([]), hasParity: () => false };
  const result = validate({ source: loading });
  assert.equal(only(result.conditions, 'SourceProviderNotReady').reason, 'InventoryNotReady');
  assert.equal(result.waitingForInventory, true);
});

test('the target namespace must be set and a DNS-1123 subdomain', () => {
  const unset = validate({ spec: { targetNamespace: '' } });
  assert.equal(only(unset.conditions, 'NamespaceNotValid').reason, 'NotSet');
  const bad = validate({ spec: { targetNamespace: 'Team_A' } });
  const condition = only(bad.conditions, 'NamespaceNotValid');
  assert.equal(condition.reason, 'NotValid');
  assert.match(condition.message ?? '', /Team_A/);
});

test('map references: unset or missing is RefNotValid, a map without Ready is NotReady', () => {
  const unset = validate({ spec: { map: { network: {}, storage: { name: 'store' } } } });
  assert.equal(only(unset.conditions, 'NetworkMapRefNotValid').reason, 'NotSet');
  const missing = validate({
    spec: { map: { network: { name: 'net' }, storage: { name: 'nope' } } },
  });
  assert.equal(only(missing.conditions, 'StorageRefNotValid').reason, 'NotFound');
  const notReady = validate({ network: networkMap(POD_MAP, false), storage: storageMap(false) });
  assert.deepEqual(types(notReady.conditions), ['NetworkMapNotReady', 'StorageMapNotReady']);
});

test('a conversion plan does not need a storage map', () => {
  const result = validate({
    spec: { type: 'conversion', map: { network: { name: 'net' }, storage: {} } },
  });
  assert.deepEqual(types(result.conditions), []);
});

test('a multus destination outside the target namespace and default is NetMapDestinationNADNotValid', () => {
  const result = validate({
    network: networkMap([
      {
        source: { name: 'VM Network' },
        destination: { type: 'multus', namespace: 'other', name: 'br' },
      },
    ]),
  });
  const condition = only(result.conditions, 'NetMapDestinationNADNotValid');
  assert.deepEqual(condition.items, ['other/br']);
});

test('a blocker among providers, namespace or maps stops the per-VM checks', () => {
  const result = validate({ spec: { targetNamespace: '', vms: [{ id: 'vm-404' }] } });
  assert.deepEqual(types(result.conditions), ['NamespaceNotValid']);
});

test('warm from a source that cannot is WarmMigrationNotReady; an unsupported type MigrationTypeNotValid', () => {
  const ova = validate({
    providers: [provider('vcenter', 'ova', 'uid-src'), provider('host', 'openshift', 'uid-dst')],
    source: inventory('ova', {
      vms: [{ id: 'vm-1', name: 'web', nics: [], networks: [], disks: [] }],
      networks: [],
      storages: [],
    }),
    network: networkMap([]),
    storage: { ...storageMap(), spec: { provider: {}, map: [] } as unknown as StorageMap['spec'] },
    spec: { type: 'warm' },
  });
  assert.equal(only(ova.conditions, 'WarmMigrationNotReady').reason, 'NotSupported');
  const live = validate({ spec: { type: 'live' } });
  assert.match(
    only(live.conditions, 'MigrationTypeNotValid').message ?? '',
    /cold, warm, conversion/,
  );
});

test('live from OpenShift needs the ForkliftController feature switch', () => {
  const openshiftSource = {
    providers: [
      provider('vcenter', 'openshift', 'uid-src'),
      provider('host', 'openshift', 'uid-dst'),
    ],
    source: inventory('openshift', {
      vms: [kubevirtVm('vms', 'db')],
      networkattachmentdefinitions: [],
      persistentvolumeclaims: [],
      storageclasses: [],
    }),
    network: networkMap([]),
    storage: { ...storageMap(), spec: { provider: {}, map: [] } as unknown as StorageMap['spec'] },
    spec: { type: 'live' as const, vms: [{ id: 'uid-db' }] },
  };
  assert.deepEqual(types(validate(openshiftSource).conditions), ['MigrationTypeNotValid']);
  const switchedOn = validate({
    ...openshiftSource,
    forkliftController: { spec: { feature_ocp_live_migration: 'true' } } as ForkliftController,
  });
  assert.deepEqual(types(switchedOn.conditions), []);
});

test('VM references: none, unknown, duplicated and ambiguous each have their condition', () => {
  const result = validate({
    source: vsphere([
      vsphereVm('vm-1', 'web'),
      vsphereVm('vm-2', 'twin'),
      vsphereVm('vm-3', 'twin'),
    ]),
    spec: { vms: [{}, { id: 'vm-404' }, { id: 'vm-1' }, { name: 'web' }, { name: 'twin' }] },
  });
  assert.equal(only(result.conditions, 'VMRefNotValid').reason, 'NotSet');
  assert.deepEqual(only(result.conditions, 'VMNotFound').items, ['id:vm-404']);
  const duplicate = only(result.conditions, 'DuplicateVM');
  assert.equal(duplicate.reason, 'Ambiguous');
  assert.deepEqual(duplicate.items, ["id:vm-1 name:'web'", "name:'twin'"]);
});

test('a VM listed twice by id and by name is DuplicateVM NotUnique', () => {
  const result = validate({ spec: { vms: [{ id: 'vm-1' }, { name: 'web' }] } });
  const condition = only(result.conditions, 'DuplicateVM');
  assert.equal(condition.reason, 'NotUnique');
  assert.deepEqual(condition.items, ["id:vm-1 name:'web'"]);
});

test('a source name to be renamed warns; a bad or shared chosen target name blocks', () => {
  const result = validate({
    source: vsphere([
      vsphereVm('vm-1', 'Web Server'),
      vsphereVm('vm-2', 'db'),
      vsphereVm('vm-3', 'cache'),
    ]),
    spec: {
      vms: [
        { id: 'vm-1' },
        { id: 'vm-2', targetName: 'Bad_Name' },
        { id: 'vm-3', targetName: 'Bad_Name' },
      ],
    },
  });
  const rename = only(result.conditions, 'TargetNameNotValid');
  assert.equal(rename.category, 'Warn');
  assert.deepEqual(rename.items, ["id:vm-1 name:'Web Server'"]);
  const invalid = only(result.conditions, 'NotValid');
  assert.equal(invalid.category, 'Critical');
  assert.deepEqual(invalid.items, ["id:vm-2 name:'db'", "id:vm-3 name:'cache'"]);
  assert.deepEqual(only(result.conditions, 'DuplicateVM').items, ["id:vm-3 name:'cache'"]);
});

test('a VirtualMachine with the target name in the target namespace is VMAlreadyExists', () => {
  const destination = host([kubevirtVm('target', 'web'), kubevirtVm('elsewhere', 'db')]);
  const result = validate({
    source: vsphere([vsphereVm('vm-1', 'web'), vsphereVm('vm-2', 'db')]),
    destination,
    spec: { vms: [{ id: 'vm-1' }, { id: 'vm-2' }] },
  });
  const condition = only(result.conditions, 'VMAlreadyExists');
  assert.equal(condition.reason, 'NotUnique');
  assert.deepEqual(condition.items, ["id:vm-1 name:'web'"]);
  // Once the VM has a status in the plan the VirtualMachine is its own.
  const started = validate({
    destination,
    status: { migration: { vms: [{ id: 'vm-1' }] } } as Plan['status'],
  });
  assert.deepEqual(types(started.conditions), []);
});

test('an unmapped network or datastore names the VM', () => {
  const result = validate({
    source: vsphere([
      vsphereVm('vm-1', 'web'),
      vsphereVm('vm-2', 'db', {
        disks: [
          { key: 1, file: 'x', datastore: { kind: 'Datastore', id: 'datastore-2' }, capacity: 1 },
        ],
        nics: [{ network: { kind: 'Network', id: 'dvportgroup-9' }, mac: '00:50:56:aa:00:02' }],
      }),
    ]),
    spec: { vms: [{ id: 'vm-1' }, { id: 'vm-2' }] },
  });
  assert.deepEqual(only(result.conditions, 'VMNetworksNotMapped').items, ["id:vm-2 name:'db'"]);
  assert.deepEqual(only(result.conditions, 'VMStorageNotMapped').items, ["id:vm-2 name:'db'"]);
});

test('two NICs on networks mapped to the pod network is VMMultiplePodNetworkMappings', () => {
  const result = validate({
    network: networkMap([
      ...POD_MAP,
      { source: { name: 'DC0_DVPG0' }, destination: { type: 'pod' } },
    ]),
    source: vsphere([
      vsphereVm('vm-1', 'web', {
        nics: [
          { network: { kind: 'Network', id: 'network-7' }, mac: '00:50:56:aa:00:01' },
          { network: { kind: 'Network', id: 'dvportgroup-9' }, mac: '00:50:56:aa:00:02' },
        ],
      }),
    ]),
  });
  assert.deepEqual(only(result.conditions, 'VMMultiplePodNetworkMappings').items, [
    "id:vm-1 name:'web'",
  ]);
});

test('a VM on a host in maintenance mode is HostNotReady, a warning', () => {
  const result = validate({
    source: vsphere(
      [vsphereVm('vm-1', 'web')],
      [{ id: 'host-1', name: 'esx1', inMaintenance: true }],
    ),
  });
  const condition = only(result.conditions, 'HostNotReady');
  assert.equal(condition.category, 'Warn');
  assert.equal(condition.reason, 'InMaintenanceMode');
});

test('warm needs CBT and no snapshots on each VM', () => {
  const result = validate({
    source: vsphere([
      vsphereVm('vm-1', 'web', { changeTrackingEnabled: false }),
      vsphereVm('vm-2', 'db', { snapshot: { kind: 'VirtualMachineSnapshot', id: 'snapshot-3' } }),
    ]),
    spec: { type: 'warm', vms: [{ id: 'vm-1' }, { id: 'vm-2' }] },
  });
  const cbt = only(result.conditions, 'VMMissingChangedBlockTracking');
  assert.equal(cbt.reason, 'MissingChangedBlockTracking');
  assert.deepEqual(cbt.items, ["id:vm-1 name:'web'"]);
  assert.deepEqual(only(result.conditions, 'VMHasSnapshots').items, ["id:vm-2 name:'db'"]);
  assert.deepEqual(types(validate({ spec: { type: 'cold' } }).conditions), []);
});

test('a MAC a destination VirtualMachine already uses is MacConflicts, naming the pair', () => {
  const result = validate({
    destination: host([kubevirtVm('prod', 'old-web', '00:50:56:AA:00:01')]),
  });
  const condition = only(result.conditions, 'MacConflicts');
  assert.equal(condition.category, 'Critical');
  assert.deepEqual(condition.items, ["id:vm-1 name:'web'"]);
  assert.match(condition.message ?? '', /00:50:56:aa:00:01 \(used by prod\/old-web\)/);
});

test('a VM with a Critical concern is VMCriticalConcerns; Warning concerns are not', () => {
  const warning: Concern = { ...CRITICAL, id: 'w', category: 'Warning' };
  const result = validate({
    source: vsphere([
      vsphereVm('vm-1', 'web', { concerns: [CRITICAL] }),
      vsphereVm('vm-2', 'db', { concerns: [warning] }),
    ]),
    spec: { vms: [{ id: 'vm-1' }, { id: 'vm-2' }] },
  });
  const condition = only(result.conditions, 'VMCriticalConcerns');
  assert.equal(condition.category, 'Critical');
  assert.deepEqual(condition.items, ["id:vm-1 name:'web'"]);
});

test('a VM that already succeeded is not judged again', () => {
  const result = validate({
    source: vsphere([vsphereVm('vm-1', 'web', { concerns: [CRITICAL] })]),
    status: {
      migration: {
        vms: [{ id: 'vm-1', conditions: [{ type: 'Succeeded', status: 'True' }] }],
      },
    } as Plan['status'],
  });
  assert.deepEqual(types(result.conditions), []);
});

test('LUKS keys together with NBDE warn with LuksAndClevisIncompatibility', () => {
  const result = validate({
    spec: { vms: [{ id: 'vm-1', nbdeClevis: true, luks: { name: 'keys' } }] },
  });
  assert.equal(only(result.conditions, 'LuksAndClevisIncompatibility').category, 'Warn');
});

test('the transfer network must exist, be in the target namespace and have a usable route', () => {
  const nad = (namespace: string, name: string, route?: string): Item => ({
    id: `uid-${name}`,
    namespace,
    name,
    object: { metadata: { annotations: route ? { 'forklift.konveyor.io/route': route } : {} } },
  });
  const destination = host(
    [],
    [nad('target', 'fast'), nad('other', 'far'), nad('target', 'odd', 'nope')],
  );
  const at = (name: string, namespace = 'target') =>
    validate({ destination, spec: { transferNetwork: { name, namespace } } }).conditions;
  assert.equal(only(at('missing'), 'TransferNetworkNotValid').reason, 'NotFound');
  assert.equal(only(at('far', 'other'), 'TransferNetworkNotValid').reason, 'NotValid');
  assert.match(only(at('odd'), 'TransferNetworkNotValid').message ?? '', /route/);
  assert.deepEqual(types(at('fast')), []);
});

test('a service account the target namespace lacks is ServiceAccountNotValid', () => {
  const missing = validate({ spec: { serviceAccount: 'migrator' }, serviceAccountExists: false });
  const condition = only(missing.conditions, 'ServiceAccountNotValid');
  assert.equal(condition.reason, 'NotFound');
  assert.match(condition.message ?? '', /migrator .* target/);
  const found = validate({ spec: { serviceAccount: 'migrator' }, serviceAccountExists: true });
  assert.deepEqual(types(found.conditions), []);
});

test('hooks: unset, missing, not Ready and unknown steps are named', () => {
  const readyHook: Hook = {
    metadata: { name: 'ready', namespace: 'mtv' },
    status: { conditions: READY },
  };
  const brokenHook: Hook = { metadata: { name: 'broken', namespace: 'mtv' }, status: {} };
  const result = validate({
    hooks: [readyHook, brokenHook],
    spec: {
      vms: [
        {
          id: 'vm-1',
          hooks: [
            { step: 'PreHook', hook: { name: 'ready' } },
            { step: 'PostHook', hook: { name: 'broken' } },
            { step: 'MidHook', hook: { name: 'missing' } },
          ],
        },
      ],
    },
  });
  const notValid = only(result.conditions, 'HookNotValid');
  assert.equal(notValid.reason, 'NotFound');
  assert.deepEqual(notValid.items, ['mtv/missing']);
  assert.deepEqual(only(result.conditions, 'HookNotReady').items, ['mtv/broken']);
  assert.deepEqual(only(result.conditions, 'HookStepNotValid').items, ["id:vm-1 step:'MidHook'"]);
});

test('a virt-v2v image without its registry, or half the conversion scratch storage, blocks', () => {
  const image = validate({ spec: { virtV2vImage: 'virt-v2v:latest' } });
  assert.equal(only(image.conditions, 'VirtV2vImageNotValid').reason, 'NotValid');
  assert.deepEqual(
    types(validate({ spec: { virtV2vImage: 'quay.io/kubev2v/virt-v2v:latest' } }).conditions),
    [],
  );
  const scratch = validate({ spec: { conversionTempStorageClass: 'standard' } });
  assert.match(only(scratch.conditions, 'NotValid').message ?? '', /set together/);
});
