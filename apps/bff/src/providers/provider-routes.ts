// Writes to one Provider from its details page: the YAML editor replaces it whole, the Details tab's
// edit dialogs patch the few fields they own, and Delete removes it (its Secret and Host CRs follow
// through their owner references). The API server's verdict is the answer: 409 on a stale
// resourceVersion, 422 naming the invalid field.
import type { FastifyPluginAsync } from 'fastify';
import { FORKLIFT_API_VERSION, ProviderModel, type Provider } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import type { Caller } from '../access/caller.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses, kubeObjectSchema } from '../http/schemas.ts';
import { providerParamsSchema, type ProviderParams } from './provider-params.ts';

type Options = { connection: KubeConnection };

/** The fields the Details tab edits: the external UI link annotation, URL and settings. */
export type ProviderPatch = {
  metadata?: { annotations?: Record<string, string | null>; resourceVersion?: string };
  spec?: { url?: string; settings?: Record<string, string | null> };
};

const nullableStringMap = {
  type: 'object',
  additionalProperties: { type: ['string', 'null'] },
} as const;

// No `additionalProperties: false` here: the handler refuses other fields with a sentence that
// also says which ones may be patched (see providerPatchError).
const patchBodySchema = {
  type: 'object',
  properties: {
    metadata: {
      type: 'object',
      properties: {
        annotations: nullableStringMap,
        resourceVersion: { type: 'string', minLength: 1 },
      },
    },
    spec: {
      type: 'object',
      properties: { url: { type: 'string' }, settings: nullableStringMap },
    },
  },
} as const;

const putBodySchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        namespace: { type: 'string' },
        resourceVersion: { type: 'string', minLength: 1 },
      },
      required: ['name', 'resourceVersion'],
    },
    spec: { type: 'object' },
  },
  required: ['metadata', 'spec'],
} as const;

const ALLOWED_PATCH_FIELDS: Record<string, readonly string[]> = {
  metadata: ['annotations', 'resourceVersion'],
  spec: ['url', 'settings'],
};

/** Why a PATCH body touches more than the Details tab may change, or undefined when it does not. */
export const providerPatchError = (patch: Record<string, unknown>): string | undefined => {
  const allowed = 'only metadata.annotations, spec.url and spec.settings can be patched';
  for (const [section, value] of Object.entries(patch)) {
    const fields = ALLOWED_PATCH_FIELDS[section];
    if (!fields) return `${section} cannot be patched here: ${allowed}`;
    for (const field of Object.keys(value as Record<string, unknown>)) {
      if (!fields.includes(field)) return `${section}.${field} cannot be patched here: ${allowed}`;
    }
  }
  const changes = Object.values(patch).flatMap((value) =>
    Object.keys(value as Record<string, unknown>).filter((field) => field !== 'resourceVersion'),
  );
  if (changes.length === 0) {
    return 'The patch changes nothing: give metadata.annotations, spec.url or spec.settings';
  }
  return undefined;
};

/** Why a whole Provider cannot replace the one at `params`, or undefined when it can. */
export const providerReplaceError = (
  provider: Provider,
  params: ProviderParams,
): string | undefined => {
  const metadata = provider.metadata ?? {};
  if (metadata.name !== params.name) {
    return `metadata.name must be "${params.name}": a Provider cannot be renamed`;
  }
  if (metadata.namespace !== undefined && metadata.namespace !== params.namespace) {
    return `metadata.namespace must be "${params.namespace}": a Provider cannot move to another project`;
  }
  if (provider.apiVersion !== undefined && provider.apiVersion !== FORKLIFT_API_VERSION) {
    return `apiVersion must be "${FORKLIFT_API_VERSION}"`;
  }
  if (provider.kind !== undefined && provider.kind !== ProviderModel.kind) {
    return `kind must be "${ProviderModel.kind}"`;
  }
  return undefined;
};

export const providerRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  const providers = (caller: Caller | undefined) =>
    objectsOf<Provider>(kubeConfigForRequest(connection, caller), ProviderModel);

  app.put<{ Params: ProviderParams; Body: Provider }>(
    '/api/v1/namespaces/:namespace/providers/:name',
    {
      schema: {
        params: providerParamsSchema,
        body: putBodySchema,
        response: { 200: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      const { namespace, name } = request.params;
      const refusal = providerReplaceError(request.body, request.params);
      if (refusal) return sendError(reply, 400, refusal);
      const body: Provider = {
        ...request.body,
        apiVersion: FORKLIFT_API_VERSION,
        kind: ProviderModel.kind,
        metadata: { ...request.body.metadata, namespace },
      };
      try {
        return await providers(request.caller).replace({ namespace, name }, body);
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.patch<{ Params: ProviderParams; Body: ProviderPatch }>(
    '/api/v1/namespaces/:namespace/providers/:name',
    {
      schema: {
        params: providerParamsSchema,
        body: patchBodySchema,
        response: { 200: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      const refusal = providerPatchError(request.body as Record<string, unknown>);
      if (refusal) return sendError(reply, 400, refusal);
      const { namespace, name } = request.params;
      try {
        return await providers(request.caller).mergePatch({ namespace, name }, request.body);
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.delete<{ Params: ProviderParams }>(
    '/api/v1/namespaces/:namespace/providers/:name',
    {
      schema: {
        params: providerParamsSchema,
        response: { 204: { type: 'null' }, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      const { namespace, name } = request.params;
      try {
        await providers(request.caller).delete({ namespace, name });
        return reply.code(204).send();
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};
