// The credentials of a Provider: the Secret its spec.secret references. Reading names the keys and
// whether each is set, never the values; values leave the BFF only when the user asks to reveal
// them, and never reach a log or a cache. Saving replaces the Secret's data; Forklift's provider
// controller watches the Secret and tests the connection again by itself.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { CoreV1Api, type V1Secret } from '@kubernetes/client-node';
import {
  caCertificateError,
  CREDENTIAL_MESSAGES,
  hasSpaces,
  ProviderModel,
  requiredCredentialKeys,
  SPACELESS_CREDENTIAL_KEYS,
  type Provider,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import type { Caller } from '../access/caller.ts';
import { toKubeFailure } from '../kube/errors.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses } from '../http/schemas.ts';
import { providerParamsSchema, type ProviderParams } from './provider-params.ts';

type Options = { connection: KubeConnection };

export type MaskedCredentials = { secretName: string; keys: { key: string; set: boolean }[] };

export type RevealedCredentials = { secretName: string; data: Record<string, string> };

// The Secret key rule of the API server.
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Why `data` cannot be the credentials of `provider`, naming the key at fault, or undefined.
 * The rules are the create form's: what each type needs, and the shape of the TLS keys.
 */
export const credentialsError = (
  provider: Provider,
  data: Record<string, string>,
): string | undefined => {
  const type = provider.spec?.type ?? '';
  if (type === 'ova') return 'An OVA provider has no credentials to edit';
  for (const [key, value] of Object.entries(data)) {
    if (!SECRET_KEY.test(key)) {
      return `data key "${key}" must consist of alphanumeric characters, '-', '_' or '.'`;
    }
    if (SPACELESS_CREDENTIAL_KEYS.includes(key) && hasSpaces(value)) {
      return `data.${key}: ${CREDENTIAL_MESSAGES.spaces}`;
    }
  }
  for (const key of requiredCredentialKeys(type, Boolean(provider.spec?.url))) {
    if (!data[key]) return `data.${key} is required for a ${type} provider`;
  }
  const { insecureSkipVerify, cacert } = data;
  if (insecureSkipVerify !== undefined && !['true', 'false'].includes(insecureSkipVerify)) {
    return 'data.insecureSkipVerify must be "true" or "false"';
  }
  const cacertError = cacert ? caCertificateError(cacert) : undefined;
  return cacertError && `data.cacert: ${cacertError}`;
};

const decode = (data: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(data ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value, 'base64').toString('utf8'),
    ]),
  );

const encode = (data: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      Buffer.from(value, 'utf8').toString('base64'),
    ]),
  );

const masked = (secretName: string, secret: V1Secret): MaskedCredentials => ({
  secretName,
  keys: Object.entries(secret.data ?? {})
    .map(([key, value]) => ({ key, set: value.length > 0 }))
    .sort((a, b) => a.key.localeCompare(b.key)),
});

const credentialsResponse = {
  type: 'object',
  properties: {
    secretName: { type: 'string' },
    keys: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: { type: 'string' }, set: { type: 'boolean' } },
        required: ['key', 'set'],
      },
    },
    data: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['secretName'],
} as const;

/** Thrown when the Provider references no Secret, or one that does not exist. */
class MissingSecretError extends Error {}

export const credentialsRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  /** The Provider and its Secret, read with the user's own rights. */
  const readCredentials = async (caller: Caller | undefined, params: ProviderParams) => {
    const kubeConfig = kubeConfigForRequest(connection, caller);
    const provider = await objectsOf<Provider>(kubeConfig, ProviderModel).get(params);
    const reference = provider.spec?.secret;
    if (!reference?.name) {
      throw new MissingSecretError(
        `Provider ${params.namespace}/${params.name} references no Secret: spec.secret.name is empty`,
      );
    }
    const secretNamespace = reference.namespace || params.namespace;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    try {
      const secret = await core.readNamespacedSecret({
        name: reference.name,
        namespace: secretNamespace,
      });
      return { provider, secret, core, secretName: reference.name, secretNamespace };
    } catch (error) {
      if (toKubeFailure(error)?.statusCode !== 404) throw error;
      throw new MissingSecretError(
        `The Secret ${secretNamespace}/${reference.name} that Provider ${params.name} references does not exist`,
      );
    }
  };

  const sendFailure = (reply: FastifyReply, error: unknown) =>
    error instanceof MissingSecretError
      ? sendError(reply, 404, error.message)
      : sendKubeError(reply, error);

  // Even the masked answer says which credentials exist; no cache should keep either.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  app.get<{ Params: ProviderParams; Querystring: { reveal?: boolean } }>(
    '/api/v1/namespaces/:namespace/providers/:name/credentials',
    {
      schema: {
        params: providerParamsSchema,
        querystring: {
          type: 'object',
          properties: { reveal: { type: 'boolean' } },
          additionalProperties: false,
        },
        response: { 200: credentialsResponse, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const { secret, secretName } = await readCredentials(request.caller, request.params);
        if (request.query.reveal) {
          return { secretName, data: decode(secret.data) } satisfies RevealedCredentials;
        }
        return masked(secretName, secret);
      } catch (error) {
        return sendFailure(reply, error);
      }
    },
  );

  app.put<{ Params: ProviderParams; Body: { data: Record<string, string> } }>(
    '/api/v1/namespaces/:namespace/providers/:name/credentials',
    {
      schema: {
        params: providerParamsSchema,
        body: {
          type: 'object',
          properties: { data: { type: 'object', additionalProperties: { type: 'string' } } },
          required: ['data'],
        },
        response: { 200: credentialsResponse, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const { provider, secret, core, secretName, secretNamespace } = await readCredentials(
          request.caller,
          request.params,
        );
        const refusal = credentialsError(provider, request.body.data);
        if (refusal) return sendError(reply, 400, refusal);
        // The whole Secret goes back with its resourceVersion: labels and owner references stay,
        // and a Secret changed meanwhile is refused with 409 rather than overwritten.
        const { stringData: _stringData, ...rest } = secret;
        const stored = await core.replaceNamespacedSecret({
          name: secretName,
          namespace: secretNamespace,
          body: { ...rest, data: encode(request.body.data) },
        });
        return masked(secretName, stored);
      } catch (error) {
        return sendFailure(reply, error);
      }
    },
  );
};
