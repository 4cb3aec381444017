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
import { grantRole, PROVIDER_READER, writeTokens } from '../test-support/rbac.ts';
import { kubeConfigForEmbeddedServer } from '../kube-config.ts';

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

    /** kubectl with the given connection flags; the administrator's kubeconfig by default. */
    const kubectlWith = async (connection: string[], args: string[], stdin?: string) => {
      const child = run('kubectl', [...connection, ...args], {
        env: { ...process.env, HOME: home, KUBECONFIG: path.join(home, 'none') },
      });
      // Always closed: without credentials kubectl would otherwise wait for a typed user name.
      child.child.stdin!.end(stdin ?? '');
      return child.then(
        ({ stdout }) => ({ ok: true, output: stdout }),
        (error: { stdout: string; stderr: string }) => ({
          ok: false,
          output: `${error.stdout}${error.stderr}`,
        }),
      );
    };
    const kubectl = (args: string[], stdin?: string) =>
      kubectlWith(['--kubeconfig', server.kubeconfigPath], args, stdin);
    /** No kubeconfig: the server's certificate is not checked and the token is the only credential. */
    const kubectlWithToken = (token: string, args: string[]) =>
      kubectlWith(['--server', server.url, '--insecure-skip-tls-verify', '--token', token], args);

    before(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'kube-api-kubectl-'));
      home = await mkdtemp(path.join(os.tmpdir(), 'kubectl-home-'));
      server = await startEmbeddedApiServer({ dataDir });
      await writeTokens(dataDir, [{ token: 'reader-token', user: 'reader' }]);
      await grantRole(kubeConfigForEmbeddedServer(server), {
        ...PROVIDER_READER,
        user: 'reader',
      });
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

    test('a read-only user lists providers but cannot delete one', async () => {
      const listed = await kubectlWithToken('reader-token', ['get', 'providers', '-A']);
      assert.ok(listed.ok, listed.output);
      assert.match(listed.output, /openshift-mtv\s+host/);
      const deleted = await kubectlWithToken('reader-token', [
        'delete',
        'provider',
        'host',
        '-n',
        'openshift-mtv',
      ]);
      assert.equal(deleted.ok, false);
      assert.match(
        deleted.output,
        /Forbidden.*User "reader" cannot delete resource "providers" in API group "forklift\.konveyor\.io" in the namespace "openshift-mtv"/,
      );
      assert.ok((await kubectl(['get', 'provider', 'host', '-n', 'openshift-mtv'])).ok);
    });

    test('without a token or certificate kubectl is anonymous and refused', async () => {
      // Without any credential kubectl would prompt for a user name; a Basic one is no credential
      // to kube-apiserver (nor here), so the request is system:anonymous.
      const listed = await kubectlWith(
        [
          '--server',
          server.url,
          '--insecure-skip-tls-verify',
          '--username',
          'x',
          '--password',
          'y',
        ],
        ['get', 'providers', '-A'],
      );
      assert.equal(listed.ok, false);
      assert.match(listed.output, /Error from server \(Forbidden\)/);
    });

    test('auth whoami names the administrator and a token user', async () => {
      const administrator = await kubectl(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo}']);
      assert.ok(administrator.ok, administrator.output);
      assert.deepEqual(JSON.parse(administrator.output), {
        username: 'kubernetes-admin',
        groups: ['system:masters', 'system:authenticated'],
      });
      const reader = await kubectlWithToken('reader-token', [
        'auth',
        'whoami',
        '-o',
        'jsonpath={.status.userInfo.username}',
      ]);
      assert.equal(reader.output, 'reader');
    });

    test('auth can-i answers for a token user and for the administrator', async () => {
      const can = async (run: Promise<{ ok: boolean; output: string }>) =>
        (await run).output.trim();
      assert.equal(
        await can(kubectlWithToken('reader-token', ['auth', 'can-i', 'list', 'providers'])),
        'yes',
      );
      assert.equal(
        await can(
          kubectlWithToken('reader-token', [
            'auth',
            'can-i',
            'delete',
            'providers',
            '-n',
            'openshift-mtv',
          ]),
        ),
        'no',
      );
      assert.equal(await can(kubectl(['auth', 'can-i', 'delete', 'providers', '-A'])), 'yes');
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
