// What the Upload local OVA files section checks and shows before and while it sends a file; the
// BFF checks everything again (apps/bff/src/ova/upload-routes.ts) and says why it refuses.

/** Why this file cannot be uploaded, or undefined when it can be sent. */
export const ovaFileProblem = (
  file: { name: string; size: number },
  t: (text: string) => string,
): string | undefined => {
  if (!file.name.toLowerCase().endsWith('.ova')) {
    return t('The uploaded file name extension should be .ova');
  }
  if (file.name.startsWith('.')) return t('The file name must not start with a dot');
  if (file.size === 0) return t('The file is empty');
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
