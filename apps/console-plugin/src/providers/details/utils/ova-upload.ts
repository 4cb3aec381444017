// What the Upload local OVA files section checks and shows before and while it sends a file; the
// BFF checks everything again (apps/bff/src/ova/upload-routes.ts) and says why it refuses.
import { formatBytes } from '../../../utils/vm-table.ts';

/**
 * Why this file cannot be uploaded, or undefined when it can be sent. `maxFileBytes` is the BFF's
 * cap, unknown until it has answered.
 */
export const ovaFileProblem = (
  file: { name: string; size: number },
  maxFileBytes: number | undefined,
  t: (text: string, options?: Record<string, string>) => string,
): string | undefined => {
  if (!file.name.toLowerCase().endsWith('.ova')) {
    return t('The uploaded file name extension should be .ova');
  }
  if (file.name.startsWith('.')) return t('The file name must not start with a dot');
  if (file.size === 0) return t('The file is empty');
  if (maxFileBytes !== undefined && file.size > maxFileBytes) {
    return t('The file is larger than the {{size}} this console accepts', {
      size: formatBytes(maxFileBytes),
    });
  }
  return undefined;
};

/** Whole percent sent, never 100 before the last byte. */
export const uploadPercent = (loaded: number, total: number): number =>
  total <= 0 ? 0 : loaded >= total ? 100 : Math.min(99, Math.floor((loaded / total) * 100));

/**
 * Upload state of an OVA provider: `enabled` when the controller confirmed both switches, `off`
 * when the provider asks for it but the controller says it is not on, `not-requested` otherwise.
 */
export const applianceManagementState = (
  settings: Record<string, string> | undefined,
  conditions: readonly { type?: string; status?: string }[] | undefined,
): 'enabled' | 'off' | 'not-requested' => {
  if (settings?.applianceManagement !== 'true') return 'not-requested';
  const enabled = conditions?.some(
    ({ type, status }) => type === 'ApplianceManagementEnabled' && status === 'True',
  );
  return enabled ? 'enabled' : 'off';
};
