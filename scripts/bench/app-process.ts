// The standalone app as a user starts it (`node apps/bff/src/main.ts`), on a free port with a
// fresh data directory; its console and embedded Kubernetes API URLs come from its first lines.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { CONSOLE_REQUEST_HEADER } from '@forklift-console/api';

const root = path.resolve(import.meta.dirname, '../..');

export type AppProcess = {
  /** The console's address, without the access token. */
  consoleUrl: string;
  /** The link printed at start, which signs a browser in. */
  signInUrl: string;
  /** What the console's page sends with a write: the access token and the console's header. */
  writeHeaders: Record<string, string>;
  kubeConfig: KubeConfig;
  /** The app's process, for what it costs (memory, CPU). */
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
};

export const startAppProcess = async (): Promise<AppProcess> => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'forklift-bench-'));
  const child = spawn(
    process.execPath,
    [
      'apps/bff/src/main.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
      '--no-seed',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const urls = await new Promise<{ signInUrl: string; apiUrl: string }>((resolve, reject) => {
      let output = '';
      // Stays attached after start-up: it keeps draining the app's output so a full pipe never
      // blocks the app.
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
        const signInUrl = /^Forklift Console: (\S+)$/m.exec(output)?.[1];
        const apiUrl = /^Kubernetes API server \(embedded\): (\S+)$/m.exec(output)?.[1];
        if (signInUrl && apiUrl) resolve({ signInUrl, apiUrl });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
    });
    // The embedded API's administrator, as the app wrote it for kubectl.
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(path.join(dataDir, 'kubeconfig'));
    const signIn = new URL(urls.signInUrl);
    const writeHeaders = {
      authorization: `Bearer ${signIn.searchParams.get('token')}`,
      [CONSOLE_REQUEST_HEADER]: '1',
    };
    return {
      consoleUrl: signIn.origin,
      signInUrl: urls.signInUrl,
      writeHeaders,
      kubeConfig,
      pid: child.pid!,
      dataDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
