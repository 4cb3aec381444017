// An acknowledged write must survive the process being killed at once (SIGKILL, no shutdown hook).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mainScript = fileURLToPath(new URL('./main.ts', import.meta.url));

const startServer = async (dataDir: string): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, [mainScript, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) return { child, url: match[1]! };
  }
  throw new Error(`the API server exited without listening: ${output}`);
};

test('an object whose create was acknowledged is still there after kill -9 and a restart', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kube-api-kill-'));
  try {
    const first = await startServer(dataDir);
    const created = await fetch(`${first.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'durable' } }),
    });
    assert.equal(created.status, 201);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');

    const second = await startServer(dataDir);
    try {
      const response = await fetch(`${second.url}/api/v1/namespaces/durable`);
      assert.equal(response.status, 200);
      const namespace = (await response.json()) as { metadata: { name: string; uid: string } };
      const createdBody = (await created.json()) as { metadata: { uid: string } };
      assert.equal(namespace.metadata.uid, createdBody.metadata.uid);
    } finally {
      second.child.kill('SIGKILL');
      await once(second.child, 'exit');
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
