// The migration network of ESXi hosts. Forklift moves disks from an ESXi host over the network of
// the IP its Host CR names, with the credentials of the Secret it references; without a Host CR it
// goes through vCenter's management network. Saving creates or updates one Host CR and one Secret
// per host: the Host is owned by the Provider and the Secret by its Host, so deleting the provider
// removes both.
import { isIP } from 'node:net';
import type { FastifyPluginAsync } from 'fastify';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
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
import type { KubeConnection } from '../kube/connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
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

/** Saves one host's choice; answers the Host CR's name. */
const saveHost = async (
  kubeConfig: KubeConfig,
  provider: Provider,
  existingHosts: Host[],
  choice: HostNetworkChoice,
  credentials: { username: string; password: string } | undefined,
): Promise<string> => {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const namespace = provider.metadata?.namespace ?? '';
  const providerName = provider.metadata?.name ?? '';
  const existing = existingHosts.find(
    (host) =>
      host.spec?.id === choice.id &&
      host.spec.provider.name === providerName &&
      (host.spec.provider.namespace || namespace) === namespace,
  );

  // The host's own Secret is reused; a Host that pointed at the provider's Secret gets its own.
  const ownSecretName =
    existing?.spec?.secret.name && existing.spec.secret.name !== provider.spec?.secret.name
      ? existing.spec.secret.name
      : undefined;
  let secret = {
    namespace: provider.spec?.secret.namespace || namespace,
    name: provider.spec?.secret.name ?? '',
  };
  let createdSecret = false;
  if (credentials) {
    const data = {
      user: Buffer.from(credentials.username).toString('base64'),
      password: Buffer.from(credentials.password).toString('base64'),
    };
    if (ownSecretName) {
      await core.patchNamespacedSecret(
        { name: ownSecretName, namespace, body: { data } },
        mergePatch,
      );
      secret = { namespace, name: ownSecretName };
    } else {
      const created = await core.createNamespacedSecret({
        namespace,
        body: {
          metadata: {
            generateName: hostSecretPrefix(providerName, choice.id),
            namespace,
          },
          type: 'Opaque',
          data,
        },
      });
      secret = { namespace, name: created.metadata?.name ?? '' };
      createdSecret = true;
    }
  }

  const spec = {
    id: choice.id,
    name: choice.name,
    ipAddress: choice.ipAddress,
    provider: { namespace, name: providerName },
    secret,
  };
  const host = (
    existing
      ? await custom.patchNamespacedCustomObject(
          {
            group,
            version,
            plural: HostModel.plural,
            namespace,
            name: existing.metadata?.name ?? '',
            body: { spec },
          },
          mergePatch,
        )
      : await custom.createNamespacedCustomObject({
          group,
          version,
          plural: HostModel.plural,
          namespace,
          body: {
            apiVersion: FORKLIFT_API_VERSION,
            kind: HostModel.kind,
            metadata: {
              name: hostResourceName(providerName, choice.id),
              namespace,
              ownerReferences: [ownerReference(ProviderModel.kind, provider)],
            },
            spec,
          },
        })
  ) as Host;

  if (createdSecret) {
    await core.patchNamespacedSecret(
      {
        ...secret,
        body: { metadata: { ownerReferences: [ownerReference(HostModel.kind, host)] } },
      },
      mergePatch,
    );
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
        const provider = (await custom.getNamespacedCustomObject({
          group: ProviderModel.group,
          version: ProviderModel.version,
          plural: ProviderModel.plural,
          namespace,
          name,
        })) as Provider;
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
          names.push(await saveHost(kubeConfig, provider, list.items, choice, credentials));
        }
        return { names };
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};
