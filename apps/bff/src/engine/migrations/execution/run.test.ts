// One pass of a run on the embedded Kubernetes API: the VMs of a pass advance side by side, and
// what they share in the plan is made once, whichever VM gets there first. The source is a
// stand-in whose power answers are held until every VM of the pass has asked: advanced one after
// another, the second VM would ask only once the first had its answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Secret } from '@kubernetes/client-node';
import type { Plan } from '@forklift-console/api';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import { createLogger } from '../../../logging.ts';
import { startTestApi, type TestApi } from '../../../test-support/embedded-api.ts';
import type { PowerState, SourceVm } from '../source-vm.ts';
import type { SourceAdapter } from '../sources/index.ts';
import { contextOf, ovaVm, vsphereVm } from '../targets/context.test-support.ts';
import { CLAIM, DATA_VOLUME, VOLUME, clusterOf } from './cluster.ts';
import { migrationVmLabels, type RunContext } from './context.ts';
import { ensureOvaShare } from './phases/disks.ts';
import { runMigration } from './run.ts';
import type { MigrationStatusOfPlan, Snapshot } from './types.ts';
import { vmContextOf } from './vm-context.ts';

// Only reached when the VMs do not all ask: it keeps a failing test from hanging.
const GIVE_UP_MS = 20_000;

let api: TestApi;
before(async () => {
  api = await startTestApi('run-');
});
after(() => api?.close());

const providerSecret: V1Secret = {
  data: {
    user: Buffer.from('administrator@vsphere.local').toString('base64'),
    password: Buffer.from('vcsim-password').toString('base64'),
  },
};

/** A source of `vms`, all off, whose power answers wait until `vms.length` asks are under way. */
const meetingSource = (vms: SourceVm[]) => {
  let asking = 0;
  let mostAtOnce = 0;
  let release: () => void = () => {};
  const everyoneAsked = new Promise<void>((resolve) => (release = resolve));
  const source: SourceAdapter = {
    readVm: (ref) => vms.find((vm) => vm.id === ref.id),
    async powerState(): Promise<PowerState> {
      asking += 1;
      mostAtOnce = Math.max(mostAtOnce, asking);
      if (asking === vms.length) release();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        everyoneAsked,
        new Promise((resolve) => (timer = setTimeout(resolve, GIVE_UP_MS))),
      ]);
      clearTimeout(timer);
      asking -= 1;
      return 'Off';
    },
    powerOff: async () => {},
    powerOn: async () => {},
    close: async () => {},
  };
  return { source, mostAtOnce: () => mostAtOnce };
};

/** A run of `vms` (each with one disk) from `template`'s provider, in a plan of its own. */
const runOf = (template: SourceVm, vms: SourceVm[], source: SourceAdapter, planUid: string) => {
  const target = contextOf(template);
  const plan: Plan = {
    ...target.plan,
    metadata: { ...target.plan.metadata, uid: planUid },
    spec: {
      ...target.plan.spec!,
      skipGuestConversion: true,
      vms: vms.map((vm) => ({ id: vm.id })),
    },
  };
  const run: RunContext = {
    kubeConfig: api.connection.kubeConfig,
    cluster: clusterOf(api.connection.kubeConfig),
    plan,
    migration: target.migration,
    sourceProvider: target.sourceProvider,
    destinationProvider: target.destinationProvider,
    networkMap: target.networkMap,
    storageMap: target.storageMap,
    settings: undefined,
    providerSecret,
    inventory: { get: () => undefined } as unknown as ProviderInventory,
    // A watch that has not seen the new DataVolumes yet: their copies are followed next pass.
    watchedDataVolumes: () => [],
    source,
    now: new Date(),
    logger: createLogger('silent'),
  };
  return run;
};

const snapshotOf = (run: RunContext): Snapshot => {
  const ref = (object: { metadata?: { name?: string; namespace?: string; uid?: string } }) => ({
    name: object.metadata?.name ?? '',
    namespace: object.metadata?.namespace ?? '',
    uid: object.metadata?.uid ?? '',
    generation: 1,
  });
  return {
    conditions: [],
    plan: ref(run.plan),
    migration: ref(run.migration),
    provider: { source: ref(run.sourceProvider), destination: ref(run.destinationProvider) },
    map: { network: ref(run.networkMap), storage: ref(run.storageMap) },
  };
};

const oneDisk = (vm: SourceVm, id: string, name: string): SourceVm => ({
  ...vm,
  id,
  name,
  disks: vm.disks.slice(0, 1),
});

test('VMs started in one pass advance side by side and all get their DataVolumes in that pass', async () => {
  const vms = [
    oneDisk(vsphereVm(), 'vm-101', 'web-1'),
    oneDisk(vsphereVm(), 'vm-102', 'web-2'),
    oneDisk(vsphereVm(), 'vm-103', 'web-3'),
  ];
  const { source, mostAtOnce } = meetingSource(vms);
  const run = runOf(vsphereVm(), vms, source, 'a0000000-0000-0000-0000-000000000001');
  const status: MigrationStatusOfPlan = {};

  await runMigration({
    run,
    status,
    snapshot: snapshotOf(run),
    otherPlans: [],
    sourceReady: true,
  });

  assert.equal(mostAtOnce(), vms.length, 'every VM asked the source before any had its answer');
  assert.deepEqual(
    (status.vms ?? []).map((vm) => [vm.id, vm.phase]),
    vms.map((vm) => [vm.id, 'CopyDisks']),
  );
  for (const vm of vms) {
    const dataVolumes = await run.cluster.list(DATA_VOLUME, 'migrated', migrationVmLabels(run, vm));
    assert.equal(dataVolumes.length, 1, `${vm.id} has its DataVolume`);
  }
});

test("the plan's OVA share is made once when its VMs reach their disks in the same pass", async () => {
  const vms = [ovaVm(), { ...ovaVm(), id: 'c0ffee00c0ffee00c0ffee00c0ffee00c0f1' }];
  const { source } = meetingSource(vms);
  const run = runOf(ovaVm(), vms, source, 'a0000000-0000-0000-0000-000000000002');
  const contexts = vms.map((vm) =>
    vmContextOf(run, { id: vm.id, phase: 'CreateDataVolumes', pipeline: [] }),
  );

  const names = await Promise.all(contexts.map((context) => ensureOvaShare(run, context!)));

  assert.equal(new Set(names).size, 1, 'both VMs use the one share');
  const labels = { plan: run.plan.metadata?.uid ?? '' };
  assert.equal((await run.cluster.list(CLAIM, 'migrated', labels)).length, 1);
  assert.equal((await run.cluster.list(VOLUME, undefined, labels)).length, 1);
});
