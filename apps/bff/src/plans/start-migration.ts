// Start and Restart: a new Migration for the plan, as Forklift's console creates it, when the
// plan may run now (packages/api planStartVerdict); the engine takes it up from there.
import type { KubeConfig } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  MigrationModel,
  planStartVerdict,
  PlanModel,
  type Migration,
  type Plan,
} from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';

/** Why the plan cannot start now; the route answers it with 409. */
export class MigrationStartRefusal extends Error {}

/** The Migrations of the plan's project, read with the caller's credentials. */
export const migrationsOf = (kubeConfig: KubeConfig, namespace: string): Promise<Migration[]> =>
  objectsOf<Migration>(kubeConfig, MigrationModel).list(namespace);

const migrationFor = (plan: Plan): Migration => {
  const { name = '', namespace = '', uid = '' } = plan.metadata ?? {};
  return {
    apiVersion: FORKLIFT_API_VERSION,
    kind: MigrationModel.kind,
    metadata: {
      generateName: `${name}-`,
      namespace,
      ownerReferences: [{ apiVersion: FORKLIFT_API_VERSION, kind: PlanModel.kind, name, uid }],
    },
    spec: { plan: { name, namespace, uid }, cancel: [] },
  };
};

export const startMigration = async (
  kubeConfig: KubeConfig,
  key: ObjectKey,
): Promise<Migration> => {
  const plan = await objectsOf<Plan>(kubeConfig, PlanModel).get(key);
  const verdict = planStartVerdict(plan, await migrationsOf(kubeConfig, key.namespace));
  if (!verdict.allowed) throw new MigrationStartRefusal(`${verdict.message} (plan ${key.name})`);
  return objectsOf<Migration>(kubeConfig, MigrationModel).create(key.namespace, migrationFor(plan));
};
