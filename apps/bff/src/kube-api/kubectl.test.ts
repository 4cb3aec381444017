// kubectl, the reference Kubernetes client, against the embedded API server. Skipped (with the
// reason) on machines without kubectl.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedApiServer, type EmbeddedApiServer } from './index.ts';

const run = promisify(execFile);

const kubectlPath = await run('kubectl', ['version', '--client']).then(
  () => 'kubectl',
  () => undefined,
);

const manifest = (warm: string) => `
apiVersion: v1
kind: Namespace
metadata: {name: openshift-mtv}
---
apiVersion: forklift.konveyor.io/v1beta1
kind: Provider
metadata: {name: host, namespace: openshift-mtv}
spec: {type: openshift, url: '', secret: {}}
---
apiVersion: forklift.konveyor.io/v1beta1
kind: Plan
metadata: {name: nightly, namespace: openshift-mtv}
spec:
  warm: ${warm}
  targetNamespace: demo
  provider: {source: {name: vcenter}, destination: {name: host}}
  map: {network: {name: nightly-net}, storage: {name: nightly-storage}}
  vms: []
`;

describe(
  'kubectl against the embedded API server',
  { skip: !kubectlPath && 'kubectl is not installed' },
  () => {
    let dataDir: string;
    let server: EmbeddedApiServer;
    let home: string;

    const kubectl = async (args: string[], stdin?: string) => {
      const child = run('kubectl', ['--server', server.url, ...args], {
        env: { ...process.env, HOME: home, KUBECONFIG: path.join(home, 'none') },
      });
      if (stdin !== undefined) {
        child.child.stdin!.end(stdin);
      }
      return child.then(
        ({ stdout }) => ({ ok: true, output: stdout }),
        (error: { stdout: string; stderr: string }) => ({ ok: false, output: error.stderr }),
      );
    };

    before(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'kube-api-kubectl-'));
      home = await mkdtemp(path.join(os.tmpdir(), 'kubectl-home-'));
      server = await startEmbeddedApiServer({ dataDir });
    });

    after(async () => {
      await server?.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    });

    test('a Plan whose spec.warm is a string is refused with 422 naming spec.warm', async () => {
      const applied = await kubectl(['apply', '-f', '-'], manifest('"yes"'));
      assert.equal(applied.ok, false);
      assert.match(applied.output, /The Plan "nightly" is invalid/);
      assert.match(applied.output, /spec\.warm/);
    });

    test('get providers -A lists the provider', async () => {
      await kubectl(['apply', '-f', '-'], manifest('true'));
      const listed = await kubectl(['get', 'providers', '-A']);
      assert.ok(listed.ok, listed.output);
      assert.match(listed.output, /openshift-mtv\s+host/);
    });

    test('deleting a Plan deletes the NetworkMap it owns', async () => {
      const uid = await kubectl([
        'get',
        'plan',
        'nightly',
        '-n',
        'openshift-mtv',
        '-o',
        'jsonpath={.metadata.uid}',
      ]);
      assert.ok(uid.ok, uid.output);
      const owned = `
apiVersion: forklift.konveyor.io/v1beta1
kind: NetworkMap
metadata:
  name: nightly-net
  namespace: openshift-mtv
  ownerReferences: [{apiVersion: forklift.konveyor.io/v1beta1, kind: Plan, name: nightly, uid: ${uid.output}}]
spec:
  provider: {source: {name: vcenter}, destination: {name: host}}
  map: []
`;
      assert.ok((await kubectl(['apply', '-f', '-'], owned)).ok);
      assert.match(
        (await kubectl(['get', 'networkmaps', '-n', 'openshift-mtv'])).output,
        /nightly-net/,
      );
      assert.ok((await kubectl(['delete', 'plan', 'nightly', '-n', 'openshift-mtv'])).ok);
      const after = await kubectl(['get', 'networkmaps', '-n', 'openshift-mtv', '-o', 'name']);
      assert.equal(after.output.trim(), '');
    });
  },
);
