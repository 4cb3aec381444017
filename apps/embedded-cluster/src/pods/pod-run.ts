// One pod's run on this machine, as the kubelet's pod worker does it: wait for its claims to bind,
// run its init containers one by one and then its containers side by side, each restarted as the
// pod's restartPolicy says (with the kubelet's back-off), writing every transition to the pod's
// status. It resumes from that status: a container the status says is running, whose process is
// gone because the embedded cluster restarted, is recorded as ended and restarted only if the
// policy allows. Aborting the run (the pod was deleted, or the cluster stops) ends its processes and
// writes nothing more.
import { appendFile, mkdir, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type CoreV1Api, type V1Container, type V1Pod } from '@kubernetes/client-node';
import { recordEvent } from '../workers/events.ts';
import { claimVolume, type VolumePlaces } from '../volumes/claim-volume.ts';
import { ContainerConfigError, resolveContainer } from './container-config.ts';
import { startContainerProcess, type ContainerProcess } from './container-process.ts';
import { hookRunnerCommand } from './hook-runner-command.ts';
import { localRunnerFor } from './images.ts';
import { ContainerCannotRun } from './local-command.ts';
import { containerLogFile } from './log-files.ts';
import {
  containerStatusOf,
  DEADLINE_EXCEEDED,
  restartPolicyOf,
  restartsAfter,
  runningState,
  terminatedState,
  withContainerStatus,
  type ContainerKind,
} from './pod-status.ts';
import { createPodStatusWriter, RunAborted, throwIfAborted } from './pod-status-writer.ts';
import { openScratch, removeScratch } from './scratch.ts';
import { virtV2vCommand } from './virt-v2v-command.ts';

export const COMPONENT = 'kubelet';
const CONFIG_RETRY_MS = 2_000;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';
export const NODE_RESTART_MESSAGE =
  'the embedded cluster restarted while this container ran: its process is gone';

/**
 * DATA_DIR/pod-runtime/<uid>: a pod's private files while it runs (Secret volumes, work folders,
 * its processes' HOME and TMPDIR), removed when the run ends.
 */
export const podRuntimeRoot = (dataDir: string) => path.join(dataDir, 'pod-runtime');
export const podRuntimeDirectory = (dataDir: string, uid: string) =>
  path.join(podRuntimeRoot(dataDir), uid);

export type PodRun = {
  uid: string;
  key: string;
  /** Ends the run: its processes get SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs: number): Promise<void>;
  finished: Promise<void>;
};

type RunContext = {
  core: CoreV1Api;
  dataDir: string;
  /** Where NFS volumes are on this machine. */
  places: VolumePlaces;
  onError: (error: unknown) => void;
};

const backoffMs = (restartCount: number) =>
  Math.min(BACKOFF_START_MS * 2 ** Math.max(0, restartCount - 1), BACKOFF_MAX_MS);

export const startPodRun = (context: RunContext, initial: V1Pod): PodRun => {
  const { core, dataDir } = context;
  const namespace = initial.metadata?.namespace ?? '';
  const name = initial.metadata?.name ?? '';
  const uid = initial.metadata?.uid ?? '';
  const identity = { namespace, name, uid };
  const runtime = podRuntimeDirectory(dataDir, uid);
  const abort = new AbortController();
  const processes = new Set<ContainerProcess>();
  const writer = createPodStatusWriter(core, initial, abort);
  const { update: updateStatus, setContainer } = writer;

  /** The pod failed as a whole (its deadline passed): no container starts again. */
  const isFailed = () => writer.latest().status?.phase === 'Failed';

  const ensureLive = () => throwIfAborted(abort);

  const wait = async (ms: number) => {
    try {
      await sleep(ms, undefined, { signal: abort.signal });
    } catch {
      throw new RunAborted();
    }
  };

  const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    recordEvent(
      core,
      { apiVersion: 'v1', kind: 'Pod', metadata: identity },
      { type, reason, message, component: COMPONENT },
    ).catch(context.onError);

  /** Waits until every claim the pod uses is Bound, as the scheduler does before placing it. */
  const waitForClaims = async () => {
    const claims = (writer.latest().spec?.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    );
    for (;;) {
      ensureLive();
      const unbound: string[] = [];
      for (const claim of claims) {
        if (!(await claimVolume(core, namespace, claim, context.places))) unbound.push(claim);
      }
      if (unbound.length === 0) return;
      await updateStatus((status) => ({
        ...status,
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: `pod has unbound immediate PersistentVolumeClaims: ${unbound.join(', ')}`,
            lastTransitionTime: new Date(),
          },
        ],
      })).catch(() => undefined);
      await wait(CONFIG_RETRY_MS);
    }
  };

  const commandFor = async (
    container: V1Container,
    env: Record<string, string>,
    view: Parameters<typeof hookRunnerCommand>[0],
  ) => {
    const runner = localRunnerFor(container.image);
    if (runner === 'virt-v2v') {
      return virtV2vCommand(env, view, path.join(runtime, 'work', container.name));
    }
    return hookRunnerCommand(view);
  };

  /** One run of the container: its exit code and the message its status shows. */
  const execute = async (
    kind: ContainerKind,
    container: V1Container,
    restartCount: number,
    startedAt: Date,
  ) => {
    const logFile = containerLogFile(dataDir, identity, container.name, restartCount);
    await mkdir(path.dirname(logFile), { recursive: true });
    await truncate(logFile).catch(() => undefined);
    const view = await resolveContainer(
      core,
      writer.latest(),
      container,
      path.join(runtime, 'volumes'),
      context.places,
    );
    let process: ContainerProcess;
    try {
      const local = await commandFor(container, view.env, view);
      ensureLive();
      process = await startContainerProcess({
        local,
        env: view.env,
        logFile,
        scratchDir: path.join(scratch, container.name),
        dataDir,
        podUid: uid,
      });
    } catch (error) {
      if (!(error instanceof ContainerCannotRun)) throw error;
      await appendFile(logFile, `${error.message}\n`);
      return { exitCode: error.exitCode, message: error.message };
    }
    processes.add(process);
    await setContainer(kind, container, { state: runningState(startedAt), restartCount }).catch(
      () => undefined,
    );
    const { exitCode } = await process.exited;
    processes.delete(process);
    return { exitCode, message: undefined };
  };

  /** Runs the container until the restart policy says it is done; returns its last exit code. */
  const runContainer = async (kind: ContainerKind, container: V1Container): Promise<number> => {
    const policy = restartPolicyOf(writer.latest());
    const before = containerStatusOf(writer.latest().status, kind, container.name);
    let restartCount = before?.restartCount ?? 0;
    let lastState = before?.lastState;
    const ended = before?.state?.terminated;
    if (ended) {
      if (!restartsAfter(policy, kind, ended.exitCode)) return ended.exitCode;
      lastState = before.state;
      restartCount += 1;
      await wait(backoffMs(restartCount));
    }
    for (;;) {
      ensureLive();
      if (isFailed()) return ended?.exitCode ?? 1;
      const startedAt = new Date();
      let result;
      try {
        // The running state is written once the process exists.
        result = await execute(kind, container, restartCount, startedAt);
      } catch (error) {
        if (!(error instanceof ContainerConfigError)) throw error;
        await setContainer(kind, container, {
          state: {
            waiting: {
              reason:
                error.problem.kind === 'unbound'
                  ? 'ContainerCreating'
                  : 'CreateContainerConfigError',
              message: error.message,
            },
          },
          restartCount,
          ...(lastState ? { lastState } : {}),
        });
        await wait(CONFIG_RETRY_MS);
        continue;
      }
      ensureLive();
      const finished = terminatedState(result.exitCode, startedAt, new Date(), result.message);
      await setContainer(kind, container, {
        state: finished,
        restartCount,
        ...(lastState ? { lastState } : {}),
      });
      if (result.message) void event('Warning', 'Failed', `Error: ${result.message}`);
      if (!restartsAfter(policy, kind, result.exitCode) || isFailed()) return result.exitCode;
      const delay = backoffMs(restartCount + 1);
      await setContainer(kind, container, {
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${delay / 1000}s restarting failed container=${container.name} pod=${name}_${namespace}(${uid})`,
          },
        },
        restartCount,
        lastState: finished,
      });
      await wait(delay);
      lastState = finished;
      restartCount += 1;
    }
  };

  /** Containers the status says are running, whose processes no longer exist: ended, as lost. */
  const recordLostContainers = async () => {
    const lost = (kind: ContainerKind) =>
      (
        (kind === 'init'
          ? writer.latest().status?.initContainerStatuses
          : writer.latest().status?.containerStatuses) ?? []
      )
        .filter((s) => s.state?.running)
        .map((s) => ({ kind, s }));
    const found = [...lost('init'), ...lost('app')];
    if (found.length === 0) return;
    await updateStatus((status) => {
      let next = status;
      for (const { kind, s } of found) {
        next = withContainerStatus(writer.latest(), next, kind, {
          ...s,
          ready: false,
          started: false,
          state: terminatedState(
            137,
            s.state?.running?.startedAt,
            new Date(),
            NODE_RESTART_MESSAGE,
          ),
        });
      }
      return { ...next, reason: 'NodeRestarted', message: NODE_RESTART_MESSAGE };
    });
    void event('Warning', 'NodeRestarted', NODE_RESTART_MESSAGE);
  };

  /**
   * spec.activeDeadlineSeconds, counted from status.startTime as the kubelet counts it: when it
   * passes, the containers are ended and the pod is Failed with DeadlineExceeded.
   */
  let deadlineTimer: NodeJS.Timeout | undefined;
  const watchDeadline = () => {
    const seconds = writer.latest().spec?.activeDeadlineSeconds;
    const startTime = writer.latest().status?.startTime;
    if (!seconds || !startTime) return;
    const due = new Date(startTime).getTime() + seconds * 1000;
    deadlineTimer = setTimeout(
      () => {
        void expire().catch(context.onError);
      },
      Math.max(0, due - Date.now()),
    );
  };
  const expire = async () => {
    await updateStatus((status) => ({
      ...status,
      reason: DEADLINE_EXCEEDED,
      message: DEADLINE_MESSAGE,
    }));
    void event('Warning', DEADLINE_EXCEEDED, DEADLINE_MESSAGE);
    const graceSeconds = writer.latest().spec?.terminationGracePeriodSeconds ?? 30;
    await Promise.all([...processes].map((p) => p.terminate(graceSeconds * 1000)));
  };

  /** The run's scratch folder: its containers' HOME and TMPDIR are in it (scratch.ts). */
  let scratch = '';
  const run = async () => {
    await mkdir(runtime, { recursive: true, mode: 0o700 });
    scratch = await openScratch(runtime);
    await waitForClaims();
    await updateStatus((status) => ({
      ...status,
      hostIP: '127.0.0.1',
      hostIPs: [{ ip: '127.0.0.1' }],
      startTime: status.startTime ?? new Date(),
      conditions: (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
    }));
    await recordLostContainers();
    watchDeadline();
    for (const container of writer.latest().spec?.initContainers ?? []) {
      if ((await runContainer('init', container)) !== 0) return;
    }
    await Promise.all((writer.latest().spec?.containers ?? []).map((c) => runContainer('app', c)));
  };

  // A run that failed ends its other containers too, so that the next run starts from the status
  // alone, never beside processes of this one.
  const finished = run()
    .catch((error: unknown) => {
      if (!(error instanceof RunAborted) && !abort.signal.aborted) context.onError(error);
    })
    .finally(async () => {
      clearTimeout(deadlineTimer);
      abort.abort();
      await Promise.all([...processes].map((p) => p.terminate(0)));
      await removeScratch(runtime);
      await rm(runtime, { recursive: true, force: true });
    });

  return {
    uid,
    key: `${namespace}/${name}`,
    finished,
    async stop(graceMs) {
      abort.abort();
      await Promise.all([...processes].map((p) => p.terminate(graceMs)));
      await finished;
    },
  };
};
