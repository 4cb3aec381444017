// `kubectl logs` against the embedded API: a pod's container log as the pod runner and the KubeVirt
// launcher write it, the errors kube-apiserver gives, and `--follow` ending with the container.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { containerLogFile } from '../pods/log-files.ts';
import { startTestServer, type TestServer } from './test-server.ts';

let api: TestServer;
before(async () => {
  api = await startTestServer('pod-log-');
  await api.core.createNamespace({ body: { metadata: { name: 'vms-prod' } } });
});
after(() => api.close());

const makePod = async (name: string, containers: string[]) => {
  const pod = await api.core.createNamespacedPod({
    namespace: 'vms-prod',
    body: {
      metadata: { name },
      spec: { containers: containers.map((container) => ({ name: container, image: 'busybox' })) },
    },
  });
  return { namespace: 'vms-prod', name, uid: pod.metadata!.uid! };
};

const writeLog = async (file: string, text: string) => {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
};

const setContainerState = (name: string, container: string, state: object, restartCount = 0) =>
  api.core.replaceNamespacedPodStatus({
    namespace: 'vms-prod',
    name,
    body: {
      metadata: { name },
      status: { containerStatuses: [{ name: container, restartCount, state }] },
    } as never,
  });

test('the log of a pod’s only container, its last lines and its previous run', async () => {
  const pod = await makePod('converter', ['virt-v2v']);
  await writeLog(containerLogFile(api.dataDir, pod, 'virt-v2v', 0), 'first run\nfailed\n');
  await writeLog(containerLogFile(api.dataDir, pod, 'virt-v2v', 1), 'one\ntwo\nthree\n');
  await setContainerState('converter', 'virt-v2v', { running: {} }, 1);

  const log = (options: object = {}) =>
    api.core.readNamespacedPodLog({ namespace: 'vms-prod', name: 'converter', ...options });
  assert.equal(await log(), 'one\ntwo\nthree\n');
  assert.equal(await log({ tailLines: 2 }), 'two\nthree\n');
  assert.equal(await log({ limitBytes: 5 }), 'one\nt');
  assert.equal(await log({ previous: true }), 'first run\nfailed\n');
});

test('a pod of two containers needs the container named, and a container not started says so', async () => {
  await makePod('virt-launcher-web-abcde', ['compute', 'guest-console-log']);
  const read = (container?: string) =>
    api.core.readNamespacedPodLog({
      namespace: 'vms-prod',
      name: 'virt-launcher-web-abcde',
      ...(container ? { container } : {}),
    });
  await assert.rejects(read(), (error: { code?: number; body?: string }) => {
    assert.equal(error.code, 400);
    assert.match(
      String(error.body),
      /a container name must be specified for pod virt-launcher-web-abcde, choose one of: \[compute guest-console-log\]/,
    );
    return true;
  });
  await assert.rejects(read('nope'), /container nope is not valid/);
  await assert.rejects(read('guest-console-log'), /is waiting to start: ContainerCreating/);
});

test('following a log sends what is written until the container ends', async () => {
  const pod = await makePod('hook', ['playbook']);
  const file = containerLogFile(api.dataDir, pod, 'playbook');
  await writeLog(file, 'PLAY [localhost]\n');
  await setContainerState('hook', 'playbook', { running: {} });
  const following = api.core.readNamespacedPodLog({
    namespace: 'vms-prod',
    name: 'hook',
    follow: true,
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  await appendFile(file, 'TASK [ok]\n');
  await setContainerState('hook', 'playbook', { terminated: { exitCode: 0 } });
  assert.equal(await following, 'PLAY [localhost]\nTASK [ok]\n');
});

test('kubectl logs reads the same file', async (t) => {
  const kubectl = await promisify(execFile)('kubectl', ['version', '--client']).catch(() => null);
  if (!kubectl) return t.skip('kubectl is not installed');
  const pod = await makePod('importer', ['importer']);
  await writeLog(containerLogFile(api.dataDir, pod, 'importer'), 'Import complete\n');
  await setContainerState('importer', 'importer', { terminated: { exitCode: 0 } });
  const { stdout } = await promisify(execFile)('kubectl', [
    '--kubeconfig',
    api.server.kubeconfigPath,
    'logs',
    '-n',
    'vms-prod',
    'importer',
  ]);
  assert.equal(stdout, 'Import complete\n');
});
