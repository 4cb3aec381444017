// The wizard's state as plain data, each step's rules and the create-plan request it becomes.
// Free of React so that every rule is tested; the steps and the footer read the errors from here.
import {
  DEFAULT_HOOK_RUNNER_IMAGE,
  MAX_DECRYPTION_PASSPHRASES,
  dns1123SubdomainError,
  previewTargetName,
  targetNameError,
} from '@forklift-console/api';
import type { VmUsage } from '../../../utils/map-inventory.ts';

export type MigrationType = 'cold' | 'warm' | 'live';
export type MapMode = 'existing' | 'new';
export type DiskDecryptionMode = 'passphrases' | 'secret';
export type TargetPowerState = 'auto' | 'on' | 'off';

export type HookForm = {
  enabled: boolean;
  image: string;
  serviceAccount: string;
  /** The playbook as YAML text; the request carries it in base64, as the Hook stores it. */
  playbook: string;
};

/**
 * One selected VM: what its `spec.vms[]` entry is made of, and what the later steps read of it,
 * kept here because a new query may leave it out of the table while it stays selected.
 */
export type SelectedVm = {
  id: string;
  name: string;
  criticalConcerns: number;
  /** vSphere's changed block tracking, which warm migration needs; undefined when unknown. */
  changeTracking?: boolean;
  usage?: VmUsage;
};

export type MapChoiceForm = { mode: MapMode; existing: string; newName: string };

export type PlanForm = {
  name: string;
  namespace: string;
  description: string;
  /** Providers by `namespace/name`. */
  sourceProvider: string;
  targetProvider: string;
  targetNamespace: string;
  /** The selected VMs by id, in the order they were chosen. */
  vms: ReadonlyMap<string, SelectedVm>;
  /** Target names the user typed, by VM id. */
  targetNames: Readonly<Record<string, string>>;
  networkMap: MapChoiceForm;
  storageMap: MapChoiceForm;
  migrationType: MigrationType;
  nbde: boolean;
  diskDecryption: DiskDecryptionMode;
  passphrases: readonly string[];
  decryptionSecret: string;
  /** A NAD as `namespace/name`, or '' for the target provider's default. */
  transferNetwork: string;
  preserveStaticIPs: boolean;
  rootDevice: string;
  migrateSharedDisks: boolean;
  targetPowerState: TargetPowerState;
  /** Instance types by VM id; absent means none. */
  instanceTypes: Readonly<Record<string, string>>;
  preHook: HookForm;
  postHook: HookForm;
};

const noHook: HookForm = {
  enabled: false,
  image: DEFAULT_HOOK_RUNNER_IMAGE,
  serviceAccount: '',
  playbook: '',
};

export const emptyPlanForm = (namespace: string): PlanForm => ({
  name: '',
  namespace,
  description: '',
  sourceProvider: '',
  targetProvider: '',
  targetNamespace: '',
  vms: new Map(),
  targetNames: {},
  networkMap: { mode: 'new', existing: '', newName: '' },
  storageMap: { mode: 'new', existing: '', newName: '' },
  migrationType: 'cold',
  nbde: false,
  diskDecryption: 'passphrases',
  passphrases: [''],
  decryptionSecret: '',
  transferNetwork: '',
  preserveStaticIPs: true,
  rootDevice: '',
  migrateSharedDisks: true,
  targetPowerState: 'auto',
  instanceTypes: {},
  preHook: noHook,
  postHook: noHook,
});

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type FieldErrors = Record<string, string>;

/** General: a DNS-1123 plan name no plan in any project has, a project, both providers, a target project. */
export const generalErrors = (
  form: PlanForm,
  takenPlanNames: ReadonlySet<string>,
  t: Translate,
): FieldErrors => {
  const errors: FieldErrors = {};
  const nameError = dns1123SubdomainError(form.name);
  if (!form.name) errors.name = t('Plan name is required.');
  else if (nameError) errors.name = t('The name {{problem}}', { problem: nameError });
  else if (takenPlanNames.has(form.name)) {
    errors.name = t('Plan name must be unique across all namespaces.');
  }
  if (!form.namespace) errors.namespace = t('Choose a project');
  if (!form.sourceProvider) errors.sourceProvider = t('Choose a source provider');
  if (!form.targetProvider) errors.targetProvider = t('Choose a target provider');
  if (!form.targetNamespace) errors.targetNamespace = t('Choose a target project');
  else if (dns1123SubdomainError(form.targetNamespace)) {
    errors.targetNamespace = t('A project name is lower case letters, digits and "-".');
  }
  return errors;
};

/** Each selected VM's target name: the one typed, else the source name or the engine's rename. */
export const targetNamesOf = (form: Pick<PlanForm, 'vms' | 'targetNames'>) =>
  [...form.vms.values()].map((vm) => ({
    vm,
    preview: previewTargetName(vm.name, form.targetNames[vm.id]),
  }));

/** Virtual machines: at least one, and target names that are valid and distinct within the plan. */
export const vmsErrors = (form: PlanForm, t: Translate): FieldErrors => {
  const errors: FieldErrors = {};
  if (form.vms.size === 0) errors.vms = t('Must select at least 1 VM.');
  const seen = new Map<string, string>();
  for (const { vm, preview } of targetNamesOf(form)) {
    const invalid = preview.source === 'chosen' ? targetNameError(preview.name) : undefined;
    if (invalid) {
      errors[`targetName:${vm.id}`] = t('The target name {{problem}}', { problem: invalid });
    } else if (seen.has(preview.name)) {
      errors[`targetName:${vm.id}`] = t('{{name}} is also the target name of {{other}}', {
        name: preview.name,
        other: seen.get(preview.name),
      });
    }
    seen.set(preview.name, vm.name);
  }
  return errors;
};

/**
 * A map step: an existing map chosen, or new rows that the kind finds complete, with every
 * source the selected VMs use mapped, and an optional name that is DNS-1123.
 */
export const mapChoiceErrors = (
  choice: MapChoiceForm,
  rows: { complete: boolean; count: number; unmapped: readonly string[] },
  t: Translate,
): FieldErrors => {
  if (choice.mode === 'existing') {
    return choice.existing ? {} : { existing: t('Choose a map') };
  }
  const errors: FieldErrors = {};
  if (rows.count === 0) errors.rows = t('At least one mapping must be provided.');
  else if (!rows.complete) errors.rows = t('Complete or remove the incomplete mappings.');
  else if (rows.unmapped.length > 0) {
    errors.rows = t('Not mapped yet, used by the selected VMs: {{sources}}', {
      sources: rows.unmapped.join(', '),
    });
  }
  const nameError = choice.newName ? dns1123SubdomainError(choice.newName) : undefined;
  if (nameError) errors.newName = t('The name {{problem}}', { problem: nameError });
  return errors;
};

/** Other settings: passphrases or a Secret when decrypting without NBDE. */
export const otherSettingsErrors = (
  form: PlanForm,
  isVsphere: boolean,
  t: Translate,
): FieldErrors => {
  if (!isVsphere || form.nbde) return {};
  if (form.diskDecryption === 'secret') {
    return form.decryptionSecret ? {} : { decryptionSecret: t('Choose a Secret') };
  }
  if (form.passphrases.length > MAX_DECRYPTION_PASSPHRASES) {
    return { passphrases: t('At most 20 passphrases.') };
  }
  return {};
};

const hookErrors = (hook: HookForm, prefix: string, t: Translate): FieldErrors => {
  if (!hook.enabled) return {};
  const errors: FieldErrors = {};
  if (!hook.image.trim()) errors[`${prefix}.image`] = t('Hook runner image is required.');
  const accountError = hook.serviceAccount ? dns1123SubdomainError(hook.serviceAccount) : undefined;
  if (accountError) {
    errors[`${prefix}.serviceAccount`] = t('The service account {{problem}}', {
      problem: accountError,
    });
  }
  return errors;
};

export const hooksErrors = (form: PlanForm, t: Translate): FieldErrors => ({
  ...hookErrors(form.preHook, 'preHook', t),
  ...hookErrors(form.postHook, 'postHook', t),
});
