// Crash safety (issue 14): the standalone app — engine and embedded cluster in one process — is
// killed with SIGKILL in the middle of a migration and started again on the same data directory.
// The migration completes; no DataVolume, PVC, VirtualMachine or running conversion pod exists
// twice for a VM at any moment; no VM is Succeeded without its disk copied whole.
// 1. During the copy: a vSphere raw-copy plan of two vcsim VMs (1 GiB disks, so the copy lasts),
//    killed while a DataVolume imports; the importer starts again and each PVC equals its source.
// 2. During the conversion: an OVA appliance with a blank disk, killed while virt-v2v runs. The
//    pod lost to the restart said nothing about the guest, so the engine converts again in a fresh
//    pod, which fails with virt-v2v's own inspection error (Forklift's fail-fast).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
  type V1Pod,
} from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  MigrationModel,
  NetworkMapModel,
  PlanModel,
  ProviderModel,
  StorageMapModel,
  type K8sModel,
  type Plan,
} from '@forklift-console/api';
import { makeSampleOva } from '../../../../../scripts/sample-ova.ts';
import { startVcsim, type VcsimModel } from '../../../../../scripts/vcsim.ts';
import { localShareDir } from '../../inventory/ova/share.ts';
import {
  claimFile,
  createVsphereEstate,
  readSourceDisk,
} from '../../test-support/vsphere-estate.ts';
import {
  kill9App,
  startAppProcess,
  stopApp,
  type AppProcess,
} from '../../test-support/app-process.ts';

const run = promisify(execFile);
const HOST = { name: 'host', namespace: 'openshift-mtv' };
// Big enough that the copy is still under way when the test sees it start (the disk is mostly a
// hole, read through vcsim's datastore interface all the same).
const DISK_MIB = 1024;
const INSPECTION_ERROR = 'inspection could not detect the source guest';
const NODE_RESTART = 'the embedded cluster restarted while this container ran';

type Labelled = KubernetesObject & { status?: Record<string, unknown> & { phase?: string } };
type PlanStatus = NonNullable<Plan['status']>;
type VmStatus = NonNullable<NonNullable<PlanStatus['migration']>['vms']>[number];

const holds = (
  status: { conditions?: { type: string; status: string }[] } | undefined,
  type: string,
) => (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

const toolsMissing = async (tools: string[]): Promise<string | false> => {
  for (const tool of tools) {
    try {
      await run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      return `${tool} is not installed`;
    }
  }
  return false;
};

const copyToolsMissing = await toolsMissing(['qemu-img', 'nbdkit']);
const conversionToolsMissing = await toolsMissing(['virt-v2v', 'qemu-img']);

/** The app under test, restartable on its data directory, with a client of this start's API. */
const appOn = (dataDir: string) => {
  let current: AppProcess | undefined;
  const objects = () => KubernetesObjectApi.makeApiClient(current!.kubeConfig);
  return {
    async start() {
      current = await startAppProcess(dataDir);
    },
    async kill9() {
      await kill9App(current!.child);
    },
    async stop() {
      if (current) await stopApp(current.child);
    },
    kubeConfig: (): KubeConfig => current!.kubeConfig,
    create: (object: KubernetesObject) => objects().create(object),
    createForklift: (model: K8sModel, namespace: string, name: string, spec: object) =>
      objects().create({
        apiVersion: FORKLIFT_API_VERSION,
        kind: model.kind,
        metadata: { name, namespace },
        spec,
      } as KubernetesObject),
    read: async <T>(model: K8sModel, namespace: string, name: string) =>
      (await objects().read({
        apiVersion: `${model.group}/${model.version}`,
        kind: model.kind,
        metadata: { name, namespace },
      })) as unknown as T & { metadata: { uid: string } },
    list: async (apiVersion: string, kind: string, labels: string): Promise<Labelled[]> =>
      (
        await objects().list<Labelled>(
          apiVersion,
          kind,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          labels,
        )
      ).items,
    /** A collection of a provider's inventory, through the BFF as the signed-in user. */
    async inventory(type: string, uid: string, collection: string) {
      const response = await fetch(
        `${current!.consoleUrl}/api/v1/inventory/providers/${type}/${uid}/${collection}`,
        { headers: { authorization: `Bearer ${current!.accessToken}` } },
      );
      return response.ok ? ((await response.json()) as { id: string; name: string }[]) : [];
    },
  };
};
type App = ReturnType<typeof appOn>;

const eventually = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 600_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    assert.ok(Date.now() < deadline, `gave up waiting for ${what}`);
    await sleep(300);
  }
};

const readPlan = (app: App, namespace: string, name: string) =>
  app.read<Plan>(PlanModel, namespace, name);

/** The inventory's objects of a collection, once the provider's inventory has them. */
const inventoryOf = (app: App, type: string, uid: string, collection: string, count: number) =>
  eventually(`${count} ${collection} in the ${type} inventory`, async () => {
    const items = await app.inventory(type, uid, collection);
    return items.length >= count ? items : undefined;
  });

const startPlan = async (
  app: App,
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
) => {
  await app.createForklift(PlanModel, namespace, name, spec);
  await eventually('the plan to be Ready', async () => {
    const plan = await readPlan(app, namespace, name);
    return holds(plan.status, 'Ready') ? plan : undefined;
  });
  await app.createForklift(MigrationModel, namespace, `${name}-run`, {
    plan: { name, namespace },
    cancel: [],
  });
  return readPlan(app, namespace, name);
};

describe('kill -9 of the standalone app during a migration', { timeout: 1_800_000 }, () => {
  test(
    'during the copy: after the restart the plan succeeds, each disk copied whole, nothing made twice',
    { skip: copyToolsMissing },
    async () => {
      const vcsim = await startVcsim(
        { hosts: 1, 'standalone-hosts': 0, vms: 2, 'disk-mib': DISK_MIB } as VcsimModel,
        undefined,
        { tls: true },
      );
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crash-copy-'));
      const app = appOn(dataDir);
      const namespace = 'crash-copy';
      try {
        await app.start();
        const estate = await createVsphereEstate(app.kubeConfig(), vcsim, {
          namespace,
          storageClass: 'hostpath-csi',
          seeded: true,
        });
        const provider = await app.read<object>(ProviderModel, namespace, 'vcsim');
        const vms = await inventoryOf(app, 'vsphere', provider.metadata.uid, 'vms', 2);
        const plan = await startPlan(
          app,
          namespace,
          'copy',
          estate.planSpec(
            vms.map((vm) => ({ id: vm.id })),
            { skipGuestConversion: true, targetPowerState: 'off' },
          ),
        );

        const labels = `plan=${plan.metadata.uid}`;
        const most = { dataVolumes: 0, claims: 0, machines: 0 };
        let restarted = 0;
        /** Every poll: the counts per VM, and no VM (or copy) done before its DataVolume is. */
        const poll = async (): Promise<PlanStatus | undefined> => {
          // The plan first: a DataVolume read after it is at least as far along as it saw.
          const status = (await readPlan(app, namespace, 'copy')).status;
          for (const vm of vms) {
            const at = `${labels},vmID=${vm.id}`;
            const dataVolumes = await app.list('cdi.kubevirt.io/v1beta1', 'DataVolume', at);
            const claims = await app.list('v1', 'PersistentVolumeClaim', at);
            const machines = await app.list('kubevirt.io/v1', 'VirtualMachine', at);
            most.dataVolumes = Math.max(most.dataVolumes, dataVolumes.length);
            most.claims = Math.max(most.claims, claims.length);
            most.machines = Math.max(most.machines, machines.length);
            for (const dataVolume of dataVolumes) {
              restarted = Math.max(restarted, Number(dataVolume.status?.restartCount ?? 0));
            }
            const vmStatus = status?.migration?.vms?.find((candidate) => candidate.id === vm.id);
            const copied =
              holds(vmStatus, 'Succeeded') ||
              vmStatus?.pipeline.some(
                (step) => step.name === 'DiskTransfer' && step.phase === 'Completed',
              );
            if (copied) {
              for (const dataVolume of dataVolumes) {
                assert.equal(
                  dataVolume.status?.phase,
                  'Succeeded',
                  `${vm.name} copied while its DataVolume is ${dataVolume.status?.phase}`,
                );
              }
            }
          }
          return status;
        };

        await eventually('a DataVolume importing', async () => {
          await poll();
          const importing = await app.list('cdi.kubevirt.io/v1beta1', 'DataVolume', labels);
          return importing.some((dv) => dv.status?.phase === 'ImportInProgress') ? true : undefined;
        });
        await app.kill9();
        await app.start();
        const done = await eventually('the plan to finish', async () => {
          const status = await poll();
          return holds(status, 'Succeeded') || holds(status, 'Failed') ? status : undefined;
        });
        await poll();

        assert.ok(
          holds(done, 'Succeeded'),
          JSON.stringify(done?.migration?.vms?.map((vm) => vm.error)),
        );
        assert.deepEqual(
          most,
          { dataVolumes: 1, claims: 1, machines: 1 },
          'one of each per VM, ever',
        );
        assert.ok(restarted >= 1, 'an import was cut by the kill and ran again');
        assert.equal(done?.migration?.history?.length, 1);
        const scratch = await mkdtemp(path.join(os.tmpdir(), 'crash-copy-compare-'));
        try {
          for (const vm of vms) {
            const vmStatus = done?.migration?.vms?.find((candidate) => candidate.id === vm.id);
            assert.ok(holds(vmStatus, 'Succeeded'), vm.name);
            const [claim] = await app.list(
              'v1',
              'PersistentVolumeClaim',
              `${labels},vmID=${vm.id}`,
            );
            assert.ok(claim, `${vm.name} has its disk`);
            const copied = await claimFile(app.kubeConfig(), namespace, claim.metadata!.name!);
            const original = await readSourceDisk(vcsim, vm.name, scratch);
            await run('qemu-img', ['compare', '-f', 'raw', '-F', 'raw', original, copied]);
            await rm(original);
          }
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      } finally {
        await app.stop();
        await vcsim.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  test(
    'during the conversion: after the restart a fresh virt-v2v pod runs and fails the VM with its own error',
    { skip: conversionToolsMissing },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crash-convert-'));
      const app = appOn(dataDir);
      const namespace = 'crash-convert';
      const share = 'nfs.lab:/exports/crash';
      try {
        const ova = await makeSampleOva({
          directory: path.join(localShareDir(share, path.join(dataDir, 'ova-shares')), 'blank'),
          name: 'blank',
          osType: 'rhel9_64Guest',
        });
        // The share's scan skips files younger than 30 s, as they may still be being copied.
        const anHourAgo = new Date(Date.now() - 3_600_000);
        await utimes(ova, anHourAgo, anHourAgo);
        await app.start();
        await app.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
        await app.createForklift(ProviderModel, namespace, 'appliances', {
          type: 'ova',
          url: share,
          secret: {},
        });
        const provider = await app.read<object>(ProviderModel, namespace, 'appliances');
        const [vm] = await inventoryOf(app, 'ova', provider.metadata.uid, 'vms', 1);
        const networks = await inventoryOf(app, 'ova', provider.metadata.uid, 'networks', 1);
        const storages = await inventoryOf(app, 'ova', provider.metadata.uid, 'storages', 1);
        const pair = { source: { name: 'appliances', namespace }, destination: HOST };
        await app.createForklift(NetworkMapModel, namespace, 'networks', {
          provider: pair,
          map: networks.map((network) => ({
            source: { id: network.id },
            destination: { type: 'pod' },
          })),
        });
        await app.createForklift(StorageMapModel, namespace, 'disks', {
          provider: pair,
          map: storages.map((storage) => ({
            source: { id: storage.id },
            destination: { storageClass: 'hostpath-csi' },
          })),
        });
        const plan = await startPlan(app, namespace, 'convert', {
          provider: pair,
          targetNamespace: namespace,
          map: { network: { name: 'networks', namespace }, storage: { name: 'disks', namespace } },
          targetPowerState: 'off',
          vms: [{ id: vm!.id }],
        });

        const at = `plan=${plan.metadata.uid},vmID=${vm!.id}`;
        const conversionPods = () => app.list('v1', 'Pod', `${at},forklift.app=virt-v2v`);
        let most = { running: 0, dataVolumes: 0 };
        const poll = async () => {
          const running = (await conversionPods()).filter((pod) => pod.status?.phase === 'Running');
          const dataVolumes = await app.list('cdi.kubevirt.io/v1beta1', 'DataVolume', at);
          most = {
            running: Math.max(most.running, running.length),
            dataVolumes: Math.max(most.dataVolumes, dataVolumes.length),
          };
          return (await readPlan(app, namespace, 'convert')).status;
        };

        const killed = await eventually('the conversion pod to run', async () => {
          await poll();
          return (await conversionPods()).find((pod) => pod.status?.phase === 'Running');
        });
        await app.kill9();
        await app.start();
        const done = await eventually('the plan to finish', async () => {
          const status = await poll();
          return holds(status, 'Succeeded') || holds(status, 'Failed') ? status : undefined;
        });
        await poll();

        assert.ok(holds(done, 'Failed'), JSON.stringify(done?.conditions));
        const vmStatus = done?.migration?.vms?.[0] as VmStatus;
        assert.ok(holds(vmStatus, 'Failed'));
        const reasons = vmStatus.error?.reasons ?? [];
        assert.equal(reasons[0], 'Guest conversion failed. See pod logs for details.');
        assert.ok(
          reasons.some((reason) => reason.includes(INSPECTION_ERROR)),
          `virt-v2v's own error: ${JSON.stringify(reasons)}`,
        );
        assert.ok(
          !reasons.some((reason) => reason.includes(NODE_RESTART)),
          "not the restart's: the conversion ran again",
        );
        const [fresh, ...others] = (await conversionPods()) as V1Pod[];
        assert.equal(others.length, 0, 'the pod lost to the restart is gone');
        assert.notEqual(fresh?.metadata?.uid, killed.metadata?.uid, 'a fresh conversion pod ran');
        assert.equal(fresh?.status?.phase, 'Failed');
        assert.deepEqual(most, { running: 1, dataVolumes: 1 }, 'never two at once');
      } finally {
        await app.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
