// What a Provider's spec and Secret must hold before anything is dialled (reference engine.md,
// "Provider conditions"). Pure functions from the objects to the conditions they earn.
import {
  caCertificateError,
  NFS_SHARE_MESSAGES,
  parseBool,
  parseNfsShare,
  PROVIDER_TYPES,
  PROVIDER_URL_MESSAGES,
  providerUrlProblem,
  requiredCredentialKeys,
  type ForkliftController,
  type Provider,
} from '@forklift-console/api';
import type { ConditionInput } from '../conditions.ts';

export { parseBool };
import type { ResolvedSecret } from '../secrets.ts';

const SDK_ENDPOINTS = ['vcenter', 'esxi'];

/** The provider is the cluster the console runs on (an openshift provider without a URL). */
export const isHostProvider = (provider: Provider): boolean =>
  provider.spec?.type === 'openshift' && !provider.spec.url;

const secretName = (secret: { namespace: string; name: string }) =>
  `${secret.namespace}/${secret.name}`;

const urlNotValid = (reason: 'NotSet' | 'Malformed', message: string): ConditionInput => ({
  type: 'UrlNotValid',
  category: 'Critical',
  reason,
  message,
});

const secretNotValid = (reason: string, message: string, items?: string[]): ConditionInput => ({
  type: 'SecretNotValid',
  category: 'Critical',
  reason,
  message,
  ...(items ? { items } : {}),
});

/** The URL of a provider reached over HTTPS (vSphere, a remote OpenShift). */
const httpsUrlConditions = (url: string | undefined): ConditionInput[] => {
  const problem = providerUrlProblem(url ?? '');
  switch (problem) {
    case undefined:
      return [];
    case 'missing':
      return [urlNotValid('NotSet', PROVIDER_URL_MESSAGES.missing)];
    // Forklift's controller accepts plain http too (govmomi dials it); say what that means.
    case 'plain-http':
      return [
        {
          type: 'ConnectionInsecure',
          category: 'Warn',
          reason: 'PlainHttp',
          message: 'The URL uses plain http: credentials and inventory travel unencrypted.',
        },
      ];
    default:
      return [urlNotValid('Malformed', PROVIDER_URL_MESSAGES[problem])];
  }
};

/** The Secret of a provider reached over the network: its credentials and TLS trust. */
const credentialSecretConditions = (
  type: 'vsphere' | 'openshift',
  secret: ResolvedSecret,
  https: boolean,
): ConditionInput[] => {
  if (secret.state === 'unset') return [secretNotValid('NotSet', 'The provider has no Secret.')];
  if (secret.state === 'missing') {
    return [secretNotValid('NotFound', `Secret ${secretName(secret)} does not exist.`)];
  }
  const missing = requiredCredentialKeys(type, true).filter((key) => !secret.data[key]);
  if (missing.length > 0) {
    return [
      secretNotValid(
        'DataErr',
        `Secret ${secretName(secret)} has no ${missing.join(' and ')}.`,
        missing,
      ),
    ];
  }
  const insecure = parseBool(secret.data.insecureSkipVerify);
  if (insecure === undefined) {
    return [
      secretNotValid(
        'DataErr',
        `insecureSkipVerify in Secret ${secretName(secret)} must be true or false.`,
      ),
    ];
  }
  if (insecure) {
    return https
      ? [
          {
            type: 'ConnectionInsecure',
            category: 'Warn',
            reason: 'SkipTLSVerification',
            message: 'TLS certificate verification is skipped (insecureSkipVerify).',
          },
        ]
      : [];
  }
  const cacert = secret.data.cacert;
  const cacertError = cacert ? caCertificateError(cacert) : undefined;
  return cacertError
    ? [secretNotValid('DataErr', `cacert in Secret ${secretName(secret)}: ${cacertError}`)]
    : [];
};

export const vsphereSpecConditions = (
  provider: Provider,
  secret: ResolvedSecret,
): ConditionInput[] => {
  const url = provider.spec?.url;
  const conditions = httpsUrlConditions(url);
  const sdkEndpoint = provider.spec?.settings?.sdkEndpoint;
  if (sdkEndpoint && !SDK_ENDPOINTS.includes(sdkEndpoint)) {
    conditions.push({
      type: 'SettingsNotValid',
      category: 'Critical',
      reason: 'NotValid',
      message: `The SDK endpoint must be vcenter or esxi, not "${sdkEndpoint}".`,
    });
  }
  return [
    ...conditions,
    ...credentialSecretConditions('vsphere', secret, /^https:/i.test(url ?? '')),
  ];
};

/** A remote OpenShift provider: the API server's URL and a Secret with a bearer token. */
export const openshiftSpecConditions = (
  provider: Provider,
  secret: ResolvedSecret,
): ConditionInput[] => {
  const url = provider.spec?.url;
  return [
    ...httpsUrlConditions(url),
    ...credentialSecretConditions('openshift', secret, /^https:/i.test(url ?? '')),
  ];
};

const ovaUrlConditions = (url: string | undefined): ConditionInput[] => {
  const { problem } = parseNfsShare(url ?? '');
  if (problem === 'missing') return [urlNotValid('NotSet', NFS_SHARE_MESSAGES.missing)];
  return problem ? [urlNotValid('Malformed', NFS_SHARE_MESSAGES[problem])] : [];
};

// Only "true" opens uploads (the upload route compares exactly), so any other value but "false"
// is a typo the user should hear about; it is no blocker, as the share reads the same either way.
const ovaSettingsConditions = (applianceManagement: string | undefined): ConditionInput[] =>
  applianceManagement === undefined || ['true', 'false'].includes(applianceManagement)
    ? []
    : [
        {
          type: 'SettingsNotValid',
          category: 'Warn',
          reason: 'NotValid',
          message: `applianceManagement must be "true" or "false", not "${applianceManagement}": uploads are refused.`,
        },
      ];

/** An OVA provider reads an NFS export: `server:/path`, or `nfs://server/path`. */
export const ovaSpecConditions = (provider: Provider): ConditionInput[] => [
  ...ovaUrlConditions(provider.spec?.url),
  ...ovaSettingsConditions(provider.spec?.settings?.applianceManagement),
];

/** The OVA provider asks to accept uploads through the console (Forklift's appliance management). */
export const asksForApplianceManagement = (provider: Provider): boolean =>
  provider.spec?.type === 'ova' && provider.spec.settings?.applianceManagement === 'true';

/**
 * For a provider that asks for appliance management: whether the ForkliftController's feature
 * switch lets it have it, by the same rule the upload route applies. The console shows the upload
 * section only while ApplianceManagementEnabled is there.
 */
export const applianceManagementCondition = (
  controller: ForkliftController | undefined,
): ConditionInput => {
  if (controller?.spec?.feature_ova_appliance_management === 'true') {
    return {
      type: 'ApplianceManagementEnabled',
      category: 'Advisory',
      reason: 'Enabled',
      message: 'Uploading OVA files through the console is enabled.',
    };
  }
  return {
    type: 'ApplianceManagementDisabled',
    category: 'Warn',
    reason: controller ? 'FeatureDisabled' : 'NoForkliftController',
    message: controller
      ? 'The provider asks for appliance management, but the ForkliftController\'s feature_ova_appliance_management is not "true": uploads are refused.'
      : 'The provider asks for appliance management, but there is no ForkliftController to turn feature_ova_appliance_management on: uploads are refused.',
  };
};

export const typeNotSupported = (provider: Provider): ConditionInput => {
  const type = provider.spec?.type ?? '';
  const known = (PROVIDER_TYPES as readonly string[]).includes(type);
  return {
    type: 'ProviderTypeNotSupported',
    category: 'Critical',
    reason: 'NotSupported',
    message: known
      ? `This console does not support ${type} providers yet.`
      : `"${type}" is not a provider type.`,
  };
};
