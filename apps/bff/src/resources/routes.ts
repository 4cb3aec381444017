// Read access to the Forklift resources for the console pages. Secrets are never served here.
import type { FastifyPluginAsync } from 'fastify';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { READABLE_MODELS, resourcePluralSchema } from './readable-models.ts';
import type { K8sModel } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { dns1123Schema, errorSchema, kubeListSchema, kubeObjectSchema } from '../http/schemas.ts';

type Options = { connection: KubeConnection };

const modelByPlural = new Map<string, K8sModel>(READABLE_MODELS.map((m) => [m.plural, m]));

const errorResponses = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 503: errorSchema };

export const resourcesRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.get(
    '/api/v1/namespaces',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { items: { type: 'array', items: { type: 'string' } } },
            required: ['items'],
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      try {
        const core = kubeConfigForRequest(connection, request.caller).makeApiClient(CoreV1Api);
        const list = await core.listNamespace();
        const names = list.items.map((ns) => ns.metadata?.name ?? '').filter(Boolean);
        return { items: names.sort() };
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.get<{ Params: { resource: string }; Querystring: { namespace?: string } }>(
    '/api/v1/resources/:resource',
    {
      schema: {
        params: {
          type: 'object',
          properties: { resource: resourcePluralSchema },
          required: ['resource'],
        },
        querystring: {
          type: 'object',
          properties: { namespace: dns1123Schema },
          additionalProperties: false,
        },
        response: { 200: kubeListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const model = modelByPlural.get(request.params.resource);
      if (!model) return sendError(reply, 404, `Unknown resource ${request.params.resource}`);
      const { namespace } = request.query;
      try {
        const api = kubeConfigForRequest(connection, request.caller).makeApiClient(
          CustomObjectsApi,
        );
        const { group, version, plural } = model;
        return namespace
          ? await api.listNamespacedCustomObject({ group, version, plural, namespace })
          : await api.listClusterCustomObject({ group, version, plural });
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.get<{ Params: { resource: string; namespace: string; name: string } }>(
    '/api/v1/resources/:resource/:namespace/:name',
    {
      schema: {
        params: {
          type: 'object',
          properties: {
            resource: resourcePluralSchema,
            namespace: dns1123Schema,
            name: dns1123Schema,
          },
          required: ['resource', 'namespace', 'name'],
        },
        response: { 200: kubeObjectSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const model = modelByPlural.get(request.params.resource);
      if (!model) return sendError(reply, 404, `Unknown resource ${request.params.resource}`);
      const { namespace, name } = request.params;
      try {
        const api = kubeConfigForRequest(connection, request.caller).makeApiClient(
          CustomObjectsApi,
        );
        const { group, version, plural } = model;
        return await api.getNamespacedCustomObject({ group, version, plural, namespace, name });
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};
