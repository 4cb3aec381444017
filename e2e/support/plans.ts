// For the plan stories: Forklift Plan YAML as a user of Forklift writes it, applied with kubectl
// (through the API when kubectl is missing), and the status the plan and migration controllers
// would write, set through the status subresource.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  loadAllYaml,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { PlanModel, type Plan } from '@forklift-console/api';
import { adminKubeConfig, expect, type StandaloneApp } from '../fixtures.ts';

export const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export type PlanYaml = {
  name: string;
  namespace: string;
  description?: string;
  type?: 'cold' | 'warm';
  archived?: boolean;
  vms: string[];
};

/** A Plan from the host cluster to itself, as Forklift's docs write one for OpenShift sources. */
export const planYaml = ({ name, namespace, description, type, archived, vms }: PlanYaml) => `
apiVersion: forklift.konveyor.io/v1beta1
kind: Plan
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${description ? `  description: ${description}\n` : ''}${type ? `  type: ${type}\n` : ''}${archived ? '  archived: true\n' : ''}  provider:
    source:
      name: host
      namespace: openshift-mtv
    destination:
      name: host
      namespace: openshift-mtv
  targetNamespace: demo
  map:
    network:
      name: ${name}-network
      namespace: ${namespace}
    storage:
      name: ${name}-storage
      namespace: ${namespace}
  vms:
${vms.map((vm) => `    - name: ${vm}\n      namespace: vms-prod\n`).join('')}`;

export const applyYaml = async (app: StandaloneApp, yaml: string): Promise<void> => {
  if (hasKubectl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plans-yaml-'));
    try {
      const file = path.join(dir, 'plans.yaml');
      await writeFile(file, yaml);
      execFileSync('kubectl', [
        '--kubeconfig',
        path.join(app.dataDir, 'kubeconfig'),
        'apply',
        '-f',
        file,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return;
  }
  const client = KubernetesObjectApi.makeApiClient(adminKubeConfig(app));
  for (const object of loadAllYaml(yaml) as KubernetesObject[]) await client.create(object);
};

const condition = (type: string, category: string) => ({
  type,
  status: 'True',
  category,
  message: `${type} (set by the test as the plan controller would)`,
  lastTransitionTime: new Date().toISOString(),
});

/** Plan statuses as Forklift's controllers write them. */
export const PLAN_STATUS = {
  ready: (started?: string) => ({
    conditions: [condition('Ready', 'Required')],
    ...(started ? { migration: { started } } : {}),
  }),
  cannotStart: () => ({
    conditions: [condition('VMNetworksNotMapped', 'Critical')],
  }),
  running: (vmId: string) => ({
    conditions: [condition('Executing', 'Advisory')],
    migration: {
      started: new Date().toISOString(),
      vms: [{ id: vmId, phase: 'DiskTransfer', pipeline: [], started: new Date().toISOString() }],
    },
  }),
};

export const setPlanStatus = async (
  app: StandaloneApp,
  namespace: string,
  name: string,
  status: object,
): Promise<void> => {
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .patchNamespacedCustomObjectStatus(
      { ...PlanModel, namespace, name, body: { status } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
};

const readPlan = async (app: StandaloneApp, namespace: string, name: string) =>
  (await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...PlanModel, namespace, name })) as Plan;

const conditionTypes = (status: Plan['status']) =>
  JSON.stringify(status?.conditions?.map((condition) => condition.type));

type Hold = { timer: ReturnType<typeof setInterval>; rewrite: Promise<void> };

/** One hold per plan, by `namespace/name`: a second hold replaces the first rather than fight it. */
const holding = new Map<string, Hold>();

/** Stops a hold and waits out a rewrite it had under way, so that nothing it reads is written after. */
const endHold = async (hold: Hold | undefined): Promise<void> => {
  if (!hold) return;
  clearInterval(hold.timer);
  await hold.rewrite;
};

/**
 * Writes `status` as Forklift's controllers would, once the plan controller has judged the plan,
 * and writes it again whenever a later judgment (on a spec change, and every 30 s) replaces its
 * conditions, as an engine executing the plan would: a slow story sees the same plan throughout.
 * Without the wait, the controller's first judgment could land after the status and replace it.
 * Holding a plan already held ends the earlier hold first, so the new status is the one that stays.
 */
export const holdPlanStatus = async (
  app: StandaloneApp,
  namespace: string,
  name: string,
  status: Plan['status'],
): Promise<void> => {
  await expect
    .poll(
      async () => {
        const plan = await readPlan(app, namespace, name);
        return (
          plan.status?.observedGeneration === plan.metadata?.generation &&
          (plan.status?.conditions?.length ?? 0) > 0
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const key = `${namespace}/${name}`;
  await endHold(holding.get(key));
  await setPlanStatus(app, namespace, name, status as object);
  const written = conditionTypes(status);
  const hold: Hold = {
    rewrite: Promise.resolve(),
    timer: setInterval(() => {
      hold.rewrite = readPlan(app, namespace, name)
        .then((plan) =>
          conditionTypes(plan.status) === written
            ? undefined
            : setPlanStatus(app, namespace, name, status as object),
        )
        .catch(() => undefined);
    }, 1_000),
  };
  holding.set(key, hold);
};

/** Ends every `holdPlanStatus` of the story. */
export const releasePlanStatuses = (): void => {
  for (const hold of holding.values()) clearInterval(hold.timer);
  holding.clear();
};

export const planSpec = async (app: StandaloneApp, namespace: string, name: string) =>
  (
    (await adminKubeConfig(app)
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({ ...PlanModel, namespace, name })) as {
      spec: { archived?: boolean };
    }
  ).spec;

export const planNames = async (app: StandaloneApp, namespace: string): Promise<string[]> =>
  (
    (await adminKubeConfig(app)
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({ ...PlanModel, namespace })) as {
      items: { metadata: { name: string } }[];
    }
  ).items.map((item) => item.metadata.name);

/** Removes a story's plans, so that later stories meet the seeded estate. */
export const deletePlans = async (
  app: StandaloneApp,
  namespace: string,
  names: readonly string[],
): Promise<void> => {
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  for (const name of names) {
    await custom
      .deleteNamespacedCustomObject({ ...PlanModel, namespace, name })
      .catch((error: unknown) => {
        if ((error as { code?: number }).code !== 404) throw error;
      });
  }
};
