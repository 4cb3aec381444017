// PreHook and PostHook (reference engine.md §8.6): a local hook runs as a Job in the plan's
// namespace, owned by the Plan, its playbook, the plan and the VM's inventory record mounted from
// a ConfigMap at /tmp/hook. The Job is found by its labels before one is made; its outcome is the
// step's. AAP hooks are not run here: the step says so.
import type { KubernetesObject, V1ConfigMap, V1Job } from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { HookModel, type Hook } from '@forklift-console/api';
import { readObject } from '@forklift-console/controller-runtime';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { CONFIG_MAP, JOB } from '../cluster.ts';
import type { RunContext, VmContext } from '../context.ts';
import { executionLabels } from '../owned.ts';
import { addError, findStep } from '../pipeline.ts';
import type { PhaseResult } from './phase.ts';

/** Hook Job failures Forklift tolerates (HOOK_RETRY). */
const HOOK_RETRY = 3;

const planOwner = (run: RunContext) => ({
  apiVersion: run.plan.apiVersion ?? 'forklift.konveyor.io/v1beta1',
  kind: 'Plan',
  name: run.plan.metadata?.name ?? '',
  uid: run.plan.metadata?.uid ?? '',
});

const decode = (base64: string | undefined): string =>
  base64 ? Buffer.from(base64, 'base64').toString('utf8') : '';

const hookLabels = (run: RunContext, vm: VmContext, step: string, hook: Hook) => ({
  ...executionLabels(run, vm.status.id),
  step: step.toLowerCase(),
  hook: hook.metadata?.uid ?? '',
  resource: 'hook-config',
});

const ensureHookConfig = async (
  run: RunContext,
  vm: VmContext,
  hook: Hook,
  labels: Record<string, string>,
): Promise<string> => {
  const namespace = run.plan.metadata?.namespace ?? '';
  const [found] = await run.cluster.list<V1ConfigMap>(CONFIG_MAP, namespace, labels);
  if (found) return found.metadata?.name ?? '';
  const created = await run.cluster.create<KubernetesObject>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      generateName: `${run.plan.metadata?.name}-${vm.status.id}-`.toLowerCase(),
      namespace,
      labels,
      ownerReferences: [planOwner(run)],
    },
    data: {
      'workload.yml': yaml.dump(run.inventory.get('vms', vm.sourceVm.id) ?? {}),
      'playbook.yml': decode(hook.spec?.playbook),
      'plan.yml': yaml.dump(run.plan.spec ?? {}),
    },
  } as KubernetesObject);
  return created.metadata?.name ?? '';
};

const hookJob = (
  run: RunContext,
  vm: VmContext,
  step: string,
  hook: Hook,
  labels: Record<string, string>,
  configMapName: string,
): V1Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    generateName: `${run.plan.metadata?.name}-${vm.status.id}-${step}-`.toLowerCase(),
    namespace: run.plan.metadata?.namespace ?? '',
    labels,
    ownerReferences: [planOwner(run)],
  },
  spec: {
    backoffLimit: 1,
    ...(hook.spec?.deadline ? { activeDeadlineSeconds: hook.spec.deadline } : {}),
    template: {
      metadata: { labels },
      spec: {
        restartPolicy: 'Never',
        ...(hook.spec?.serviceAccount || run.plan.spec?.serviceAccount
          ? { serviceAccountName: hook.spec?.serviceAccount || run.plan.spec?.serviceAccount }
          : {}),
        containers: [
          {
            name: 'hook',
            image: hook.spec?.image ?? '',
            resources: {
              limits: { cpu: '1000m', memory: '1Gi' },
              requests: { cpu: '100m', memory: '150Mi' },
            },
            volumeMounts: [{ name: 'hook', mountPath: '/tmp/hook' }],
          },
        ],
        volumes: [{ name: 'hook', configMap: { name: configMapName } }],
      },
    },
  },
});

const readHook = async (run: RunContext, ref: { name?: string; namespace?: string }) =>
  readObject<Hook>(
    run.kubeConfig.makeApiClient(CustomObjectsApi),
    HookModel,
    ref.namespace || run.plan.metadata?.namespace || '',
    ref.name ?? '',
  );

const runHook = async (run: RunContext, vm: VmContext, stepName: 'PreHook' | 'PostHook') => {
  const step = findStep(vm.status, stepName);
  const fail = (reason: string): PhaseResult => {
    addError(step ?? vm.status, stepName, [reason]);
    return 'wait';
  };
  const ref = vm.planVm.hooks?.find((hook) => hook.step === stepName)?.hook;
  const hook = ref ? await readHook(run, ref) : undefined;
  if (!hook) return fail(`Hook ${ref?.name ?? ''} not found.`);
  if (hook.spec?.aap) return fail('Ansible Automation Platform hooks are not run yet.');
  const labels = hookLabels(run, vm, stepName, hook);
  const namespace = run.plan.metadata?.namespace ?? '';
  let [job] = await run.cluster.list<V1Job>(JOB, namespace, labels);
  if (!job) {
    const configMapName = await ensureHookConfig(run, vm, hook, labels);
    job = await run.cluster.create(hookJob(run, vm, stepName, hook, labels, configMapName));
  }
  const failed = job.status?.conditions?.find(
    (condition) => condition.type === 'Failed' && condition.status === 'True',
  );
  if (failed) return fail(failed.message || failed.reason || 'The hook failed.');
  if ((job.status?.failed ?? 0) > HOOK_RETRY) return fail('Retry limit exceeded.');
  if ((job.status?.succeeded ?? 0) > 0) {
    if (step) step.progress.completed = 1;
    return 'next';
  }
  return 'wait';
};

export const preHook = (run: RunContext, vm: VmContext) => runHook(run, vm, 'PreHook');
export const postHook = (run: RunContext, vm: VmContext) => runHook(run, vm, 'PostHook');
