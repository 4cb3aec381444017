// Cancel of some or all VMs: their ids join the active Migration's `spec.cancel`, which the engine
// reads on its next pass (reference engine.md §7.1). Ids already there stay: the write carries
// the resourceVersion it read, so a concurrent cancel is merged on a retry, never overwritten.
import type { KubeConfig } from '@kubernetes/client-node';
import {
  activeMigration,
  isVmCancelable,
  MigrationModel,
  PlanModel,
  type Migration,
  type Plan,
} from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';
import { migrationsOf } from './start-migration.ts';

export type CancelRequest = { vms: { id: string }[] } | { all: true };

/** Why nothing can be canceled (409), or which id is not the plan's (400). */
export class MigrationCancelRefusal extends Error {
  readonly statusCode: 400 | 409;

  constructor(statusCode: 400 | 409, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

const ATTEMPTS = 5;

/** The ids to cancel: those asked for (each must be one of the plan's VMs), or every unfinished one. */
const idsToCancel = (plan: Plan, request: CancelRequest): string[] => {
  const statuses = plan.status?.migration?.vms ?? [];
  if ('all' in request) {
    const specIds = (plan.spec?.vms ?? []).flatMap((vm) => (vm.id ? [vm.id] : []));
    const finished = new Set(statuses.filter((vm) => !isVmCancelable(vm)).map((vm) => vm.id ?? ''));
    return specIds.filter((id) => !finished.has(id));
  }
  // A spec VM named without its id is resolved by the engine through the inventory; its id
  // cannot be checked here, so such a plan takes any id.
  if ((plan.spec?.vms ?? []).some((vm) => !vm.id)) return request.vms.map(({ id }) => id);
  const known = new Set([
    ...(plan.spec?.vms ?? []).map((vm) => vm.id),
    ...statuses.map((vm) => vm.id),
  ]);
  request.vms.forEach(({ id }, index) => {
    if (!known.has(id)) {
      throw new MigrationCancelRefusal(400, `vms[${index}].id: ${id} is not a VM of the plan`);
    }
  });
  return request.vms.map(({ id }) => id);
};

const isConflict = (error: unknown) => toKubeFailure(error)?.statusCode === 409;

export const cancelMigrationVms = async (
  kubeConfig: KubeConfig,
  key: ObjectKey,
  request: CancelRequest,
): Promise<Migration> => {
  const plan = await objectsOf<Plan>(kubeConfig, PlanModel).get(key);
  const ids = idsToCancel(plan, request);
  const migrations = objectsOf<Migration>(kubeConfig, MigrationModel);
  for (let attempt = 1; ; attempt++) {
    const migration = activeMigration(plan, await migrationsOf(kubeConfig, key.namespace));
    if (!migration) {
      throw new MigrationCancelRefusal(409, `No migration of the plan ${key.name} is running`);
    }
    const cancel = migration.spec?.cancel ?? [];
    const present = new Set(cancel.map((ref) => ref.id));
    const added = [...new Set(ids)].filter((id) => !present.has(id));
    if (added.length === 0) return migration;
    try {
      return await migrations.mergePatch(
        { namespace: key.namespace, name: migration.metadata?.name ?? '' },
        {
          metadata: { resourceVersion: migration.metadata?.resourceVersion },
          spec: { cancel: [...cancel, ...added.map((id) => ({ id }))] },
        },
      );
    } catch (error) {
      if (!isConflict(error) || attempt >= ATTEMPTS) throw error;
    }
  }
};
