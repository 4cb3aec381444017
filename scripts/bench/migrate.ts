// Section "migrate": cold raw-copy plans from vcsim into the standalone app, run as a user runs it.
// 1. Ten VMs with 1 GiB disks at max in-flight 4, from the Migration's creation to the plan's
//    Succeeded, against `cp` of the same ten flat extents out of the same datastore folder, four at
//    a time, in the same run: three rounds of `cp` then a plan (each into a namespace of its own),
//    compared by their medians, since one round on these shared cores moves by a tenth. vcsim's
//    own disks are 1 GiB holes with 8 KiB of content, which `cp` skips and the importer reads as
//    zeros: the bench gives each VM a disk whose every byte is data, so both sides move 10 GiB.
// 2. A hundred VMs with 16 MiB disks on two ESXi hosts at max in-flight 4 (per host, for vSphere):
//    the makespan against the ideal schedule for that limit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { idealSchedule, mean } from './ideal-schedule.ts';
import { median } from './stats.ts';
import { MIB } from './memory.ts';
import { startEstate, type EstateVm, type PlanStatus } from './migrate-estate.ts';
import type { SectionReport } from './report.ts';
import { residentBytes, startRssSampler } from './upload-app.ts';

const MAX_IN_FLIGHT = 4;
const COPY_ROUNDS = 3;
const COPY_VMS = 10;
const COPY_DISK_MIB = 1024;
const SCHEDULE_HOSTS = 2;
const SCHEDULE_VMS_PER_HOST = 50;
const SCHEDULE_DISK_MIB = 16;
/** Throughput ≥ 0.8× cp's is wall time ≤ 1/0.8 = 1.25× cp's. */
const TIME_RATIO_GOAL = 1.25;
const RSS_GROWTH_GOAL_MIB = 100;
const RSS_SAMPLE_MS = 50;
const BLOCK_BYTES = 64 * MIB;

/**
 * A raw disk of `mib` MiB holding data in every byte: one random 64 MiB block written over and
 * over, each copy's first 16 bytes made unique to the disk and the copy, so no two disks are equal.
 */
const writeDataDisk = async (file: string, mib: number, block: Buffer, seed: number) => {
  const handle = await open(file, 'w');
  try {
    const copy = Buffer.from(block);
    for (let index = 0; index < (mib * MIB) / BLOCK_BYTES; index += 1) {
      copy.writeBigUInt64LE(BigInt(seed), 0);
      copy.writeBigUInt64LE(BigInt(index), 8);
      await handle.write(copy, 0, copy.length, index * BLOCK_BYTES);
    }
  } finally {
    await handle.close();
  }
};

const exec = async (command: string, args: string[]) => {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${errors}`);
};

/** `cp` of each file into `into`, `parallel` at a time, then `sync` of the copies, as `xargs -P`. */
const copyAll = async (files: string[], into: string, parallel: number) => {
  const started = performance.now();
  const targets = files.map((file, index) => path.join(into, `${index}-${path.basename(file)}`));
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      await exec('cp', [files[index]!, targets[index]!]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  // The importer syncs each disk before calling it done; so does the baseline.
  await exec('sync', targets);
  return performance.now() - started;
};

/** The VMs' first disks' flat extents in the datastore's folder. */
const flatExtents = async (datastoreDir: string, vms: EstateVm[]) =>
  Promise.all(
    vms.map(async (vm) => {
      const folder = path.join(datastoreDir, vm.name);
      const extent = (await readdir(folder)).filter((file) => file.endsWith('-flat.vmdk')).sort();
      if (!extent[0]) throw new Error(`${folder} has no flat extent`);
      return path.join(folder, extent[0]);
    }),
  );

const mibPerSecond = (mib: number, ms: number) => mib / (ms / 1000);

const copySection = async (scratch: string) => {
  // One host, so max in-flight 4 per host is 4 VMs at a time, as cp's four.
  const names = Array.from({ length: COPY_VMS }, (_, index) => `DC0_H0_VM${index}`);
  const imagesDir = path.join(scratch, 'images');
  await mkdir(imagesDir);
  const block = randomBytes(BLOCK_BYTES);
  const diskImages: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    diskImages[name] = path.join(imagesDir, `${name}.raw`);
    await writeDataDisk(diskImages[name], COPY_DISK_MIB, block, index + 1);
  }
  // The images are hard-linked into the datastore when both are on one file system.
  const estate = await startEstate({
    model: { clusters: 0, 'standalone-hosts': 1, vms: COPY_VMS },
    diskMiB: COPY_DISK_MIB,
    diskImages,
    maxInFlight: MAX_IN_FLIGHT,
  });
  try {
    const vms = estate.vms.filter((vm) => names.includes(vm.name));
    if (vms.length !== COPY_VMS) throw new Error(`vcsim has ${vms.length} of the ${COPY_VMS} VMs`);
    const extents = await flatExtents(estate.datastoreDir, vms);
    const rounds = Array.from({ length: COPY_ROUNDS }, (_, index) => `copy-10-${index + 1}`);
    for (const plan of rounds) await estate.createPlan(plan, vms, { targetNamespace: plan });
    const cpRuns: number[] = [];
    const migrateRuns: number[] = [];
    let growthMiB = 0;
    for (const plan of rounds) {
      const copies = path.join(scratch, 'cp');
      await mkdir(copies);
      cpRuns.push(await copyAll(extents, copies, MAX_IN_FLIGHT));
      await rm(copies, { recursive: true, force: true });
      const before = residentBytes(estate.app.pid);
      const sampler = startRssSampler(estate.app.pid, RSS_SAMPLE_MS);
      try {
        migrateRuns.push((await estate.run(plan)).elapsedMs);
      } finally {
        growthMiB = Math.max(growthMiB, (sampler.stop() - before) / MIB);
      }
    }
    return {
      cpMs: median(cpRuns),
      migrateMs: median(migrateRuns),
      cpRuns,
      migrateRuns,
      growthMiB,
      datastoreDir: estate.datastoreDir,
    };
  } finally {
    await estate.stop();
    await rm(imagesDir, { recursive: true, force: true });
  }
};

/** Each VM's time from its start to its completion, as the plan's status records them. */
const vmDurationsMs = (status: PlanStatus) =>
  (status.migration?.vms ?? []).map((vm) => {
    if (!vm.started || !vm.completed) throw new Error(`VM ${vm.id} has no start or end time`);
    return Date.parse(vm.completed) - Date.parse(vm.started);
  });

const scheduleSection = async () => {
  const estate = await startEstate({
    model: { clusters: 0, 'standalone-hosts': SCHEDULE_HOSTS, vms: SCHEDULE_VMS_PER_HOST },
    diskMiB: SCHEDULE_DISK_MIB,
    maxInFlight: MAX_IN_FLIGHT,
  });
  try {
    const perHost = new Map<string, number>();
    for (const vm of estate.vms) perHost.set(vm.host, (perHost.get(vm.host) ?? 0) + 1);
    await estate.createPlan('schedule-100', estate.vms);
    const { elapsedMs, status } = await estate.run('schedule-100');
    const durations = vmDurationsMs(status);
    const meanMs = mean(durations);
    const { waves, idealMs } = idealSchedule([...perHost.values()], MAX_IN_FLIGHT, meanMs);
    return {
      makespanMs: elapsedMs,
      idealMs,
      meanMs,
      waves,
      perHost: [...perHost.values()],
      minMs: Math.min(...durations),
      maxMs: Math.max(...durations),
    };
  } finally {
    await estate.stop();
  }
};

export const runMigrateSection = async (): Promise<SectionReport> => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'forklift-bench-migrate-'));
  try {
    const copy = await copySection(scratch);
    const schedule = await scheduleSection();
    const totalMib = COPY_VMS * COPY_DISK_MIB;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    return {
      id: 'migrate',
      title: `Cold migration: ${COPY_VMS} VMs × ${COPY_DISK_MIB} MiB raw copy from vcsim, and ${SCHEDULE_HOSTS * SCHEDULE_VMS_PER_HOST} VMs' makespan, max in-flight ${MAX_IN_FLIGHT}`,
      baseline: `cp of the same ${COPY_VMS} flat extents from vcsim's datastore folder into a scratch folder, ${MAX_IN_FLIGHT} at a time, then sync of the copies, before each plan; for the makespan, the ideal schedule`,
      notes: [
        `goal: plan throughput ≥ 0.8× cp's, i.e. wall time ≤ ${TIME_RATIO_GOAL}× cp's`,
        `throughput (medians of ${COPY_ROUNDS} rounds): plan ${mibPerSecond(totalMib, copy.migrateMs).toFixed(0)} MiB/s, cp ${mibPerSecond(totalMib, copy.cpMs).toFixed(0)} MiB/s (${(copy.cpMs / copy.migrateMs).toFixed(2)}× cp's)`,
        `rounds, cp then plan: ${copy.cpRuns.map((cp, index) => `${seconds(cp)} s / ${seconds(copy.migrateRuns[index]!)} s`).join(', ')}`,
        `the plan's time runs from the Migration's creation to the plan's Succeeded: per VM the DataVolume (vddk source, read from vcsim's /folder over HTTPS by the embedded importer), the PVC, the VirtualMachine (left off), the status writes; every disk byte is data (vcsim's own disks are holes, which cp would skip); datastore folder ${copy.datastoreDir}`,
        `makespan: ${SCHEDULE_HOSTS * SCHEDULE_VMS_PER_HOST} VMs × ${SCHEDULE_DISK_MIB} MiB on ${schedule.perHost.length} ESXi hosts (${schedule.perHost.join(' + ')} VMs); ideal = ceil(${Math.max(...schedule.perHost)} / ${MAX_IN_FLIGHT}) = ${schedule.waves} waves × the mean VM duration ${seconds(schedule.meanMs)} s (each VM's status completed − started in the same plan, times the engine stamps with the start of the pass that moved the VM; min ${seconds(schedule.minMs)} s, max ${seconds(schedule.maxMs)} s) = ${seconds(schedule.idealMs)} s`,
        `app RSS growth during a ${COPY_VMS}-VM plan, the largest of the rounds, ${copy.growthMiB.toFixed(1)} MiB (sampled every ${RSS_SAMPLE_MS} ms)`,
      ],
      figures: [
        {
          name: `${COPY_VMS} × ${COPY_DISK_MIB} MiB plan, median wall time`,
          unit: 'ms',
          measured: copy.migrateMs,
          baseline: copy.cpMs,
          goal: { max: TIME_RATIO_GOAL, of: 'ratio' },
        },
        {
          name: 'App RSS growth during the plan',
          unit: 'MiB',
          measured: copy.growthMiB,
          goal: { max: RSS_GROWTH_GOAL_MIB, of: 'measured' },
        },
        {
          name: `${SCHEDULE_HOSTS * SCHEDULE_VMS_PER_HOST}-VM plan makespan vs the ideal schedule`,
          unit: 'ms',
          measured: schedule.makespanMs,
          baseline: schedule.idealMs,
        },
      ],
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
