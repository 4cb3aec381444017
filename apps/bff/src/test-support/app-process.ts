// For the kill -9 tests: the standalone app (`apps/bff/src/main.ts`, the embedded cluster inside)
// in a process group of its own, so that SIGKILL takes the app and every tool it started
// (qemu-img, nbdkit) at once, as a crash of the machine's app would. Container processes leave the
// group but die with the app (parent-death signal); qemu guests outlive it by design.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

const root = path.resolve(import.meta.dirname, '../../../..');

export type AppProcess = {
  child: ChildProcess;
  /** The console's origin; requests carry `accessToken` as a bearer token. */
  consoleUrl: string;
  accessToken: string;
  /** The embedded API's administrator (DATA_DIR/kubeconfig of this start). */
  kubeConfig: KubeConfig;
};

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export const startAppProcess = async (dataDir: string): Promise<AppProcess> => {
  const child = spawn(
    process.execPath,
    ['apps/bff/src/main.ts', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  // Read to the end rather than stop at the lines: a closed pipe would kill the app (EPIPE).
  const signInUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^Forklift Console: (\S+)$/m.exec(output)?.[1];
      if (url && /^Kubernetes API server \(embedded\): \S+$/m.test(output)) resolve(url);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(path.join(dataDir, 'kubeconfig'));
  const url = new URL(signInUrl);
  return {
    child,
    consoleUrl: url.origin,
    accessToken: url.searchParams.get('token') ?? '',
    kubeConfig,
  };
};

/** SIGKILL to the app's whole process group; resolves once the app is gone. */
export const kill9App = async (child: ChildProcess): Promise<void> => {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
};

/** A clean stop (SIGTERM: the app closes its cluster and the pods' processes). */
export const stopApp = async (child: ChildProcess): Promise<void> => {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000).unref()),
  ]);
  if (!stopped) await kill9App(child);
};
