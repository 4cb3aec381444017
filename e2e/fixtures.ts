// Starts the standalone app the way a user does (`node apps/bff/src/main.ts`), on a free port with
// a temporary data directory, and hands its console and Kubernetes API URLs to the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { KubeConfig } from '@kubernetes/client-node';
import { startVcsim, type Vcsim } from '../scripts/vcsim.ts';

export type StandaloneApp = {
  /** The console's address, without the access token. */
  consoleUrl: string;
  /** The link the app prints at start: opening it signs the browser in. */
  signInUrl: string;
  kubernetesApiUrl: string;
  dataDir: string;
};

const root = path.resolve(import.meta.dirname, '..');

const waitForUrls = (
  child: ChildProcess,
): Promise<{ consoleUrl: string; signInUrl: string; kubernetesApiUrl: string }> =>
  new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const signInUrl = /^Forklift Console: (\S+)$/m.exec(output)?.[1];
      const kubernetesApiUrl = /^Kubernetes API server \(embedded\): (\S+)$/m.exec(output)?.[1];
      if (signInUrl && kubernetesApiUrl) {
        resolve({ consoleUrl: new URL(signInUrl).origin, signInUrl, kubernetesApiUrl });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
  });

type WorkerOptions = {
  /**
   * Start the app with `--remote-cluster`: a second embedded cluster with VMs of its own, and the
   * Provider `demo/remote` pointing at it. Set with `test.use({ remoteCluster: true })`.
   */
  remoteCluster: boolean;
};

export const test = base.extend<object, WorkerOptions & { app: StandaloneApp; vcsim: Vcsim }>({
  remoteCluster: [false, { option: true, scope: 'worker' }],
  app: [
    async ({ remoteCluster }, use) => {
      if (!existsSync(path.join(root, 'apps/console-shell/dist/index.html'))) {
        throw new Error('The standalone shell is not built: run `npm run build` first');
      }
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'forklift-e2e-'));
      const child = spawn(
        process.execPath,
        [
          'apps/bff/src/main.ts',
          ...['--port', '0', '--data-dir', dataDir, '--log-level', 'warn'],
          // Small enough for a story to send a file over the cap.
          ...['--ova-upload-max-bytes', '16Mi'],
          ...(remoteCluster ? ['--remote-cluster'] : []),
        ],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      try {
        const urls = await waitForUrls(child);
        await use({ ...urls, dataDir });
      } finally {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  // A vCenter to migrate from: vcsim over HTTPS with a self-signed certificate, one datacenter
  // with a two-host cluster and a standalone host, four VMs in each, and two datastores: the VMs
  // are on the first, so a story may destroy the second. Started once per worker.
  vcsim: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const vcsim = await startVcsim({ datastores: 2 }, undefined, { tls: true });
      try {
        await use(vcsim);
      } finally {
        await vcsim.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ app }, use) => use(app.consoleUrl),
  // Every story starts as the person who ran `npm start`: signed in through the printed link.
  context: async ({ context, app }, use) => {
    const page = await context.newPage();
    await page.goto(app.signInUrl);
    await page.close();
    await use(context);
  },
  // CI keeps no trace of a failed story: what the page showed when it failed goes to the output.
  page: async ({ page }, use, testInfo) => {
    await use(page);
    if (testInfo.status === testInfo.expectedStatus || page.isClosed()) return;
    const snapshot = await page
      .locator('body')
      .ariaSnapshot({ timeout: 5_000 })
      .catch((error: Error) => `(no snapshot: ${error.message})`);
    console.log(`The page at ${page.url()} when the story failed:\n${snapshot.slice(0, 12_000)}`);
  },
});

/** A client of the app's embedded API server as its administrator (DATA_DIR/kubeconfig). */
export const adminKubeConfig = (app: StandaloneApp): KubeConfig => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(path.join(app.dataDir, 'kubeconfig'));
  return kubeConfig;
};

export { expect };
