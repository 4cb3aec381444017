// One row of the plans list: what each column shows, read once per plan so that filtering,
// sorting and rendering 5,000 rows never walk a Plan again.
import {
  isMigrationFinished,
  isPlanRunning,
  type Migration,
  type Plan,
  type Provider,
} from '@forklift-console/api';
import { planStatusFacts, type PlanStatusFacts } from '../../utils/plan-status-facts.ts';

export type PlanMigrationType = 'cold' | 'warm' | 'live' | 'conversion';

export type PlanRow = PlanStatusFacts & {
  key: string;
  name: string;
  namespace: string;
  description: string;
  sourceProvider?: { name: string; namespace: string; type?: string };
  targetNamespace: string;
  vmCount: number;
  migrationType: PlanMigrationType;
  /** RFC 3339; when the latest migration started, if one has. */
  started?: string;
  isRunning: boolean;
  /** Lower-cased name, project, source, target and description: what the text filter searches. */
  searchText: string;
  plan: Plan;
};

/** Forklift reads the older `spec.warm` when `spec.type` is absent. */
export const planMigrationType = (plan: Plan): PlanMigrationType =>
  plan.spec?.type ?? (plan.spec?.warm ? 'warm' : 'cold');

const providerKey = (namespace: string | undefined, name: string | undefined) =>
  `${namespace ?? ''}/${name ?? ''}`;

/** The unfinished Migrations by the plan they name, so that each row looks at its own only. */
const unfinishedByPlan = (migrations: readonly Migration[]): Map<string, Migration[]> => {
  const byPlan = new Map<string, Migration[]>();
  for (const migration of migrations) {
    if (isMigrationFinished(migration)) continue;
    const ref = migration.spec?.plan;
    const key = providerKey(ref?.namespace || migration.metadata?.namespace, ref?.name);
    byPlan.set(key, [...(byPlan.get(key) ?? []), migration]);
  }
  return byPlan;
};

export const planRows = (
  plans: readonly Plan[],
  providers: readonly Provider[],
  migrations: readonly Migration[] = [],
): PlanRow[] => {
  const migrationsByPlan = unfinishedByPlan(migrations);
  const providerTypes = new Map(
    providers.map((provider) => [
      providerKey(provider.metadata?.namespace, provider.metadata?.name),
      provider.spec?.type,
    ]),
  );
  return plans.map((plan) => {
    const name = plan.metadata?.name ?? '';
    const namespace = plan.metadata?.namespace ?? '';
    const source = plan.spec?.provider.source;
    const sourceNamespace = source?.namespace || namespace;
    const sourceProvider = source?.name
      ? {
          name: source.name,
          namespace: sourceNamespace,
          type: providerTypes.get(providerKey(sourceNamespace, source.name)),
        }
      : undefined;
    const description = plan.spec?.description ?? '';
    const targetNamespace = plan.spec?.targetNamespace ?? '';
    const facts = planStatusFacts(plan, migrationsByPlan.get(providerKey(namespace, name)) ?? []);
    return {
      ...facts,
      key: plan.metadata?.uid ?? `${namespace}/${name}`,
      name,
      namespace,
      description,
      sourceProvider,
      targetNamespace,
      vmCount: plan.spec?.vms.length ?? 0,
      migrationType: planMigrationType(plan),
      started: plan.status?.migration?.started,
      isRunning: isPlanRunning(facts.status),
      searchText: [name, namespace, sourceProvider?.name ?? '', targetNamespace, description]
        .join('\n')
        .toLowerCase(),
      plan,
    };
  });
};
