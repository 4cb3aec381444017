// Labels every object the execution creates carries besides what the builders put there, so that
// a pass after a crash finds it again by selector (reference engine.md §8.1), and the role that
// tells a VM's Secrets apart.
import type { KubernetesObject } from '@kubernetes/client-node';
import type { RunContext } from './context.ts';

export const ROLE_LABEL = 'forklift.konveyor.io/role';

export type Role = 'datavolume-secret' | 'conversion-secret' | 'hook-config' | 'ova-share';

/** `plan`, `plan-name`, `plan-namespace`: what the plan's objects of every run carry. */
export const planLabels = (run: RunContext): Record<string, string> => ({
  plan: run.plan.metadata?.uid ?? '',
  'plan-name': run.plan.metadata?.name ?? '',
  'plan-namespace': run.plan.metadata?.namespace ?? '',
});

/** `migration`, `plan`, `plan-name`, `plan-namespace` and, for a VM's object, `vmID`. */
export const executionLabels = (run: RunContext, vmId?: string): Record<string, string> => ({
  migration: run.migration.metadata?.uid ?? '',
  ...planLabels(run),
  ...(vmId ? { vmID: vmId } : {}),
});

/**
 * The object with the execution's labels added (a builder's own labels are kept), in `namespace`
 * when the builder named none.
 */
export const labelled = <T extends KubernetesObject>(
  object: T,
  labels: Record<string, string>,
  namespace?: string,
): T => ({
  ...object,
  metadata: {
    ...object.metadata,
    ...(namespace && !object.metadata?.namespace ? { namespace } : {}),
    labels: { ...object.metadata?.labels, ...labels },
  },
});
