// What "create a provider" asks for, and the Secret and Provider that carry it into Kubernetes. The
// keys of the Secret are the ones Forklift's provider controller reads for each type.
import {
  caCertificateError,
  CREATABLE_PROVIDER_TYPES,
  CREDENTIAL_MESSAGES,
  hasSpaces,
  nfsShareError,
  providerUrlError,
  requiredCredentialKeys,
  SPACELESS_CREDENTIAL_KEYS,
  FORKLIFT_API_VERSION,
  ProviderModel,
  type CreatableProviderType,
  type CreateProviderRequest,
  type OwnerReference,
  type Provider,
} from '@forklift-console/api';
import type { V1Secret } from '@kubernetes/client-node';

const booleanString = { type: 'string', enum: ['true', 'false'] } as const;
// The URL, share, spaces and PEM rules are packages/api's, which createRequestError applies after the
// schema, so that the route words them as the forms do.
const filled = { type: 'string', minLength: 1 } as const;

// A misspelt key is a 400 naming it (bffValidationOptions refuses rather than strips).
const closed = { additionalProperties: false } as const;

/** What each type accepts. */
const typeRules = (
  type: CreatableProviderType,
  then: Record<string, unknown>,
): Record<string, unknown> => ({
  if: { properties: { type: { const: type } }, required: ['type'] },
  then,
});

const vsphereRules = typeRules('vsphere', {
  required: ['url'],
  properties: {
    settings: {
      type: 'object',
      properties: {
        sdkEndpoint: { type: 'string', enum: ['vcenter', 'esxi'] },
        vddkInitImage: { type: 'string', minLength: 1 },
        useVddkAioOptimization: booleanString,
      },
      ...closed,
    },
    credentials: {
      type: 'object',
      properties: {
        user: filled,
        password: filled,
        insecureSkipVerify: booleanString,
        cacert: filled,
      },
      required: [...requiredCredentialKeys('vsphere', true), 'insecureSkipVerify'],
      ...closed,
    },
  },
});

const ovaRules = typeRules('ova', {
  required: ['url'],
  properties: {
    settings: {
      type: 'object',
      properties: { applianceManagement: booleanString },
      ...closed,
    },
    credentials: { type: 'object', maxProperties: 0 },
  },
});

// Without a URL the provider is the cluster the console runs in, reached with Forklift's own
// service account, so there is nothing to authenticate or verify.
const openshiftRules = typeRules('openshift', {
  properties: {
    settings: { type: 'object', maxProperties: 0 },
  },
  if: { required: ['url'] },
  then: {
    properties: {
      credentials: {
        type: 'object',
        properties: { token: filled, insecureSkipVerify: booleanString, cacert: filled },
        required: [...requiredCredentialKeys('openshift', true), 'insecureSkipVerify'],
        ...closed,
      },
    },
  },
  else: { properties: { credentials: { type: 'object', maxProperties: 0 } } },
});

export const createProviderBodySchema = {
  type: 'object',
  properties: {
    // The rule Forklift's console applies: a DNS-1123 label's characters (no dots), up to 253.
    name: {
      type: 'string',
      minLength: 1,
      maxLength: 253,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    },
    type: { type: 'string', enum: CREATABLE_PROVIDER_TYPES },
    url: { type: 'string', minLength: 1 },
    settings: { type: 'object', additionalProperties: { type: 'string' } },
    credentials: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['name', 'type', 'credentials'],
  ...closed,
  allOf: [vsphereRules, ovaRules, openshiftRules],
} as const;

/** Why a request the schema let through still cannot be created, naming the field, or undefined. */
export const createRequestError = ({
  type,
  url,
  credentials,
}: CreateProviderRequest): string | undefined => {
  // An openshift provider may have no URL: it is then the cluster the console runs in.
  const urlError =
    url === undefined ? undefined : type === 'ova' ? nfsShareError(url) : providerUrlError(url);
  if (urlError) return `body/url: ${urlError}`;
  for (const [key, value] of Object.entries(credentials)) {
    if (SPACELESS_CREDENTIAL_KEYS.includes(key) && hasSpaces(value)) {
      return `body/credentials/${key}: ${CREDENTIAL_MESSAGES.spaces}`;
    }
  }
  const cacertError = credentials.cacert ? caCertificateError(credentials.cacert) : undefined;
  return cacertError && `body/credentials/cacert: ${cacertError}`;
};

/** Labels Forklift's console puts on a provider's Secret, so tools can tell what it is for. */
export const providerSecretLabels = (type: string): Record<string, string> => ({
  createdForProviderType: type,
  createdForResourceType: 'providers',
});

/** The credentials Secret, named after the provider with a random suffix. */
export const buildProviderSecret = (
  request: CreateProviderRequest,
  namespace: string,
): V1Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    generateName: `${request.name}-`,
    namespace,
    labels: providerSecretLabels(request.type),
  },
  type: 'Opaque',
  data: Object.fromEntries(
    Object.entries(request.credentials).map(([key, value]) => [
      key,
      Buffer.from(value, 'utf8').toString('base64'),
    ]),
  ),
});

export const buildProvider = (
  request: CreateProviderRequest,
  namespace: string,
  secretName: string,
): Provider => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: ProviderModel.kind,
  metadata: { name: request.name, namespace },
  spec: {
    type: request.type,
    ...(request.url ? { url: request.url } : {}),
    ...(request.settings && Object.keys(request.settings).length > 0
      ? { settings: request.settings }
      : {}),
    secret: { name: secretName, namespace },
  },
});

/** Makes the Secret belong to the Provider, so deleting the Provider deletes its credentials. */
export const ownerReferenceTo = (provider: Provider): OwnerReference => {
  const { name, uid } = provider.metadata ?? {};
  if (!name || !uid) throw new Error('The created Provider has no name or uid');
  return { apiVersion: FORKLIFT_API_VERSION, kind: ProviderModel.kind, name, uid };
};
