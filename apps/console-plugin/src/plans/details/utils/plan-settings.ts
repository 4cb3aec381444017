// The plan settings the Details tab shows and edits (reference ui.md §2.7 "Plan settings"): which
// apply to a plan's source provider type, the value a modal starts from, and the spec patch its
// Save sends (PATCH /api/v1/namespaces/<ns>/plans/<name>).
import type { Plan } from '@forklift-console/api';

export type PlanSettingKey =
  | 'description'
  | 'targetNamespace'
  | 'type'
  | 'targetPowerState'
  | 'transferNetwork'
  | 'preserveStaticIPs'
  | 'rootDisk'
  | 'diskDecryption'
  | 'migrateSharedDisks'
  | 'pvcNameTemplate'
  | 'volumeNameTemplate'
  | 'networkNameTemplate'
  | 'preserveClusterCpuModel'
  | 'xfsCompatibility'
  | 'skipGuestConversion'
  | 'useCompatibilityMode'
  | 'targetLabels'
  | 'targetNodeSelector'
  | 'convertorLabels'
  | 'convertorNodeSelector';

/** How a setting is edited: its modal's control. */
export type PlanSettingControl =
  'text' | 'textarea' | 'switch' | 'select' | 'keyValues' | 'transferNetwork' | 'diskDecryption';

const VSPHERE_ONLY = new Set<PlanSettingKey>([
  'preserveStaticIPs',
  'rootDisk',
  'diskDecryption',
  'migrateSharedDisks',
  'pvcNameTemplate',
  'volumeNameTemplate',
  'networkNameTemplate',
  'xfsCompatibility',
  'skipGuestConversion',
  'useCompatibilityMode',
  'convertorLabels',
  'convertorNodeSelector',
]);

/** The migration types each source type supports; only those with a choice show the setting. */
export const MIGRATION_TYPES_BY_SOURCE: Record<string, readonly string[]> = {
  vsphere: ['cold', 'warm'],
  ovirt: ['cold', 'warm'],
};

/** Whether `key` applies to plans from a `sourceType` provider migrated as `migrationType`. */
export const settingApplies = (
  key: PlanSettingKey,
  sourceType: string | undefined,
  migrationType?: string,
): boolean => {
  // A live migration moves the running VM between clusters: no importer pods to place.
  if (key === 'transferNetwork') return migrationType !== 'live';
  if (VSPHERE_ONLY.has(key)) return sourceType === 'vsphere';
  if (key === 'preserveClusterCpuModel') return sourceType === 'ovirt';
  if (key === 'type') return (MIGRATION_TYPES_BY_SOURCE[sourceType ?? ''] ?? []).length > 1;
  return true;
};

/** A setting as its modal holds it. */
export type SettingValue =
  | { kind: 'text'; text: string }
  | { kind: 'switch'; on: boolean }
  | { kind: 'keyValues'; text: string }
  | { kind: 'transferNetwork'; ref: string }
  | { kind: 'diskDecryption'; nbde: boolean; secretName: string };

type Spec = NonNullable<Plan['spec']>;

// Forklift's CRD defaults: a field left unset behaves as these.
const SWITCH_DEFAULTS: Partial<Record<PlanSettingKey, boolean>> = {
  preserveStaticIPs: true,
  migrateSharedDisks: true,
  useCompatibilityMode: true,
};

const SWITCHES = new Set<PlanSettingKey>([
  'preserveStaticIPs',
  'migrateSharedDisks',
  'preserveClusterCpuModel',
  'xfsCompatibility',
  'skipGuestConversion',
  'useCompatibilityMode',
]);

const KEY_VALUES = new Set<PlanSettingKey>([
  'targetLabels',
  'targetNodeSelector',
  'convertorLabels',
  'convertorNodeSelector',
]);

/** `key=value` lines of a labels or node selector map. */
export const keyValuesText = (map: Record<string, string> | undefined): string =>
  Object.entries(map ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');

/** The map a `key=value` text stands for, or the line that is not of that form. */
export const parseKeyValues = (
  text: string,
): { map: Record<string, string> } | { error: string } => {
  const map: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    const at = line.indexOf('=');
    if (at <= 0) return { error: `"${line}" is not of the form key=value` };
    map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { map };
};

/** The value every VM shares for a per-VM field, '' when none is set, undefined when they differ. */
export const sharedVmValue = (
  spec: Spec | undefined,
  read: (vm: Spec['vms'][number]) => string,
): string | undefined => {
  const values = new Set((spec?.vms ?? []).map(read));
  if (values.size > 1) return undefined;
  return [...values][0] ?? '';
};

export const settingValue = (plan: Plan, key: PlanSettingKey): SettingValue => {
  const spec = plan.spec;
  if (SWITCHES.has(key)) {
    const stored = spec?.[key as keyof Spec] as boolean | undefined;
    return { kind: 'switch', on: stored ?? SWITCH_DEFAULTS[key] ?? false };
  }
  if (KEY_VALUES.has(key)) {
    return {
      kind: 'keyValues',
      text: keyValuesText(spec?.[key as keyof Spec] as Record<string, string> | undefined),
    };
  }
  switch (key) {
    case 'transferNetwork': {
      const ref = spec?.transferNetwork;
      return {
        kind: 'transferNetwork',
        ref: ref?.name ? `${ref.namespace ?? ''}/${ref.name}` : '',
      };
    }
    case 'type':
      return { kind: 'text', text: spec?.type ?? (spec?.warm ? 'warm' : 'cold') };
    case 'rootDisk':
      return { kind: 'text', text: sharedVmValue(spec, (vm) => vm.rootDisk ?? '') ?? '' };
    case 'diskDecryption':
      return {
        kind: 'diskDecryption',
        nbde: sharedVmValue(spec, (vm) => String(vm.nbdeClevis ?? false)) === 'true',
        secretName: sharedVmValue(spec, (vm) => vm.luks?.name ?? '') ?? '',
      };
    default:
      return { kind: 'text', text: (spec?.[key as keyof Spec] as string | undefined) ?? '' };
  }
};

/** Why a value cannot be saved, or undefined. */
export const settingValueError = (key: PlanSettingKey, value: SettingValue): string | undefined => {
  if (value.kind === 'keyValues') {
    const parsed = parseKeyValues(value.text);
    return 'error' in parsed ? parsed.error : undefined;
  }
  if (key === 'targetNamespace' && value.kind === 'text') {
    return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value.text)
      ? undefined
      : 'The target project must be a lowercase DNS-1123 label';
  }
  return undefined;
};

/** The spec patch that stores `value`; `null` removes a field (the CRD default applies). */
export const settingPatch = (
  plan: Plan,
  key: PlanSettingKey,
  value: SettingValue,
): Record<string, unknown> => {
  const vms = plan.spec?.vms ?? [];
  switch (value.kind) {
    case 'switch':
      return { [key]: value.on };
    case 'keyValues': {
      const parsed = parseKeyValues(value.text);
      const map = 'map' in parsed ? parsed.map : {};
      return { [key]: Object.keys(map).length > 0 ? map : null };
    }
    case 'transferNetwork': {
      if (value.ref === '') return { transferNetwork: null };
      const [namespace = '', name = ''] = value.ref.split('/');
      return { transferNetwork: { namespace, name } };
    }
    case 'diskDecryption':
      return {
        vms: vms.map(({ luks: _luks, nbdeClevis: _nbde, ...vm }) => ({
          ...vm,
          ...(value.nbde ? { nbdeClevis: true } : {}),
          ...(!value.nbde && value.secretName ? { luks: { name: value.secretName } } : {}),
        })),
      };
    case 'text': {
      const text = value.text.trim();
      if (key === 'rootDisk') {
        return {
          vms: vms.map(({ rootDisk: _root, ...vm }) => (text ? { ...vm, rootDisk: text } : vm)),
        };
      }
      // `warm` is deprecated; `type` supersedes it, so the two cannot disagree.
      if (key === 'type') return { type: text, warm: null };
      return { [key]: text === '' && key !== 'targetNamespace' ? null : text };
    }
  }
};
