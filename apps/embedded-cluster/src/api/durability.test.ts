// An acknowledged write must survive the process being killed at once (SIGKILL, no shutdown hook).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { kill9, startClusterProcess } from '../test-support/cluster-process.ts';

test('an object whose create was acknowledged is still there after kill -9 and a restart', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kube-api-kill-'));
  try {
    const first = await startClusterProcess(dataDir);
    const created = await first.core.createNamespace({ body: { metadata: { name: 'durable' } } });
    await kill9(first.child);

    const second = await startClusterProcess(dataDir);
    try {
      const namespace = await second.core.readNamespace({ name: 'durable' });
      assert.equal(namespace.metadata?.uid, created.metadata?.uid);
    } finally {
      await kill9(second.child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
