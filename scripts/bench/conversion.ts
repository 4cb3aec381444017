// Section "conversion": a cold migration of the sample guest (`full` unless
// BENCH_CONVERSION_GUEST=fixture) from vcsim through the standalone app with guest conversion on,
// from the Migration's creation to the plan's Succeeded, against the same virt-v2v conversion run
// by hand in the same run: the input the engine gave its conversion pod (read from the pod's
// Secret while it runs: `-i libvirt -ic vpx://…`, vcsim's /folder behind it) and the arguments the
// pod runner passes, written into a local folder. The app goes first; its guest boots to `login:`
// on its serial console and is then deleted, so qemu does not share the CPUs with the by-hand run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoreV1Api, KubernetesObjectApi, type V1Pod } from '@kubernetes/client-node';
import { buildSampleGuest, cachedSampleGuest } from '../sample-guest/sample-guest.ts';
import { conversionSkipReason } from '../sample-guest/skip.ts';
import {
  byHandArgs,
  conversionFigures,
  conversionGuestOf,
  conversionInputOf,
  GUEST_VARIABLE,
  outputNameOf,
  TIME_RATIO_GOAL,
  type ConversionInput,
} from './conversion-input.ts';
import { MIB } from './memory.ts';
import { NAMESPACE, startEstate } from './migrate-estate.ts';
import type { SectionReport } from './report.ts';
import { residentBytes, startRssSampler } from './upload-app.ts';

const SOURCE_VM = 'DC0_H0_VM0';
const PLAN = 'conversion';
const POLL_MS = 1000;
const RSS_SAMPLE_MS = 200;
const BOOT_TIMEOUT_MS = 20 * 60_000;
const STOP_TIMEOUT_MS = 6 * 60_000;
const LOG_TAIL_BYTES = 3000;

const progress = (line: string) => process.stderr.write(`  ${line}\n`);

/** The sample guest's files, built first if the cache lacks them (as root, minutes). */
const sampleGuest = async (variant: 'full' | 'fixture') => {
  const cached = cachedSampleGuest(variant);
  if (cached) return cached;
  const cannot = conversionSkipReason();
  if (cannot) throw new Error(`the ${variant} sample guest is not built and cannot be: ${cannot}`);
  const built = (await buildSampleGuest({ variants: [variant], progress }))[variant];
  if (!built) throw new Error(`the ${variant} sample guest was not built`);
  return built;
};

/**
 * Polls for the plan's conversion pod and reads its input from the Secret it takes its `V2V_`
 * variables from; the engine deletes both once the VM is done, so this runs beside the plan.
 */
const watchConversionInput = (core: CoreV1Api) => {
  let stopped = false;
  const found = (async (): Promise<ConversionInput | undefined> => {
    while (!stopped) {
      const pods = await core.listNamespacedPod({
        namespace: NAMESPACE,
        labelSelector: 'forklift.app=virt-v2v',
      });
      const secretName = pods.items
        .flatMap((pod: V1Pod) => pod.spec?.containers ?? [])
        .flatMap((container) => container.envFrom ?? [])
        .find((source) => source.secretRef?.name)?.secretRef?.name;
      if (secretName) {
        const secret = await core.readNamespacedSecret({ namespace: NAMESPACE, name: secretName });
        return conversionInputOf(secret);
      }
      await sleep(POLL_MS);
    }
    return undefined;
  })();
  // A failed read is reported by `result`, not as an unhandled rejection.
  found.catch(() => {});
  return {
    /** Stops polling: the plan is over, or failed. */
    halt() {
      stopped = true;
    },
    async result(): Promise<ConversionInput> {
      const input = await found;
      if (!input) throw new Error('the plan succeeded but its conversion pod was never seen');
      return input;
    },
  };
};

/** The migrated VM's name; its launcher pod's serial console log until `login:` shows. */
const waitForLogin = async (core: CoreV1Api, objects: KubernetesObjectApi) => {
  const deadline = performance.now() + BOOT_TIMEOUT_MS;
  let vmName: string | undefined;
  let log = '';
  while (performance.now() < deadline) {
    vmName ??= (await objects.list('kubevirt.io/v1', 'VirtualMachine', NAMESPACE)).items[0]
      ?.metadata?.name;
    const launcher = vmName
      ? (
          await core.listNamespacedPod({
            namespace: NAMESPACE,
            labelSelector: `vm.kubevirt.io/name=${vmName}`,
          })
        ).items[0]
      : undefined;
    if (launcher?.metadata?.name) {
      log = await core
        .readNamespacedPodLog({
          namespace: NAMESPACE,
          name: launcher.metadata.name,
          container: 'guest-console-log',
        })
        .catch(() => '');
      if (/login:/.test(log)) return vmName!;
    }
    await sleep(POLL_MS);
  }
  throw new Error(
    `the migrated VM ${vmName ?? '(none yet)'} showed no login: in ${BOOT_TIMEOUT_MS / 60_000} min; its console's end: ${log.slice(-1000)}`,
  );
};

/** Deletes the migrated VM and waits for its launcher pod (and qemu) to go. */
const stopGuest = async (core: CoreV1Api, objects: KubernetesObjectApi, vmName: string) => {
  await objects.delete({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: vmName, namespace: NAMESPACE },
  });
  // KubeVirt asks the guest to power down and kills qemu after its grace period (180 s by default).
  const deadline = performance.now() + STOP_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const launchers = await core.listNamespacedPod({
      namespace: NAMESPACE,
      labelSelector: `vm.kubevirt.io/name=${vmName}`,
    });
    if (launchers.items.length === 0) return;
    await sleep(POLL_MS);
  }
  throw new Error(
    `the migrated VM ${vmName}'s launcher pod is still there ${STOP_TIMEOUT_MS / 60_000} min after deletion`,
  );
};

const tailOf = async (file: string, password: string) => {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    // virt-v2v reads the password from its file; should a debug line echo it, it stays here.
    return buffer.toString('utf8').replaceAll(password, '********');
  } finally {
    await handle.close();
  }
};

/**
 * virt-v2v as the pod runner starts it, by hand: the same arguments and libguestfs settings
 * (TCG, the direct backend), a fresh HOME and TMPDIR as the pod's scratch gives it, the log to a
 * file. The wall time in ms, after checking that the guest was converted and its disk written.
 */
const convertByHand = async (
  input: ConversionInput,
  password: string,
  scratch: string,
): Promise<{ elapsedMs: number; diskBytes: number; logMiB: number }> => {
  const outputDir = path.join(scratch, 'by-hand');
  const home = path.join(scratch, 'home');
  const tmp = path.join(scratch, 'tmp');
  for (const folder of [outputDir, home, tmp]) await mkdir(folder, { mode: 0o700 });
  const passwordFile = path.join(scratch, 'password');
  await writeFile(passwordFile, password, { mode: 0o600 });
  const logFile = path.join(scratch, 'virt-v2v.log');
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = spawn('virt-v2v', byHandArgs(input, { outputDir, passwordFile }), {
    cwd: outputDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: home,
      TMPDIR: tmp,
      LIBGUESTFS_BACKEND: 'direct',
      LIBGUESTFS_BACKEND_SETTINGS: 'force_tcg',
    },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const [code] = (await once(child, 'close')) as [number | null];
  const elapsedMs = performance.now() - started;
  await new Promise<void>((resolve) => log.end(resolve));
  const tail = await tailOf(logFile, password);
  if (code !== 0) throw new Error(`virt-v2v by hand exited with ${code}; its log's end:\n${tail}`);
  // -o kubevirt writes <vm>-sda beside its YAML; the log says the guest was converted.
  const disk = await stat(path.join(outputDir, `${outputNameOf(input)}-sda`));
  if (!/Converting .+ to run on KVM/.test(await readFile(logFile, 'utf8')))
    throw new Error(`virt-v2v by hand did not convert the guest; its log's end:\n${tail}`);
  return { elapsedMs, diskBytes: disk.size, logMiB: (await stat(logFile)).size / MIB };
};

export const runConversionSection = async (): Promise<SectionReport> => {
  const guest = conversionGuestOf(process.env[GUEST_VARIABLE]);
  const files = await sampleGuest(guest);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'forklift-bench-conversion-'));
  try {
    progress(`the ${guest} sample guest (${files.rawDisk}) as ${SOURCE_VM}'s disk in vcsim`);
    const estate = await startEstate({
      model: { clusters: 0, 'standalone-hosts': 1, vms: 1 },
      // The other disks' size; the guest's disk is the image's.
      diskMiB: 16,
      diskImages: { [SOURCE_VM]: files.rawDisk },
      maxInFlight: 1,
    });
    try {
      const vm = estate.vms.find((candidate) => candidate.name === SOURCE_VM);
      if (!vm) throw new Error(`vcsim has no ${SOURCE_VM}`);
      await estate.createPlan(PLAN, [vm], { guestConversion: true, powerOn: true });
      const core = estate.app.kubeConfig.makeApiClient(CoreV1Api);
      const objects = KubernetesObjectApi.makeApiClient(estate.app.kubeConfig);

      progress('the plan: copy and conversion through the app');
      const before = residentBytes(estate.app.pid);
      const sampler = startRssSampler(estate.app.pid, RSS_SAMPLE_MS);
      const podInput = watchConversionInput(core);
      let growthMiB = Number.NaN;
      let planMs: number;
      try {
        planMs = (await estate.run(PLAN)).elapsedMs;
      } finally {
        growthMiB = (sampler.stop() - before) / MIB;
        podInput.halt();
      }
      const succeededAt = performance.now();
      const input = await podInput.result();

      progress('the migrated VM: boot to login:');
      const vmName = await waitForLogin(core, objects);
      const bootMs = performance.now() - succeededAt;
      await stopGuest(core, objects, vmName);

      progress(`virt-v2v by hand: -ic ${input.libvirtUrl} ${input.vmName}`);
      const byHand = await convertByHand(input, estate.vcsim.password, scratch);
      const seconds = (ms: number) => (ms / 1000).toFixed(0);
      return {
        id: 'conversion',
        title: `Guest conversion through virt-v2v: cold migration of the ${guest} sample guest from vcsim`,
        baseline: `virt-v2v run by hand in the same run with the conversion pod's input (-i libvirt -ic ${input.libvirtUrl}${input.newName ? ` -on ${input.newName}` : ''} -- ${input.vmName}, read from the pod's Secret) and the pod runner's arguments, writing -o kubevirt into a local folder`,
        notes: [
          `guest: ${guest}${guest === 'fixture' ? ' (update-initramfs is a no-op: a quick check of the section, not the figure; the full guest is the default)' : ' (virt-v2v rebuilds its initramfs, most of the conversion under TCG)'}; ${files.rawDisk}`,
          `goal: the plan's wall time ≤ ${TIME_RATIO_GOAL}× virt-v2v by hand (the engine adds object creation and bookkeeping, not conversion work); plan ${seconds(planMs)} s, by hand ${seconds(byHand.elapsedMs)} s`,
          "the plan's time runs from the Migration's creation to the plan's Succeeded: the blank DataVolume and its claim, the conversion Secret and pod (virt-v2v under TCG, LIBGUESTFS_BACKEND=direct, reading the disk over vcsim's /folder), the VirtualMachine (powered on), the status writes; the by-hand run came after, with the migrated guest deleted so qemu did not share the CPUs",
          `boot: from the plan's Succeeded to login: on the migrated VM's serial console (its launcher pod's guest-console-log), polled every ${POLL_MS / 1000} s`,
          `by hand: converted disk ${(byHand.diskBytes / MIB).toFixed(0)} MiB, virt-v2v's -v -x log ${byHand.logMiB.toFixed(1)} MiB (to a file, as the pod runner keeps the pod's log)`,
          `app RSS growth during the plan ${growthMiB.toFixed(1)} MiB (the node process only, not virt-v2v; sampled every ${RSS_SAMPLE_MS} ms)`,
          `load average after the section: ${os
            .loadavg()
            .map((load) => load.toFixed(2))
            .join(' ')}`,
        ],
        figures: conversionFigures({
          guest,
          planMs,
          byHandMs: byHand.elapsedMs,
          bootMs,
          rssGrowthMiB: growthMiB,
        }),
      };
    } finally {
      await estate.stop();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
