// An acknowledged write must survive the process being killed at once (SIGKILL, no shutdown hook).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));

/** The server in a child process, and its administrator's client from DATA_DIR/kubeconfig. */
const startServer = async (dataDir: string): Promise<{ child: ChildProcess; core: CoreV1Api }> => {
  const child = spawn(process.execPath, [mainScript, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Read to the end rather than stop at the line: a closed pipe would kill the child on its next
  // write (EPIPE).
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      if (/administrator kubeconfig: \S+/.test(output)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`the API server exited (${code}) without listening: ${output}`)),
    );
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(path.join(dataDir, 'kubeconfig'));
  return { child, core: kubeConfig.makeApiClient(CoreV1Api) };
};

test('an object whose create was acknowledged is still there after kill -9 and a restart', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kube-api-kill-'));
  try {
    const first = await startServer(dataDir);
    const created = await first.core.createNamespace({ body: { metadata: { name: 'durable' } } });
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');

    const second = await startServer(dataDir);
    try {
      const namespace = await second.core.readNamespace({ name: 'durable' });
      assert.equal(namespace.metadata?.uid, created.metadata?.uid);
    } finally {
      second.child.kill('SIGKILL');
      await once(second.child, 'exit');
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
