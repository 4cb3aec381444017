import type { ForkliftSetting, SettingValue } from '@forklift-console/api';

/**
 * A value as the Settings tab shows it, with its unit or its label: "60 min", "500m", "Enabled".
 * `translate` gets only the labels; values and units read the same in every language.
 */
export const formatSettingValue = (
  setting: ForkliftSetting,
  value: SettingValue,
  translate: (label: string) => string,
): string => {
  const label = setting.optionLabels?.[String(value)];
  if (label) return translate(label);
  return setting.unit ? `${value} ${setting.unit}` : String(value);
};
