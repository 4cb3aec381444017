// Section "import": a 2 GiB qcow2 served over loopback HTTP, imported by the app's CDI importer
// through a DataVolume into a PVC, against `qemu-img convert` of the same URL (through nbdkit's
// curl plugin) into a raw file on the same filesystem, alternately in the same run. The importer
// adds the image checks, the PVC and the status writes; the ratio is their cost. The app's RSS is sampled
// during each import: the bytes must flow through the tools, not the app.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CoreV1Api,
  CustomObjectsApi,
  StorageV1Api,
  type KubeConfig,
} from '@kubernetes/client-node';
import { DataVolumeModel, DEFAULT_STORAGE_CLASS_ANNOTATION } from '@forklift-console/api';
import { startImageServer } from '../../apps/embedded-cluster/src/cdi/test-image-server.ts';
import { startAppProcess } from './app-process.ts';
import { MIB } from './memory.ts';
import type { SectionReport } from './report.ts';
import { median } from './stats.ts';
import { residentBytes, startRssSampler } from './upload-app.ts';

const run = promisify(execFile);
const IMAGE_GIB = 2;
const IMAGE_BYTES = IMAGE_GIB * 1024 ** 3;
const NAMESPACE = 'bench-import';
/** Throughput ≥ 0.8× qemu-img's is wall time ≤ 1/0.8 = 1.25× qemu-img's. */
const TIME_RATIO_GOAL = 1.25;
const RSS_GROWTH_GOAL_MIB = 100;
const RSS_SAMPLE_MS = 20;
const SETTLE_MS = 2000;
const IMPORT_TIMEOUT_MS = 10 * 60_000;

/** A qcow2 whose every cluster holds data, 64 MiB of each byte value in turn. */
const makeImage = async (folder: string) => {
  const file = path.join(folder, 'disk.qcow2');
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', file, `${IMAGE_GIB}G`]);
  const writes = Array.from({ length: IMAGE_BYTES / (64 * MIB) }, (_, index) => [
    '-c',
    `write -P ${(index % 250) + 1} ${index * 64}M 64M`,
  ]).flat();
  await run('qemu-io', ['-f', 'qcow2', ...writes, file]);
  return file;
};

const prepareCluster = async (kubeConfig: KubeConfig) => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
  const storage = kubeConfig.makeApiClient(StorageV1Api);
  const { items } = await storage.listStorageClass();
  if (!items.some((item) => item.metadata?.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION])) {
    await storage.createStorageClass({
      body: {
        metadata: {
          name: 'bench-local',
          annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' },
        },
        provisioner: 'kubevirt.io.hostpath-provisioner',
      },
    });
  }
};

const dataVolumes = { ...DataVolumeModel, namespace: NAMESPACE };

/** Wall time from the DataVolume's creation to its Succeeded. */
const importOnce = async (kubeConfig: KubeConfig, name: string, url: string) => {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const started = performance.now();
  await custom.createNamespacedCustomObject({
    ...dataVolumes,
    body: {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name },
      spec: {
        source: { http: { url } },
        storage: { resources: { requests: { storage: `${IMAGE_GIB}Gi` } } },
      },
    },
  });
  for (;;) {
    const dv = (await custom.getNamespacedCustomObject({ ...dataVolumes, name })) as {
      status?: { phase?: string; conditions?: { type: string; message?: string }[] };
    };
    if (dv.status?.phase === 'Succeeded') break;
    if (dv.status?.phase === 'Failed') {
      const cause = dv.status.conditions?.find((c) => c.type === 'Running')?.message;
      throw new Error(`the import failed: ${cause}`);
    }
    if (performance.now() - started > IMPORT_TIMEOUT_MS) throw new Error('the import timed out');
    await sleep(100);
  }
  const elapsedMs = performance.now() - started;
  // Its PVC goes with it (owner reference), and its volume with the PVC.
  await custom.deleteNamespacedCustomObject({ ...dataVolumes, name });
  return elapsedMs;
};

/**
 * qemu-img reading the URL through nbdkit's curl plugin, as the importer does, without the
 * controller around it. qemu-img's own curl driver is not the baseline: on this machine it stalls
 * for good partway through a large image, its connections closed under it.
 */
const convertOnce = async (url: string, target: string) => {
  const started = performance.now();
  await run('nbdkit', [
    '-r',
    '-U',
    '-',
    'curl',
    `url=${url}`,
    '--run',
    `qemu-img convert -W -O raw "$uri" '${target}'`,
  ]);
  // The importer syncs the disk before calling it done; so does the baseline.
  await run('sync', [target]);
  const elapsedMs = performance.now() - started;
  await rm(target, { force: true });
  return elapsedMs;
};

export const runImportSection = async ({ runs }: { runs: number }): Promise<SectionReport> => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'forklift-bench-import-'));
  const server = await startImageServer({ '/disk.qcow2': { file: await makeImage(folder) } });
  const url = server.url('/disk.qcow2');
  const app = await startAppProcess();
  try {
    await prepareCluster(app.kubeConfig);
    const baselineMs: number[] = [];
    const importMs: number[] = [];
    const growthMiB: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      baselineMs.push(await convertOnce(url, path.join(app.dataDir, 'baseline.raw')));
      await sleep(SETTLE_MS);
      const before = residentBytes(app.pid);
      const sampler = startRssSampler(app.pid, RSS_SAMPLE_MS);
      try {
        importMs.push(await importOnce(app.kubeConfig, `import-${index + 1}`, url));
      } finally {
        growthMiB.push((sampler.stop() - before) / MIB);
      }
      await sleep(SETTLE_MS);
    }
    const measured = median(importMs);
    const baseline = median(baselineMs);
    const mibPerSecond = (ms: number) => IMAGE_BYTES / MIB / (ms / 1000);
    const list = (values: number[], digits = 0) => values.map((v) => v.toFixed(digits)).join(', ');
    return {
      id: 'import',
      title: `CDI import: a ${IMAGE_GIB} GiB qcow2 over loopback HTTP into a PVC, median of ${runs} runs`,
      baseline: `nbdkit curl <the same URL> --run 'qemu-img convert -W -O raw "$uri" …' then sync <file>, into the app's data folder, alternating with the imports`,
      notes: [
        `goal: import throughput ≥ 0.8× qemu-img's, i.e. wall time ≤ ${TIME_RATIO_GOAL}× qemu-img's`,
        `throughput: import ${mibPerSecond(measured).toFixed(0)} MiB/s, qemu-img ${mibPerSecond(baseline).toFixed(0)} MiB/s (${(baseline / measured).toFixed(2)}× qemu-img's)`,
        `samples (ms): import ${list(importMs)}; qemu-img ${list(baselineMs)}`,
        "an import's time runs from the DataVolume's creation to its Succeeded: the PVC's provisioning, qemu-img info/check/map, nbdkit curl → qemu-img convert, the fsync and rename, the status writes",
        `app RSS growth per import ${list(growthMiB, 1)} MiB (sampled every ${RSS_SAMPLE_MS} ms)`,
      ],
      figures: [
        {
          name: `Import of ${IMAGE_GIB} GiB, wall time`,
          unit: 'ms',
          measured,
          baseline,
          goal: { max: TIME_RATIO_GOAL, of: 'ratio' },
        },
        {
          name: 'App RSS growth during an import (worst run)',
          unit: 'MiB',
          measured: Math.max(...growthMiB),
          goal: { max: RSS_GROWTH_GOAL_MIB, of: 'measured' },
        },
      ],
    };
  } finally {
    await app.stop();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
};
