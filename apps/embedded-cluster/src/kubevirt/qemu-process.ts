// The qemu processes of the running VMIs, kept findable across restarts of the embedded cluster:
// each VMI has a run folder under DATA_DIR/kubevirt/<vmi uid>/ with qemu's pid (the process is
// only trusted as ours if its command line names this run's QMP socket), the exit status when the
// launcher saw qemu end, and when a graceful shutdown was asked. qemu runs detached from the
// cluster's process, so a crash of the cluster leaves the guests running, to be adopted.
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type RunFiles = {
  dir: string;
  pidFile: string;
  exitFile: string;
  powerdownFile: string;
  identityFile: string;
  qmpSocket: string;
  efiVars: string;
};

export type RunIdentity = { namespace: string; name: string; uid: string };

export type ExitRecord = { exitCode: number | null; signal: string | null; finishedAt: string };

export const kubevirtRoot = (dataDir: string): string => path.join(dataDir, 'kubevirt');

/** A UNIX socket's path must fit in sun_path (108 bytes); a long DATA_DIR puts it in the temp dir. */
const MAX_SOCKET_PATH = 100;

export const runFiles = (dataDir: string, uid: string): RunFiles => {
  const dir = path.join(kubevirtRoot(dataDir), uid);
  const socket = path.join(dir, 'qmp.sock');
  return {
    dir,
    pidFile: path.join(dir, 'qemu.pid'),
    exitFile: path.join(dir, 'exit.json'),
    powerdownFile: path.join(dir, 'powerdown'),
    identityFile: path.join(dir, 'vmi.json'),
    qmpSocket:
      socket.length <= MAX_SOCKET_PATH ? socket : path.join(os.tmpdir(), `kubevirt-${uid}.qmp`),
    efiVars: path.join(dir, 'efi-vars.fd'),
  };
};

/** The run folders left on disk, with the VMI each belongs to. */
export const listRuns = async (dataDir: string): Promise<RunIdentity[]> => {
  let entries: string[];
  try {
    entries = await readdir(kubevirtRoot(dataDir));
  } catch {
    return [];
  }
  const runs: RunIdentity[] = [];
  for (const uid of entries) {
    try {
      runs.push(JSON.parse(await readFile(runFiles(dataDir, uid).identityFile, 'utf8')));
    } catch {
      runs.push({ namespace: '', name: '', uid });
    }
  }
  return runs;
};

/** The executable's path: as given when it has a slash, else found on PATH. */
export const findExecutable = async (binary: string): Promise<string | undefined> => {
  const candidates = binary.includes('/')
    ? [binary]
    : (process.env.PATH ?? '').split(path.delimiter).map((folder) => path.join(folder, binary));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
};

const readText = async (file: string): Promise<string | undefined> => {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The pid of this run's qemu while it is alive. */
export const runningPid = async (files: RunFiles): Promise<number | undefined> => {
  const pid = Number(await readText(files.pidFile));
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const commandLine = await readText(`/proc/${pid}/cmdline`);
  // A reused pid belongs to some other process; a zombie has an empty command line.
  if (!commandLine?.includes(files.qmpSocket)) return undefined;
  return pid;
};

export const exitRecord = async (files: RunFiles): Promise<ExitRecord | undefined> => {
  const text = await readText(files.exitFile);
  return text ? (JSON.parse(text) as ExitRecord) : undefined;
};

/** When a graceful shutdown was asked of this run, if it was. */
export const powerdownAskedAt = async (files: RunFiles): Promise<Date | undefined> => {
  const text = await readText(files.powerdownFile);
  return text ? new Date(text.trim()) : undefined;
};

export const prepareRun = async (files: RunFiles, identity: RunIdentity): Promise<void> => {
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  await writeFile(files.identityFile, JSON.stringify(identity));
};

/**
 * Starts qemu detached, its stdout and stderr appended to `outputLog` (the compute container's
 * log) after a line with the command; `onExit` hears when it ends, after its status is on disk.
 */
export const launchQemu = async ({
  binary,
  args,
  files,
  outputLog,
  serialLog,
  onExit,
}: {
  binary: string;
  args: string[];
  files: RunFiles;
  outputLog: string;
  /** Where the arguments send the serial console: its folder must exist. */
  serialLog: string;
  onExit: () => void;
}): Promise<number> => {
  await rm(files.exitFile, { force: true });
  await rm(files.powerdownFile, { force: true });
  await rm(files.qmpSocket, { force: true });
  await mkdir(path.dirname(outputLog), { recursive: true });
  await mkdir(path.dirname(serialLog), { recursive: true });
  const output = await open(outputLog, 'a');
  try {
    await output.write(`starting ${binary} ${args.join(' ')}\n`);
    // qemu writes its pid file itself too: a cluster killed right after the spawn still finds it.
    const child = spawn(binary, [...args, '-pidfile', files.pidFile], {
      detached: true,
      stdio: ['ignore', output.fd, output.fd],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid!));
      child.once('error', reject);
    });
    child.once('exit', (exitCode, signal) => {
      const record: ExitRecord = { exitCode, signal, finishedAt: new Date().toISOString() };
      writeFile(files.exitFile, JSON.stringify(record))
        .catch(() => undefined)
        .finally(onExit);
    });
    child.unref();
    await writeFile(files.pidFile, String(pid));
    return pid;
  } finally {
    await output.close();
  }
};

const QMP_TIMEOUT_MS = 5_000;

/** Asks the guest to shut down (ACPI power button) through QMP; the time is kept in the run. */
export const systemPowerdown = async (files: RunFiles): Promise<void> => {
  await writeFile(files.powerdownFile, new Date().toISOString());
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(files.qmpSocket);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('QMP did not answer'));
    }, QMP_TIMEOUT_MS);
    let buffered = '';
    let answers = 0;
    socket.on('data', (chunk) => {
      buffered += String(chunk);
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>;
        buffered = buffered.slice(newline + 1);
        if ('QMP' in message) socket.write('{"execute":"qmp_capabilities"}\n');
        if ('error' in message) {
          clearTimeout(timer);
          socket.destroy();
          reject(new Error(`QMP: ${JSON.stringify(message.error)}`));
        }
        if ('return' in message) {
          answers += 1;
          if (answers === 1) socket.write('{"execute":"system_powerdown"}\n');
          else {
            clearTimeout(timer);
            socket.end();
            resolve();
          }
        }
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
};

export const killProcess = (pid: number, signal: NodeJS.Signals = 'SIGKILL'): void => {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
};

export const removeRun = async (files: RunFiles): Promise<void> => {
  await rm(files.dir, { recursive: true, force: true });
  await rm(files.qmpSocket, { force: true });
};
