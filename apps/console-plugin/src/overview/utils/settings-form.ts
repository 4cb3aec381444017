// The Settings form as plain data: what it starts from, what changed, and what stops a save.
import {
  FORKLIFT_SETTINGS,
  settingValueError,
  type SettingValue,
  type SettingsChanges,
} from '@forklift-console/api';

/** One entry per setting; undefined means "use the default" (the key is unset). */
export type SettingsValues = Record<string, SettingValue | undefined>;

export const initialSettingsValues = (spec: Record<string, unknown> = {}): SettingsValues =>
  Object.fromEntries(
    FORKLIFT_SETTINGS.map(({ key }) => {
      const value = spec[key];
      return [key, typeof value === 'number' || typeof value === 'string' ? value : undefined];
    }),
  );

export const defaultSettingsValues = (): SettingsValues =>
  Object.fromEntries(FORKLIFT_SETTINGS.map(({ key }) => [key, undefined]));

/** The keys whose meaning changed; a value equal to the default counts as the default. */
export const settingsChanges = (
  initial: SettingsValues,
  current: SettingsValues,
): SettingsChanges => {
  const changes: SettingsChanges = {};
  for (const setting of FORKLIFT_SETTINGS) {
    const normalise = (value: SettingValue | undefined) =>
      value === undefined || value === setting.defaultValue ? null : value;
    const before = normalise(initial[setting.key]);
    const after = normalise(current[setting.key]);
    if (before !== after) changes[setting.key] = after;
  }
  return changes;
};

/** Why each changed setting cannot be saved; unchanged stored values are not the user's doing. */
export const settingsErrors = (
  initial: SettingsValues,
  current: SettingsValues,
): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(settingsChanges(initial, current))) {
    const setting = FORKLIFT_SETTINGS.find((candidate) => candidate.key === key);
    const error = setting && value !== null ? settingValueError(setting, value) : undefined;
    if (error) errors[key] = error;
  }
  return errors;
};
