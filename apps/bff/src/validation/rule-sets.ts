// The rule set of each provider type that has one, so callers validate any workload by its
// provider's type. A new provider type's rules are one entry here.
import type { Concern } from '@forklift-console/api';
import { OVA_RULES_VERSION, validateOvaWorkload, type OvaWorkload } from './ova.ts';
import { validateVsphereWorkload, VSPHERE_RULES_VERSION, type VsphereWorkload } from './vsphere.ts';

/** Any JSON object: a workload as the inventory holds it, or part of one. */
export type WorkloadDocument = Record<string, unknown>;

type RuleSet = {
  rulesVersion: number;
  validate: (workload: WorkloadDocument) => Concern[];
};

// The rules read each field only when it has the type they need (see objectsIn), as Rego does,
// so any JSON object can be judged by them: a field of another type just makes its rule not fire.
const RULE_SETS: Record<string, RuleSet> = {
  vsphere: {
    rulesVersion: VSPHERE_RULES_VERSION,
    validate: (workload) => validateVsphereWorkload(workload as VsphereWorkload),
  },
  ova: {
    rulesVersion: OVA_RULES_VERSION,
    validate: (workload) => validateOvaWorkload(workload as OvaWorkload),
  },
};

/** The provider types whose VMs can be validated. */
export const VALIDATED_PROVIDER_TYPES: readonly string[] = Object.keys(RULE_SETS);

/**
 * Validates a workload, whole or partial, with its provider type's rules, as Forklift's policy
 * agent does: a rule whose fields are absent does not fire. Undefined when the type has no rules.
 */
export const validateWorkload = (
  providerType: string,
  workload: WorkloadDocument,
): { rulesVersion: number; concerns: Concern[] } | undefined => {
  const ruleSet = Object.hasOwn(RULE_SETS, providerType) ? RULE_SETS[providerType] : undefined;
  if (!ruleSet) return undefined;
  return { rulesVersion: ruleSet.rulesVersion, concerns: ruleSet.validate(workload) };
};
