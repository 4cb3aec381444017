// A container's process on this machine: its own process group (so that a deleted pod's tools and
// their children stop together), stdout and stderr appended to the container's log file, and
// setpriv's parent-death signal so that a kill -9 of the embedded cluster takes the process with it.
// Each process carries the cluster's data directory and the pod's uid in its environment, which is
// how a restarted cluster finds and ends what a previous run left behind.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findTool, type LocalCommand } from './local-command.ts';

const DATA_DIR_MARKER = 'EMBEDDED_CLUSTER_DATA_DIR';
const POD_UID_MARKER = 'EMBEDDED_CLUSTER_POD_UID';

export type ProcessExit = { exitCode: number };

export type ContainerProcess = {
  pid: number;
  exited: Promise<ProcessExit>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the process has exited. */
  terminate(graceMs: number): Promise<void>;
};

const exitCodeOf = (code: number | null, signal: NodeJS.Signals | null): number =>
  code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);

const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
};

export const startContainerProcess = async ({
  local,
  env,
  logFile,
  scratchDir,
  dataDir,
  podUid,
}: {
  local: LocalCommand;
  /** The container's environment as the pod defines it. */
  env: Record<string, string>;
  logFile: string;
  /** HOME and TMPDIR of the process (libguestfs's appliance and overlays too), removed with the pod. */
  scratchDir: string;
  dataDir: string;
  podUid: string;
}): Promise<ContainerProcess> => {
  await mkdir(path.dirname(logFile), { recursive: true });
  const home = path.join(scratchDir, 'home');
  const tmp = path.join(scratchDir, 'tmp');
  await mkdir(home, { recursive: true, mode: 0o700 });
  await mkdir(tmp, { recursive: true, mode: 0o700 });
  const log = openSync(logFile, 'a');
  const setpriv = findTool('setpriv');
  const [command, args] = setpriv
    ? [setpriv, ['--pdeathsig', 'KILL', '--', local.command, ...local.args]]
    : [local.command, local.args];
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', log, log],
    cwd: local.cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: home,
      TMPDIR: tmp,
      ...env,
      ...local.env,
      [DATA_DIR_MARKER]: path.resolve(dataDir),
      [POD_UID_MARKER]: podUid,
    },
  });
  closeSync(log);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', () => resolve({ exitCode: 127 }));
    child.once('exit', (code, signal) => resolve({ exitCode: exitCodeOf(code, signal) }));
  });
  const pid = child.pid ?? -1;
  return {
    pid,
    exited,
    async terminate(graceMs) {
      signalGroup(pid, 'SIGTERM');
      const inTime = await Promise.race([exited.then(() => true), sleep(graceMs, false)]);
      if (!inTime) signalGroup(pid, 'SIGKILL');
      await exited;
      // A child that left the group still carries the pod's uid.
      await killMarkedProcesses(dataDir, (uid) => uid === podUid);
    },
  };
};

/** Kills (SIGKILL) this cluster's container processes whose pod uid `matches`; returns the uids. */
export const killMarkedProcesses = async (
  dataDir: string,
  matches: (podUid: string) => boolean,
): Promise<Set<string>> => {
  const ours = `${DATA_DIR_MARKER}=${path.resolve(dataDir)}`;
  const killed = new Set<string>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let environ: string;
    try {
      environ = await readFile(`/proc/${entry}/environ`, 'latin1');
    } catch {
      continue; // gone, or another user's
    }
    const variables = environ.split('\0');
    if (!variables.includes(ours)) continue;
    const uid = variables
      .find((v) => v.startsWith(`${POD_UID_MARKER}=`))
      ?.slice(POD_UID_MARKER.length + 1);
    if (uid === undefined || !matches(uid)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed.add(uid);
    } catch {
      // exited meanwhile
    }
  }
  return killed;
};
