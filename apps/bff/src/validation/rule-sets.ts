// The rule set of each provider type that has one, so callers validate any workload by its
// provider's type. A new provider type's rules are one entry here.
import type { Concern } from '@forklift-console/api';
import { OVA_RULES_VERSION, validateOvaWorkload } from './ova.ts';
import { validateVsphereWorkload, VSPHERE_RULES_VERSION } from './vsphere.ts';

type RuleSet = {
  rulesVersion: number;
  validate: (workload: { name: string }) => Concern[];
};

const RULE_SETS: Record<string, RuleSet> = {
  vsphere: { rulesVersion: VSPHERE_RULES_VERSION, validate: validateVsphereWorkload },
  ova: { rulesVersion: OVA_RULES_VERSION, validate: validateOvaWorkload },
};

/** The provider types whose VMs can be validated. */
export const VALIDATED_PROVIDER_TYPES: readonly string[] = Object.keys(RULE_SETS);

/** Forklift's policy answers with this error when the input has no string `name`. */
export const NO_VM_NAME = 'No VM name found in input body';

const isNamed = (workload: unknown): workload is { name: string } =>
  typeof workload === 'object' &&
  workload !== null &&
  typeof (workload as { name?: unknown }).name === 'string';

/**
 * Validates a workload with its provider type's rules; undefined when the type has none. Throws
 * a TypeError when the workload is not an object with a string `name`, which Forklift's policy
 * refuses too.
 */
export const validateWorkload = (
  providerType: string,
  workload: unknown,
): { rulesVersion: number; concerns: Concern[] } | undefined => {
  const ruleSet = Object.hasOwn(RULE_SETS, providerType) ? RULE_SETS[providerType] : undefined;
  if (!ruleSet) return undefined;
  if (!isNamed(workload)) throw new TypeError(NO_VM_NAME);
  return { rulesVersion: ruleSet.rulesVersion, concerns: ruleSet.validate(workload) };
};
