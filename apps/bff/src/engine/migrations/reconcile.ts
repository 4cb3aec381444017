// The Migration controller's reconcile (reference engine.md §1.6): the Migration is owned by its
// Plan, so deleting the plan takes its Migrations; its status mirrors the plan's snapshot of it —
// Running while it executes, then Succeeded, Failed or Canceled with the times, and the VMs'
// statuses copied. A Migration whose plan is missing or not ready says so.
import { PatchStrategy, setHeaderOptions, type CustomObjectsApi } from '@kubernetes/client-node';
import { MigrationModel, PlanModel, type Migration, type Plan } from '@forklift-console/api';
import {
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  FAST_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { stageConditions, type Condition, type ConditionStage } from '../conditions.ts';
import { markCompleted, markStarted } from './execution/timed.ts';
import type { Snapshot } from './execution/types.ts';
import { CANCELED, EXECUTING, FAILED, hasCondition, SUCCEEDED } from './execution/vm-conditions.ts';

const holds = (conditions: readonly { type: string; status: string }[] | undefined, type: string) =>
  (conditions ?? []).some((condition) => condition.type === type && condition.status === 'True');

/** Adds the Plan as the Migration's owner when it is not yet. */
const ensureOwner = async (custom: CustomObjectsApi, migration: Migration, plan: Plan) => {
  const uid = plan.metadata?.uid;
  const owners = migration.metadata?.ownerReferences ?? [];
  if (!uid || owners.some((owner) => owner.uid === uid)) return;
  await custom.patchNamespacedCustomObject(
    {
      group: MigrationModel.group,
      version: MigrationModel.version,
      plural: MigrationModel.plural,
      namespace: migration.metadata?.namespace ?? '',
      name: migration.metadata?.name ?? '',
      body: [
        {
          op: 'add',
          path: '/metadata/ownerReferences',
          value: [
            ...owners,
            {
              apiVersion: plan.apiVersion ?? 'forklift.konveyor.io/v1beta1',
              kind: 'Plan',
              name: plan.metadata?.name,
              uid,
            },
          ],
        },
      ],
    },
    setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
  );
};

const mirror = (
  snapshot: Snapshot,
  status: NonNullable<Migration['status']>,
  stage: ConditionStage,
  now: Date,
): void => {
  if (hasCondition(snapshot, EXECUTING)) {
    markStarted(status, now);
    stage.set({ type: 'Running', category: 'Advisory', message: 'The migration is RUNNING.' });
  }
  for (const type of [SUCCEEDED, FAILED, CANCELED]) {
    const condition = snapshot.conditions?.find((c) => c.type === type && c.status === 'True');
    if (!condition) continue;
    stage.set({ ...(condition as Condition), durable: true });
    if (type !== CANCELED) markCompleted(status, now);
  }
};

export const createMigrationReconciler =
  ({ custom, now = () => new Date() }: { custom: CustomObjectsApi; now?: () => Date }) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const migration = await readObject<Migration>(custom, MigrationModel, namespace, name);
    if (!migration || migration.metadata?.deletionTimestamp) return {};
    if (migration.status?.completed) return {};
    const ref = migration.spec?.plan;
    const plan = ref?.name
      ? await readObject<Plan>(custom, PlanModel, ref.namespace || namespace, ref.name)
      : undefined;
    try {
      if (plan) await ensureOwner(custom, migration, plan);
      const status: NonNullable<Migration['status']> = {
        ...migration.status,
        observedGeneration: migration.metadata?.generation,
      };
      const stage = stageConditions(migration.status?.conditions as Condition[] | undefined);
      const history = plan?.status?.migration?.history ?? [];
      const snapshot = history.find((s) => s.migration.uid === migration.metadata?.uid);
      if (!ref?.name) {
        stage.set({
          type: 'PlanNotValid',
          category: 'Critical',
          reason: 'NotSet',
          message: 'The `plan` is not valid.',
        });
      } else if (!plan) {
        stage.set({
          type: 'PlanNotValid',
          category: 'Critical',
          reason: 'NotFound',
          message: 'The `plan` is not valid.',
        });
      } else if (!snapshot && !holds(plan.status?.conditions, 'Ready')) {
        stage.set({
          type: 'PlanNotReady',
          category: 'Critical',
          message: 'The referenced `plan` does not have a `Ready` condition.',
        });
      }
      if (snapshot) {
        mirror(snapshot, status, stage, now());
        // The plan's VM statuses belong to its latest run.
        if (history.at(-1) === snapshot) status.vms = plan?.status?.migration?.vms ?? [];
      }
      if (!stage.hasBlocker())
        stage.set({ type: 'Ready', category: 'Required', message: 'The migration is ready.' });
      status.conditions = stage.end();
      await writeStatus(custom, MigrationModel, migration, status);
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    return {};
  };
