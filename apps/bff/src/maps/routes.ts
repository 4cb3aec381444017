// Writes to NetworkMaps and StorageMaps for the map pages: create (a whole map), replace (the
// details page's edits and its YAML, with the resourceVersion they were read at) and delete.
// Reads are the generic /api/v1/resources routes. Every call runs with the caller's credentials;
// the API server's verdict is the answer (403, 409 on a stale resourceVersion, 422 from the CRD).
import type { FastifyPluginAsync } from 'fastify';
import {
  FORKLIFT_API_VERSION,
  NetworkMapModel,
  StorageMapModel,
  type K8sModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses, kubeObjectSchema } from '../http/schemas.ts';
import { mapBodySchemas, mapCollectionParamsSchema, mapParamsSchema } from './map-schemas.ts';
import { ownerPlanRefusal } from './owner-plan.ts';

type Options = { connection: KubeConnection };

type AnyMap = NetworkMap | StorageMap;
type MapParams = { namespace: string; name: string };

/** Why a body cannot be stored as `model` at `namespace` (and `name` when replacing), or undefined. */
export const mapBodyError = (
  model: K8sModel,
  body: AnyMap,
  namespace: string,
  name?: string,
): string | undefined => {
  const metadata = body.metadata ?? {};
  if (name !== undefined && metadata.name !== name) {
    return `metadata.name must be "${name}": a ${model.kind} cannot be renamed`;
  }
  if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
    return `metadata.namespace must be "${namespace}", the project in the path`;
  }
  if (body.apiVersion !== undefined && body.apiVersion !== FORKLIFT_API_VERSION) {
    return `apiVersion must be "${FORKLIFT_API_VERSION}"`;
  }
  if (body.kind !== undefined && body.kind !== model.kind) return `kind must be "${model.kind}"`;
  return undefined;
};

const normalized = (model: K8sModel, body: AnyMap, namespace: string): AnyMap => ({
  ...body,
  apiVersion: FORKLIFT_API_VERSION,
  kind: model.kind,
  metadata: { ...body.metadata, namespace },
});

export const mapRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  for (const model of [NetworkMapModel, StorageMapModel]) {
    const plural = model.plural as keyof typeof mapBodySchemas;
    const collection = `/api/v1/namespaces/:namespace/${plural}`;
    const member = `${collection}/:name`;
    const schemas = mapBodySchemas[plural];

    app.post<{ Params: { namespace: string }; Body: AnyMap }>(
      collection,
      {
        schema: {
          params: mapCollectionParamsSchema,
          body: schemas.create,
          response: { 201: kubeObjectSchema, ...kubeErrorResponses },
        },
      },
      async (request, reply) => {
        const { namespace } = request.params;
        const invalid = mapBodyError(model, request.body, namespace);
        if (invalid) return sendError(reply, 400, invalid);
        try {
          const kubeConfig = kubeConfigForRequest(connection, request.caller);
          const refusal = await ownerPlanRefusal(kubeConfig, namespace, request.body.metadata);
          if (refusal) return sendError(reply, 409, refusal);
          const created = await objectsOf<AnyMap>(kubeConfig, model).create(
            namespace,
            normalized(model, request.body, namespace),
          );
          return reply.code(201).send(created);
        } catch (error) {
          return sendKubeError(reply, error);
        }
      },
    );

    app.put<{ Params: MapParams; Body: AnyMap }>(
      member,
      {
        schema: {
          params: mapParamsSchema,
          body: schemas.replace,
          response: { 200: kubeObjectSchema, ...kubeErrorResponses },
        },
      },
      async (request, reply) => {
        const { namespace, name } = request.params;
        const invalid = mapBodyError(model, request.body, namespace, name);
        if (invalid) return sendError(reply, 400, invalid);
        try {
          const kubeConfig = kubeConfigForRequest(connection, request.caller);
          const maps = objectsOf<AnyMap>(kubeConfig, model);
          const stored = await maps.get({ namespace, name });
          const refusal =
            (await ownerPlanRefusal(kubeConfig, namespace, stored.metadata)) ??
            (await ownerPlanRefusal(kubeConfig, namespace, request.body.metadata));
          if (refusal) return sendError(reply, 409, refusal);
          return await maps.replace(
            { namespace, name },
            normalized(model, request.body, namespace),
          );
        } catch (error) {
          return sendKubeError(reply, error);
        }
      },
    );

    app.delete<{ Params: MapParams }>(
      member,
      {
        schema: {
          params: mapParamsSchema,
          response: { 204: { type: 'null' }, ...kubeErrorResponses },
        },
      },
      async (request, reply) => {
        const { namespace, name } = request.params;
        try {
          const kubeConfig = kubeConfigForRequest(connection, request.caller);
          const maps = objectsOf<AnyMap>(kubeConfig, model);
          const stored = await maps.get({ namespace, name });
          const refusal = await ownerPlanRefusal(kubeConfig, namespace, stored.metadata);
          if (refusal) return sendError(reply, 409, refusal);
          await maps.delete({ namespace, name });
          return reply.code(204).send();
        } catch (error) {
          return sendKubeError(reply, error);
        }
      },
    );
  }
};
