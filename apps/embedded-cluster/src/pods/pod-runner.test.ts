// The pod runner on a real embedded API: images it cannot run stay Pending, the hook runner's pod
// runs the playbook with ansible-playbook (or fails naming the package when it is absent), and a
// pod the status says was running when the cluster went down is recorded as ended, not left running.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import type { V1Pod } from '@kubernetes/client-node';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker } from '../workers/worker.ts';
import { findTool } from './local-command.ts';
import { podLogDirectory } from './log-files.ts';
import { IMAGE_NOT_RUNNABLE, startPodRunner } from './pod-runner.ts';
import { NODE_RESTART_MESSAGE, podRuntimeDirectory } from './pod-run.ts';
import { eventually } from '../test-support/eventually.ts';

const namespace = 'hooks';
const ansible = findTool('ansible-playbook');
let api: TestServer;
let runner: Worker;

before(async () => {
  api = await startTestServer('pod-runner-');
  await api.core.createNamespace({ body: { metadata: { name: namespace } } });
  runner = await startPodRunner({
    kubeConfig: api.admin,
    dataDir: api.dataDir,
    logger: silentLogger,
  });
});
after(async () => {
  await runner.stop();
  await api.close();
});

const readPod = (name: string) => () => api.core.readNamespacedPod({ namespace, name });
const finished = (pod: V1Pod) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** A hook pod as Forklift's hook Job makes it: the playbook in a ConfigMap at /tmp/hook. */
const createHookPod = async (name: string, playbook: string, restartPolicy = 'Never') => {
  await api.core.createNamespacedConfigMap({
    namespace,
    body: { metadata: { name }, data: { 'playbook.yml': playbook, 'plan.yml': 'name: plan\n' } },
  });
  return api.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name },
      spec: {
        restartPolicy,
        containers: [
          {
            name: 'hook',
            image: 'quay.io/kubev2v/hook-runner:latest',
            volumeMounts: [{ name: 'hook', mountPath: '/tmp/hook' }],
          },
        ],
        volumes: [{ name: 'hook', configMap: { name } }],
      },
    },
  });
};

test('a pod whose image cannot run here stays Pending with ImageNotRunnableLocally and a Warning event', async () => {
  await api.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'nginx', image: 'docker.io/library/nginx:1.27' }] },
    },
  });
  const pod = await eventually(readPod('web'), {
    until: (p) => Boolean(p.status?.containerStatuses),
    what: 'the pod status',
  });
  assert.equal(pod.status?.phase, 'Pending');
  const waiting = pod.status?.containerStatuses?.[0]?.state?.waiting;
  assert.equal(waiting?.reason, IMAGE_NOT_RUNNABLE);
  assert.match(waiting?.message ?? '', /cannot run image docker\.io\/library\/nginx:1\.27/);
  const { items } = await api.core.listNamespacedEvent({
    namespace,
    fieldSelector: 'involvedObject.name=web',
  });
  assert.deepEqual(
    items.map((e) => [e.type, e.reason]),
    [['Warning', IMAGE_NOT_RUNNABLE]],
  );
  // Refused once: the same status is not written again (each write would come back as an event).
  await setTimeout(1000);
  const later = await readPod('web')();
  assert.equal(later.metadata?.resourceVersion, pod.metadata?.resourceVersion);
});

test('a virt-launcher pod is left to the KubeVirt launcher, its status untouched', async () => {
  await api.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: 'virt-launcher-web-abcde', labels: { 'kubevirt.io': 'virt-launcher' } },
      spec: { containers: [{ name: 'compute', image: 'quay.io/kubevirt/virt-launcher:v1.5.0' }] },
    },
  });
  // The unknown-image pod created after it is refused: the runner has seen both by then.
  await api.core.createNamespacedPod({
    namespace,
    body: { metadata: { name: 'marker' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
  });
  await eventually(readPod('marker'), {
    until: (p) => Boolean(p.status?.containerStatuses),
    what: 'the marker pod',
  });
  const launcher = await readPod('virt-launcher-web-abcde')();
  assert.equal(launcher.status?.containerStatuses, undefined);
});

test(
  'without ansible-playbook the hook container fails with exit code 127, naming the package in its log',
  { skip: ansible ? 'ansible-playbook is installed here' : false },
  async () => {
    await createHookPod('no-ansible', '- hosts: localhost\n  tasks: []\n');
    const pod = await eventually(readPod('no-ansible'), {
      until: finished,
      what: 'the pod to finish',
    });
    assert.equal(pod.status?.phase, 'Failed');
    const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
    assert.equal(terminated?.exitCode, 127);
    assert.equal(terminated?.reason, 'Error');
    assert.ok(terminated?.finishedAt);
    const log = await api.core.readNamespacedPodLog({ namespace, name: 'no-ansible' });
    assert.match(log, /ansible-playbook is not installed: apt-get install ansible-core/);
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    assert.deepEqual([ready?.status, ready?.reason], ['False', 'PodCompleted']);
  },
);

test(
  'the hook container runs the playbook with ansible-playbook and succeeds',
  { skip: ansible ? false : 'ansible-playbook is not installed (apt-get install ansible-core)' },
  async () => {
    await createHookPod(
      'playbook',
      "- hosts: localhost\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug:\n        msg: \"hook ran for {{ lookup('file', 'plan.yml') }}\"\n",
    );
    const pod = await eventually(readPod('playbook'), {
      until: finished,
      what: 'the pod to finish',
    });
    const log = await api.core.readNamespacedPodLog({ namespace, name: 'playbook' });
    assert.equal(pod.status?.phase, 'Succeeded', log);
    assert.match(log, /hook ran for name: plan/);
  },
);

test('restartPolicy OnFailure runs a failed container again, counting the restart', async () => {
  await createHookPod(
    'retried',
    '- hosts: localhost\n  tasks:\n    - ansible.builtin.fail:\n        msg: no\n',
    'OnFailure',
  );
  const pod = await eventually(readPod('retried'), {
    until: (p) => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1,
    what: 'a restart',
  });
  assert.equal(pod.status?.phase, 'Running');
  assert.notEqual(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode, 0);
  await api.core.deleteNamespacedPod({ namespace, name: 'retried' });
});

test('a pod active longer than its activeDeadlineSeconds is Failed with DeadlineExceeded', async () => {
  await api.core.createNamespacedConfigMap({
    namespace,
    body: {
      metadata: { name: 'late' },
      data: { 'playbook.yml': '- hosts: localhost\n  tasks: []\n' },
    },
  });
  // Its playbook is not at /tmp/hook/playbook.yml, so it fails and would be restarted after a 10 s
  // back-off; the deadline is 2 s.
  await api.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: 'late' },
      spec: {
        restartPolicy: 'OnFailure',
        activeDeadlineSeconds: 2,
        containers: [
          {
            name: 'hook',
            image: 'quay.io/kubev2v/hook-runner',
            volumeMounts: [{ name: 'hook', mountPath: '/tmp/hook' }],
          },
        ],
        volumes: [
          {
            name: 'hook',
            configMap: { name: 'late', items: [{ key: 'playbook.yml', path: 'x.yml' }] },
          },
        ],
      },
    },
  });
  const pod = await eventually(readPod('late'), { until: finished, what: 'the pod to finish' });
  assert.equal(pod.status?.phase, 'Failed');
  assert.equal(pod.status?.reason, 'DeadlineExceeded');
  assert.equal(
    pod.status?.message,
    'Pod was active on the node longer than the specified deadline',
  );
});

test('a pod the status says was running when the cluster went down is Failed as ended by the restart', async () => {
  await runner.stop();
  const created = await createHookPod('interrupted', '- hosts: localhost\n  tasks: []\n');
  // What the previous run of the cluster wrote before it was killed.
  const startedAt = new Date(Date.now() - 60_000);
  await api.core.replaceNamespacedPodStatus({
    namespace,
    name: 'interrupted',
    body: {
      ...created,
      status: {
        phase: 'Running',
        startTime: startedAt,
        containerStatuses: [
          {
            name: 'hook',
            image: 'quay.io/kubev2v/hook-runner:latest',
            imageID: '',
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt } },
          },
        ],
      },
    },
  });
  runner = await startPodRunner({
    kubeConfig: api.admin,
    dataDir: api.dataDir,
    logger: silentLogger,
  });
  const pod = await eventually(readPod('interrupted'), {
    until: finished,
    what: 'the pod to finish',
  });
  assert.equal(pod.status?.phase, 'Failed');
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  assert.equal(terminated?.message, NODE_RESTART_MESSAGE);
  assert.equal(terminated?.exitCode, 137);
  assert.equal(pod.status?.reason, 'NodeRestarted');
});

test('deleting a pod removes its log folder', async () => {
  const created = await createHookPod('short-lived', '- hosts: localhost\n  tasks: []\n');
  await eventually(readPod('short-lived'), { until: finished, what: 'the pod to finish' });
  const folder = podLogDirectory(api.dataDir, {
    namespace,
    name: 'short-lived',
    uid: created.metadata!.uid!,
  });
  assert.ok(existsSync(folder));
  await api.core.deleteNamespacedPod({ namespace, name: 'short-lived' });
  await eventually(async () => existsSync(folder), {
    until: (exists) => !exists,
    what: 'the log folder to go',
  });
});

test('a container waits with CreateContainerConfigError for a missing Secret, then runs; the Secret files go when it ends', async () => {
  await api.core.createNamespacedConfigMap({
    namespace,
    body: {
      metadata: { name: 'needs-secret' },
      data: { 'playbook.yml': '- hosts: localhost\n  tasks: []\n' },
    },
  });
  const created = await api.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: 'needs-secret' },
      spec: {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'hook',
            image: 'quay.io/kubev2v/hook-runner',
            env: [
              { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'hook-token', key: 'token' } } },
            ],
            volumeMounts: [
              { name: 'hook', mountPath: '/tmp/hook' },
              { name: 'token', mountPath: '/etc/hook-token' },
            ],
          },
        ],
        volumes: [
          { name: 'hook', configMap: { name: 'needs-secret' } },
          { name: 'token', secret: { secretName: 'hook-token' } },
        ],
      },
    },
  });
  const waiting = await eventually(readPod('needs-secret'), {
    until: (p) => Boolean(p.status?.containerStatuses?.[0]?.state?.waiting),
    what: 'the container to wait',
  });
  assert.equal(waiting.status?.phase, 'Pending');
  const { reason, message } = waiting.status?.containerStatuses?.[0]?.state?.waiting ?? {};
  assert.deepEqual(
    [reason, message],
    ['CreateContainerConfigError', 'secret "hook-token" not found'],
  );
  await api.core.createNamespacedSecret({
    namespace,
    body: { metadata: { name: 'hook-token' }, stringData: { token: 's3cr3t-value' } },
  });
  await eventually(readPod('needs-secret'), { until: finished, what: 'the pod to finish' });
  const log = await api.core.readNamespacedPodLog({ namespace, name: 'needs-secret' });
  assert.doesNotMatch(log, /s3cr3t-value/);
  const volumes = `${podRuntimeDirectory(api.dataDir, created.metadata!.uid!)}/volumes`;
  await eventually(async () => existsSync(volumes), {
    until: (exists) => !exists,
    what: 'the Secret files to go',
  });
});
