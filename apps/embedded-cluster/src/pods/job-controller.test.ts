// The Job controller with the pod runner, on a real embedded API: a hook Job as Forklift's hook step
// creates it, its pods made from the template, owned and labelled, counted into the Job's status,
// and the Job's end as the hook step reads it (Complete, or Failed with its reason).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout } from 'node:timers/promises';
import { BatchV1Api, type V1Job } from '@kubernetes/client-node';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker } from '../workers/worker.ts';
import { startJobController } from './job-controller.ts';
import { findTool } from './local-command.ts';
import { startPodRunner } from './pod-runner.ts';
import { eventually } from '../test-support/eventually.ts';

const namespace = 'plans';
const ansible = findTool('ansible-playbook');
let api: TestServer;
let batch: BatchV1Api;
let workers: Worker[];

before(async () => {
  api = await startTestServer('job-controller-');
  batch = api.admin.makeApiClient(BatchV1Api);
  await api.core.createNamespace({ body: { metadata: { name: namespace } } });
  const context = { kubeConfig: api.admin, dataDir: api.dataDir, logger: silentLogger };
  workers = [await startPodRunner(context), await startJobController(context)];
});
after(async () => {
  for (const worker of workers) await worker.stop();
  await api.close();
});

/** A hook Job as Forklift's hook step makes it (§8.6): a ConfigMap at /tmp/hook, restartPolicy Never. */
const createHookJob = async (
  name: string,
  playbook: string,
  spec: { backoffLimit?: number; activeDeadlineSeconds?: number },
  restartPolicy = 'Never',
) => {
  await api.core.createNamespacedConfigMap({
    namespace,
    body: { metadata: { name }, data: { 'playbook.yml': playbook } },
  });
  return batch.createNamespacedJob({
    namespace,
    body: {
      metadata: { name, labels: { step: 'PreHook' } },
      spec: {
        ...spec,
        template: {
          metadata: { labels: { step: 'PreHook' } },
          spec: {
            restartPolicy,
            containers: [
              {
                name: 'hook',
                image: 'quay.io/kubev2v/hook-runner',
                volumeMounts: [{ name: 'hook', mountPath: '/tmp/hook' }],
              },
            ],
            volumes: [{ name: 'hook', configMap: { name } }],
          },
        },
      },
    },
  });
};

const failingPlaybook =
  '- hosts: localhost\n  gather_facts: false\n  tasks:\n    - ansible.builtin.fail:\n        msg: the hook failed\n';
const readJob = (name: string) => () => batch.readNamespacedJob({ namespace, name });
const finishedCondition = (job: V1Job) =>
  job.status?.conditions?.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );

test('a Job whose pods fail is Failed with BackoffLimitExceeded after backoffLimit + 1 pods', async () => {
  const job = await createHookJob('prehook', failingPlaybook, { backoffLimit: 1 });
  const done = await eventually(readJob('prehook'), {
    until: (j) => Boolean(finishedCondition(j)),
    timeoutMs: 60_000,
    what: 'the Job to finish',
  });
  const condition = finishedCondition(done);
  assert.equal(condition?.type, 'Failed');
  assert.equal(condition?.reason, 'BackoffLimitExceeded');
  assert.equal(done.status?.failed, 2);
  // A finished Job's status is not written again (each write would come back as an event).
  await setTimeout(1000);
  const later = await readJob('prehook')();
  assert.equal(later.metadata?.resourceVersion, done.metadata?.resourceVersion);
  assert.equal(done.status?.active, 0);
  assert.ok(done.status?.startTime);
  assert.equal(done.status?.completionTime, undefined);
  const { items: pods } = await api.core.listNamespacedPod({
    namespace,
    labelSelector: `job-name=prehook,controller-uid=${job.metadata?.uid}`,
  });
  assert.equal(pods.length, 2);
  for (const pod of pods) {
    assert.match(pod.metadata?.name ?? '', /^prehook-/);
    assert.equal(pod.metadata?.labels?.step, 'PreHook');
    assert.deepEqual(
      pod.metadata?.ownerReferences?.map((o) => [o.kind, o.name, o.uid, o.controller]),
      [['Job', 'prehook', job.metadata?.uid, true]],
    );
    assert.equal(pod.status?.phase, 'Failed');
  }
});

test('with restartPolicy OnFailure the restarts of its pod count towards backoffLimit', async () => {
  const job = await createHookJob('restarting', failingPlaybook, { backoffLimit: 0 }, 'OnFailure');
  const done = await eventually(readJob('restarting'), {
    until: (j) => Boolean(finishedCondition(j)),
    timeoutMs: 60_000,
    what: 'the Job to finish',
  });
  assert.equal(finishedCondition(done)?.reason, 'BackoffLimitExceeded');
  await eventually(
    () =>
      api.core.listNamespacedPod({
        namespace,
        labelSelector: `controller-uid=${job.metadata?.uid}`,
      }),
    { until: ({ items }) => items.length === 0, what: 'its restarting pod to be deleted' },
  );
});

test('a Job active longer than activeDeadlineSeconds is Failed with DeadlineExceeded', async () => {
  // Its failing pods are retried after a 10 s back-off; the 2 s deadline comes first.
  await createHookJob('deadline', failingPlaybook, { backoffLimit: 6, activeDeadlineSeconds: 2 });
  const done = await eventually(readJob('deadline'), {
    until: (j) => Boolean(finishedCondition(j)),
    what: 'the Job to finish',
  });
  assert.deepEqual(
    [finishedCondition(done)?.type, finishedCondition(done)?.reason],
    ['Failed', 'DeadlineExceeded'],
  );
});

test(
  'a Job whose pod succeeds is Complete with a completionTime',
  { skip: ansible ? false : 'ansible-playbook is not installed (apt-get install ansible-core)' },
  async () => {
    await createHookJob('posthook', '- hosts: localhost\n  gather_facts: false\n  tasks: []\n', {});
    const done = await eventually(readJob('posthook'), {
      until: (j) => Boolean(finishedCondition(j)),
      timeoutMs: 60_000,
      what: 'the Job to finish',
    });
    assert.equal(finishedCondition(done)?.type, 'Complete');
    assert.equal(done.status?.succeeded, 1);
    assert.ok(done.status?.completionTime);
  },
);

test('deleting a Job deletes its pods, as the garbage collector would', async () => {
  const job = await createHookJob('cleanup', failingPlaybook, { backoffLimit: 0 });
  await eventually(readJob('cleanup'), {
    until: (j) => Boolean(finishedCondition(j)),
    what: 'the Job to finish',
  });
  await batch.deleteNamespacedJob({ namespace, name: 'cleanup' });
  await eventually(
    () =>
      api.core.listNamespacedPod({
        namespace,
        labelSelector: `controller-uid=${job.metadata?.uid}`,
      }),
    { until: ({ items }) => items.length === 0, what: "the Job's pods to go" },
  );
});
