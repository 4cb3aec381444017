// The migration network of ESXi hosts. Forklift moves disks from an ESXi host over the network of
// the IP its Host CR names, with the credentials of the Secret it references; without a Host CR it
// goes through vCenter's management network. Saving creates or updates one Host CR and one Secret
// per host: the Host is owned by the Provider and the Secret by its Host, so deleting the provider
// removes both.
import { isIP } from 'node:net';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  CREDENTIAL_MESSAGES,
  FORKLIFT_API_VERSION,
  hasSpaces,
  HostModel,
  ProviderModel,
  type Host,
  type OwnerReference,
  type Provider,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses } from '../http/schemas.ts';
import { providerParamsSchema, type ProviderParams } from './provider-params.ts';

type Options = { connection: KubeConnection };

export type HostNetworkChoice = { id: string; name: string; ipAddress: string };

export type HostsRequest = { hosts: HostNetworkChoice[]; username?: string; password?: string };

const MAX_NAME_LENGTH = 253;
// generateName gets a random suffix of 5 characters.
const MAX_GENERATE_NAME_LENGTH = MAX_NAME_LENGTH - 5;

const dnsSafe = (text: string, maxLength: number): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');

/** The Host CR's name: the provider's and the ESXi host's, e.g. `vcenter-host-21`. */
export const hostResourceName = (provider: string, hostId: string): string =>
  dnsSafe(`${provider}-${hostId}`, MAX_NAME_LENGTH);

/** The generateName of a host's Secret, e.g. `vcenter-host-21-`. */
export const hostSecretPrefix = (provider: string, hostId: string): string =>
  `${dnsSafe(`${provider}-${hostId}`, MAX_GENERATE_NAME_LENGTH - 1)}-`;

/** Why the request cannot be saved for this provider, naming the field at fault, or undefined. */
export const hostsRequestError = (
  request: HostsRequest,
  provider: Provider,
): string | undefined => {
  if (provider.spec?.type !== 'vsphere') {
    return `Provider ${provider.metadata?.name} is of type ${provider.spec?.type}: only vSphere providers have ESXi hosts`;
  }
  const seen = new Map<string, number>();
  for (const [index, host] of request.hosts.entries()) {
    if (!isIP(host.ipAddress)) return `hosts[${index}].ipAddress must be an IPv4 or IPv6 address`;
    const first = seen.get(host.id);
    if (first !== undefined) return `hosts[${index}].id repeats hosts[${first}].id`;
    seen.set(host.id, index);
  }
  // A provider connected straight to one ESXi host already holds that host's credentials.
  const isEsxi = provider.spec.settings?.sdkEndpoint === 'esxi';
  for (const field of ['username', 'password'] as const) {
    const value = request[field];
    if (!value && !isEsxi) return `${field} is required: the ESXi host's administrator account`;
    if (value && hasSpaces(value)) return `${field}: ${CREDENTIAL_MESSAGES.spaces}`;
  }
  return undefined;
};

const ownerReference = (kind: string, object: { metadata?: { name?: string; uid?: string } }) =>
  ({
    apiVersion: FORKLIFT_API_VERSION,
    kind,
    name: object.metadata?.name ?? '',
    uid: object.metadata?.uid ?? '',
  }) satisfies OwnerReference;

const bodySchema = {
  type: 'object',
  properties: {
    hosts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          ipAddress: { type: 'string' },
        },
        required: ['id', 'name', 'ipAddress'],
      },
    },
    username: { type: 'string' },
    password: { type: 'string' },
  },
  required: ['hosts'],
} as const;

const { group, version } = HostModel;
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

type Clients = { core: CoreV1Api; custom: CustomObjectsApi };
type SecretReference = { namespace: string; name: string };
type Credentials = { username: string; password: string };

const namespaceOf = (provider: Provider) => provider.metadata?.namespace ?? '';

/** The Host CR an earlier save made for this ESXi host of this provider, if any. */
const findSavedHost = (existingHosts: Host[], provider: Provider, hostId: string) => {
  const namespace = namespaceOf(provider);
  return existingHosts.find(
    (host) =>
      host.spec?.id === hostId &&
      host.spec.provider.name === provider.metadata?.name &&
      (host.spec.provider.namespace || namespace) === namespace,
  );
};

const providerSecretOf = (provider: Provider): SecretReference => ({
  namespace: provider.spec?.secret.namespace || namespaceOf(provider),
  name: provider.spec?.secret.name ?? '',
});

/** The Secret a Host holds for itself; one that points at the provider's Secret has none. */
const ownSecretOf = (host: Host, provider: Provider): SecretReference | undefined => {
  const name = host.spec?.secret.name;
  return name && name !== provider.spec?.secret.name
    ? { namespace: namespaceOf(provider), name }
    : undefined;
};

const hostSpec = (provider: Provider, choice: HostNetworkChoice, secret: SecretReference) => ({
  id: choice.id,
  name: choice.name,
  ipAddress: choice.ipAddress,
  provider: { namespace: namespaceOf(provider), name: provider.metadata?.name ?? '' },
  secret,
});

const secretData = ({ username, password }: Credentials) => ({
  user: Buffer.from(username).toString('base64'),
  password: Buffer.from(password).toString('base64'),
});

/** A new Host CR owned by the provider, using the provider's Secret until it has its own. */
const createHost = async (
  { custom }: Clients,
  provider: Provider,
  choice: HostNetworkChoice,
): Promise<Host> =>
  (await custom.createNamespacedCustomObject({
    group,
    version,
    plural: HostModel.plural,
    namespace: namespaceOf(provider),
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: HostModel.kind,
      metadata: {
        name: hostResourceName(provider.metadata?.name ?? '', choice.id),
        namespace: namespaceOf(provider),
        ownerReferences: [ownerReference(ProviderModel.kind, provider)],
      },
      spec: hostSpec(provider, choice, providerSecretOf(provider)),
    },
  })) as Host;

const updateHostSpec = async ({ custom }: Clients, host: Host, spec: ReturnType<typeof hostSpec>) =>
  custom.patchNamespacedCustomObject(
    {
      group,
      version,
      plural: HostModel.plural,
      namespace: host.metadata?.namespace ?? '',
      name: host.metadata?.name ?? '',
      body: { spec },
    },
    mergePatch,
  );

/**
 * A Secret with the ESXi credentials, owned by its Host from the moment it exists: should any
 * later step fail, or the BFF stop, the garbage collector removes it with the Host, and no
 * credentials are ever left without an owner.
 */
const createHostSecret = async (
  { core }: Clients,
  host: Host,
  provider: Provider,
  choice: HostNetworkChoice,
  credentials: Credentials,
): Promise<SecretReference> => {
  const namespace = namespaceOf(provider);
  const created = await core.createNamespacedSecret({
    namespace,
    body: {
      metadata: {
        generateName: hostSecretPrefix(provider.metadata?.name ?? '', choice.id),
        namespace,
        ownerReferences: [ownerReference(HostModel.kind, host)],
      },
      type: 'Opaque',
      data: secretData(credentials),
    },
  });
  return { namespace, name: created.metadata?.name ?? '' };
};

/** Deletes a Secret the Host was not pointed at in the end; a failure is left to the GC. */
const deleteUnusedSecret = async (
  { core }: Clients,
  secret: SecretReference,
  log: FastifyBaseLogger,
) => {
  await core
    .deleteNamespacedSecret(secret)
    .catch((error: unknown) =>
      log.warn(
        { ...secret, reason: error instanceof Error ? error.message : String(error) },
        'Could not delete an unused host Secret; it goes with its Host',
      ),
    );
};

type HostSecret = { secret: SecretReference; created: boolean };

/** Writes the credentials the Host is to use and answers their Secret. */
const writeHostCredentials = async (
  clients: Clients,
  host: Host,
  provider: Provider,
  choice: HostNetworkChoice,
  credentials: Credentials | undefined,
): Promise<HostSecret> => {
  // A provider connected straight to its ESXi host lends the host its own credentials.
  if (!credentials) return { secret: providerSecretOf(provider), created: false };
  const ownSecret = ownSecretOf(host, provider);
  if (!ownSecret) {
    const secret = await createHostSecret(clients, host, provider, choice, credentials);
    return { secret, created: true };
  }
  await clients.core.patchNamespacedSecret(
    { ...ownSecret, body: { data: secretData(credentials) } },
    mergePatch,
  );
  return { secret: ownSecret, created: false };
};

/**
 * Saves one host's choice; answers the Host CR's name. The Host is written before a Secret of its
 * own, so that the Secret can be born owned by it (see createHostSecret).
 */
const saveHost = async (
  clients: Clients,
  provider: Provider,
  existingHosts: Host[],
  choice: HostNetworkChoice,
  credentials: Credentials | undefined,
  log: FastifyBaseLogger,
): Promise<string> => {
  const existing = findSavedHost(existingHosts, provider, choice.id);
  const host = existing ?? (await createHost(clients, provider, choice));
  const { secret, created } = await writeHostCredentials(
    clients,
    host,
    provider,
    choice,
    credentials,
  );
  // A Host just created with the provider's Secret already has the spec it is to have.
  if (existing || created) {
    try {
      await updateHostSpec(clients, host, hostSpec(provider, choice, secret));
    } catch (error) {
      if (created) await deleteUnusedSecret(clients, secret, log);
      throw error;
    }
  }
  return host.metadata?.name ?? '';
};

export const hostsRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.post<{ Params: ProviderParams; Body: HostsRequest }>(
    '/api/v1/namespaces/:namespace/providers/:name/hosts',
    {
      schema: {
        params: providerParamsSchema,
        body: bodySchema,
        response: {
          200: {
            type: 'object',
            properties: { names: { type: 'array', items: { type: 'string' } } },
            required: ['names'],
          },
          ...kubeErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const { namespace, name } = request.params;
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const custom = kubeConfig.makeApiClient(CustomObjectsApi);
        const clients = { core: kubeConfig.makeApiClient(CoreV1Api), custom };
        const provider = await objectsOf<Provider>(kubeConfig, ProviderModel).get({
          namespace,
          name,
        });
        const refusal = hostsRequestError(request.body, provider);
        if (refusal) return sendError(reply, 400, refusal);
        const { username, password } = request.body;
        const credentials = username && password ? { username, password } : undefined;
        const list = (await custom.listNamespacedCustomObject({
          group,
          version,
          plural: HostModel.plural,
          namespace,
        })) as { items: Host[] };
        const names: string[] = [];
        // One host after the other: a failure stops with the hosts before it saved, and saving
        // again is safe because every step finds what the last attempt made.
        for (const choice of request.body.hosts) {
          names.push(
            await saveHost(clients, provider, list.items, choice, credentials, request.log),
          );
        }
        return { names };
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};
