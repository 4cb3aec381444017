// One row of the plans list: what each column shows, read once per plan so that filtering,
// sorting and rendering 5,000 rows never walk a Plan again.
import {
  isPlanRunning,
  planMigrationStatus,
  type Plan,
  type PlanMigrationStatus,
  type Provider,
} from '@forklift-console/api';

export type PlanMigrationType = 'cold' | 'warm' | 'live' | 'conversion';

export type PlanRow = {
  key: string;
  name: string;
  namespace: string;
  description: string;
  sourceProvider?: { name: string; namespace: string; type?: string };
  targetNamespace: string;
  vmCount: number;
  status: PlanMigrationStatus;
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

export const planRows = (plans: readonly Plan[], providers: readonly Provider[]): PlanRow[] => {
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
    const status = planMigrationStatus(plan);
    return {
      key: plan.metadata?.uid ?? `${namespace}/${name}`,
      name,
      namespace,
      description,
      sourceProvider,
      targetNamespace,
      vmCount: plan.spec?.vms.length ?? 0,
      status,
      migrationType: planMigrationType(plan),
      started: plan.status?.migration?.started,
      isRunning: isPlanRunning(status),
      searchText: [name, namespace, sourceProvider?.name ?? '', targetNamespace, description]
        .join('\n')
        .toLowerCase(),
      plan,
    };
  });
};
