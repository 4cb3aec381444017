// The credential rules of a provider's Secret, as Forklift reads it: which keys a type cannot
// connect without, and that names, passwords and tokens hold no spaces. The create form, the Edit
// credentials form, the BFF's routes and the provider controller apply these.

/** The Secret keys a provider of this type needs; `hasUrl` because an OpenShift provider without a URL is the local cluster, reached with Forklift's own service account. */
export const requiredCredentialKeys = (
  type: string | undefined,
  hasUrl: boolean,
): readonly string[] => {
  switch (type) {
    case 'vsphere':
    case 'ovirt':
      return ['user', 'password'];
    case 'hyperv':
      return ['username', 'password'];
    case 'openshift':
      return hasUrl ? ['token'] : [];
    default:
      return [];
  }
};

/** Keys whose values never contain a space, so a space there is a paste mistake. */
export const SPACELESS_CREDENTIAL_KEYS: readonly string[] = [
  'user',
  'username',
  'password',
  'token',
];

export const CREDENTIAL_MESSAGES = {
  spaces: 'Remove the spaces: user names, passwords and tokens have none.',
} as const;

export const hasSpaces = (value: string): boolean => /\s/.test(value);

/** Go's strconv.ParseBool, which Forklift uses for `insecureSkipVerify`; empty means false. */
export const parseBool = (value: string | undefined): boolean | undefined => {
  if (value === undefined || value === '') return false;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
};
