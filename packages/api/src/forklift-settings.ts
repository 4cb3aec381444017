// The settings administrators tune on the Overview page, each a ForkliftController `spec` key. The
// UI form and the BFF's validation both read this table, so they cannot disagree.
import { isNetworkName } from './naming.ts';

export type SettingValue = number | string;

export type ForkliftSetting = {
  key: string;
  label: string;
  /** What the migration service uses while the key is unset. */
  defaultValue: SettingValue | undefined;
  /** How the default reads when it is not a value (e.g. "Default network"). */
  defaultLabel?: string;
  control: 'number' | 'select' | 'network';
  options?: readonly SettingValue[];
  /** How options read when their value is not words (feature gates are "true"/"false"). */
  optionLabels?: Readonly<Record<string, string>>;
  unit?: string;
  minimum?: number;
};

export const FORKLIFT_SETTINGS: readonly ForkliftSetting[] = [
  {
    key: 'controller_max_vm_inflight',
    label: 'Maximum concurrent VM migrations',
    defaultValue: 20,
    control: 'number',
    minimum: 1,
  },
  {
    key: 'controller_container_limits_cpu',
    label: 'Controller main container CPU limit',
    defaultValue: '500m',
    control: 'select',
    options: ['200m', '500m', '2000m', '8000m'],
  },
  {
    key: 'controller_container_limits_memory',
    label: 'Controller main container memory limit',
    defaultValue: '800Mi',
    control: 'select',
    options: ['200Mi', '800Mi', '2000Mi', '8000Mi'],
  },
  {
    key: 'inventory_container_limits_memory',
    label: 'Controller inventory container memory limit',
    defaultValue: '1000Mi',
    control: 'select',
    options: ['400Mi', '1000Mi', '2000Mi', '8000Mi'],
  },
  {
    key: 'controller_precopy_interval',
    label: 'Precopy interval (minutes)',
    defaultValue: 60,
    control: 'select',
    options: [5, 30, 60, 120],
    unit: 'min',
  },
  {
    key: 'controller_snapshot_status_check_rate_seconds',
    label: 'Snapshot polling interval',
    defaultValue: 10,
    control: 'select',
    options: [1, 5, 10, 60],
    unit: 's',
  },
  {
    key: 'controller_transfer_network',
    label: 'Controller transfer network',
    defaultValue: undefined,
    defaultLabel: 'Default network',
    control: 'network',
  },
  {
    key: 'feature_ova_appliance_management',
    label: 'OVA file upload from the console',
    // The ForkliftController CRD's own default.
    defaultValue: 'true',
    control: 'select',
    options: ['true', 'false'],
    optionLabels: { true: 'Enabled', false: 'Disabled' },
  },
];

/** A change per key: a value to set, or null for "back to the default" (the key is removed). */
export type SettingsChanges = Record<string, SettingValue | null>;

export type JsonPatchOperation =
  { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

/** Why a value cannot be saved for this setting, or undefined when it can. */
export const settingValueError = (setting: ForkliftSetting, value: unknown): string | undefined => {
  switch (setting.control) {
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'Enter a whole number.';
      if (setting.minimum !== undefined && value < setting.minimum) {
        return `Enter a number of at least ${setting.minimum}.`;
      }
      return undefined;
    case 'select':
      return setting.options?.includes(value as SettingValue)
        ? undefined
        : `Choose one of ${setting.options?.join(', ')}.`;
    case 'network':
      return typeof value === 'string' && isNetworkName(value)
        ? undefined
        : 'Choose a network attachment definition as namespace/name.';
  }
};

/**
 * The JSON patch for the changes that differ from the stored spec: choosing the default removes
 * the key, so the resource says only what the administrator chose. Naming the resourceVersion the
 * form was read at makes the API server answer 409 Conflict instead of overwriting a change made
 * meanwhile.
 */
export const settingsPatch = (
  spec: Record<string, unknown>,
  changes: SettingsChanges,
  resourceVersion: string,
): JsonPatchOperation[] => {
  const operations: JsonPatchOperation[] = [];
  for (const setting of FORKLIFT_SETTINGS) {
    if (!(setting.key in changes)) continue;
    const wanted = changes[setting.key] ?? undefined;
    const path = `/spec/${setting.key}`;
    const stored = spec[setting.key];
    const backToDefault = wanted === undefined || wanted === setting.defaultValue;
    if (backToDefault) {
      if (stored !== undefined) operations.push({ op: 'remove', path });
    } else if (stored !== wanted) {
      operations.push({ op: stored === undefined ? 'add' : 'replace', path, value: wanted });
    }
  }
  if (operations.length === 0) return [];
  return [
    { op: 'replace', path: '/metadata/resourceVersion', value: resourceVersion },
    ...operations,
  ];
};
