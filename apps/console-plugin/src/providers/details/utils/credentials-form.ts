// The Edit credentials form as plain data: the fields each provider type's Secret holds (the keys
// Forklift reads, as the create form writes them), what makes them valid, and the Secret data a
// saved form becomes. Keys the form does not know are kept as plain fields, so saving never drops
// them.
import {
  caCertificateProblem,
  hasSpaces,
  requiredCredentialKeys,
  SPACELESS_CREDENTIAL_KEYS,
  type CaCertificateProblem,
} from '@forklift-console/api';

export type CredentialFieldKind = 'text' | 'password' | 'switch' | 'certificate';

export type CredentialField = {
  key: string;
  kind: CredentialFieldKind;
  required: boolean;
  /** Names, passwords and tokens: a space in them is a paste mistake. */
  noSpaces: boolean;
};

export type CredentialValues = Record<string, string>;

export type CredentialError = 'required' | 'spaces' | CaCertificateProblem;

export const SKIP_VERIFY_KEY = 'insecureSkipVerify';
export const CA_CERT_KEY = 'cacert';

const KIND_OF_KEY: Record<string, CredentialFieldKind> = {
  password: 'password',
  token: 'password',
  [SKIP_VERIFY_KEY]: 'switch',
  [CA_CERT_KEY]: 'certificate',
};

const field = (key: string, required: readonly string[]): CredentialField => ({
  key,
  kind: KIND_OF_KEY[key] ?? 'text',
  required: required.includes(key),
  noSpaces: SPACELESS_CREDENTIAL_KEYS.includes(key),
});

const KEYS_OF_TYPE: Record<string, readonly string[]> = {
  vsphere: ['user', 'password'],
  ovirt: ['user', 'password'],
  hyperv: ['username', 'password'],
  openshift: ['token'],
};

const layoutFor = (type: string | undefined, hasUrl: boolean): CredentialField[] => {
  const keys = (type && KEYS_OF_TYPE[type]) || [];
  if (keys.length === 0) return [];
  const required = requiredCredentialKeys(type, hasUrl);
  return [...keys, SKIP_VERIFY_KEY, CA_CERT_KEY].map((key) => field(key, required));
};

/** The type's fields, then any other key the Secret already has. */
export const credentialFields = (
  type: string | undefined,
  hasUrl: boolean,
  existingKeys: readonly string[],
): CredentialField[] => {
  const layout = layoutFor(type, hasUrl);
  const extra = existingKeys
    .filter((key) => !layout.some((known) => known.key === key))
    .sort()
    .map((key): CredentialField => ({ key, kind: 'text', required: false, noSpaces: false }));
  return [...layout, ...extra];
};

const skipsVerification = (values: CredentialValues) => values[SKIP_VERIFY_KEY] === 'true';

/** Whether a field is shown: the CA certificate only while certificates are verified. */
export const isFieldShown = (field: CredentialField, values: CredentialValues): boolean =>
  field.key !== CA_CERT_KEY || !skipsVerification(values);

export const credentialErrors = (
  fields: readonly CredentialField[],
  values: CredentialValues,
): Record<string, CredentialError> => {
  const errors: Record<string, CredentialError> = {};
  for (const field of fields) {
    if (!isFieldShown(field, values)) continue;
    const value = values[field.key] ?? '';
    if (field.required && !value.trim()) errors[field.key] = 'required';
    else if (field.noSpaces && hasSpaces(value)) errors[field.key] = 'spaces';
    else if (field.kind === 'certificate' && value.trim()) {
      const problem = caCertificateProblem(value);
      if (problem) errors[field.key] = problem;
    }
  }
  return errors;
};

/** The Secret data to save: shown fields with a value, and the verification switch always. */
export const credentialsData = (
  fields: readonly CredentialField[],
  values: CredentialValues,
): Record<string, string> => {
  const data: Record<string, string> = {};
  for (const field of fields) {
    if (!isFieldShown(field, values)) continue;
    if (field.kind === 'switch') data[field.key] = values[field.key] === 'true' ? 'true' : 'false';
    else if (values[field.key]) data[field.key] = values[field.key]!;
  }
  return data;
};
