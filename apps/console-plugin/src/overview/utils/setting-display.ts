import type { ForkliftSetting, SettingValue } from '@forklift-console/api';

/** A value as the Settings tab shows it, with its unit: "60 min", "10 s", "500m". */
export const formatSettingValue = (setting: ForkliftSetting, value: SettingValue): string =>
  setting.unit ? `${value} ${setting.unit}` : String(value);
