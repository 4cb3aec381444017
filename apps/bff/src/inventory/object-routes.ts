// The inventory API below one provider: `tree/<kind>`, the collections (vms, hosts, …) with
// Forklift's detail, name and paging parameters, and one object of a collection. Each waits for
// the provider's inventory to be loaded, as Forklift's does.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { compileVmQuery, QuerySyntaxError, type Provider } from '@forklift-console/api';
import { sendError, sendKubeError } from '../http/errors.ts';
import { jsonOf, pageBody, sendJson } from './json-bodies.ts';
import type { InventoryRouteDeps } from './provider-routes.ts';
import type { CallerRights, ProviderInventory } from './provider-inventory.ts';
import { callerRightsFor } from './caller-rights.ts';
import { dns1123Schema } from '../http/schemas.ts';
import { detailLevel, splitName } from './query.ts';
import {
  detailSchema,
  errorResponses,
  looseList,
  looseObject,
  pagingQuery,
  partialResponse,
  providerParams,
  type PagingQuery,
  type ProviderParams,
} from './route-schemas.ts';

export const registerObjectRoutes = (
  app: FastifyInstance,
  {
    access,
    reviews,
    runningInventory,
    providers,
    parityTimeoutMs,
  }: InventoryRouteDeps & { parityTimeoutMs: number },
) => {
  /** For an inventory the caller's rights narrow: what they let it see of this read. */
  const rightsOf = (
    request: FastifyRequest,
    inventory: ProviderInventory,
    collectionOrTree: string,
  ): Promise<CallerRights | undefined> =>
    inventory.callerScope
      ? callerRightsFor(reviews, request.caller, inventory.callerScope, collectionOrTree)
      : Promise.resolve(undefined);

  /**
   * The provider's inventory, ready to read; otherwise the answer is sent (403/404 from the
   * Kubernetes API, 404 ProviderNotFound, or 206 while it loads) and the result is undefined.
   */
  const openInventory = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { type, uid }: ProviderParams,
  ): Promise<ProviderInventory | undefined> => {
    let provider: Provider | undefined;
    try {
      provider = await access.resolve(uid, request.caller);
    } catch (error) {
      sendKubeError(reply, error);
      return undefined;
    }
    const inventory = provider?.spec?.type === type ? runningInventory(uid, type) : undefined;
    if (!inventory) {
      // Tells "no such provider (or no inventory for it)" apart from "no such object".
      reply.header('X-Reason', 'ProviderNotFound');
      sendError(reply, 404, `No ${type} inventory for provider ${uid}`);
      return undefined;
    }
    if (!inventory.hasParity() && !(await inventory.waitForParity(parityTimeoutMs))) {
      reply.code(206).send();
      return undefined;
    }
    return inventory;
  };

  app.get<{ Params: ProviderParams & { kind: string }; Querystring: { detail?: string } }>(
    `${providers}/:type/:uid/tree/:kind`,
    {
      schema: {
        params: {
          ...providerParams,
          properties: { ...providerParams.properties, kind: { type: 'string', maxLength: 64 } },
          required: [...providerParams.required, 'kind'],
        },
        querystring: {
          type: 'object',
          properties: { detail: detailSchema },
        },
        response: { 200: looseObject, ...partialResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const inventory = await openInventory(request, reply, request.params);
      if (!inventory) return reply;
      const { kind } = request.params;
      const rights = await rightsOf(request, inventory, `tree/${kind}`);
      const tree = inventory.tree(kind, detailLevel(request.query.detail), rights);
      if (!tree) return sendError(reply, 404, `There is no ${kind} tree for this provider`);
      return sendJson(reply, jsonOf(tree));
    },
  );

  type CollectionQuery = PagingQuery & { name?: string; namespace?: string; query?: string };
  const collectionParams = {
    ...providerParams,
    properties: {
      ...providerParams.properties,
      collection: { type: 'string', pattern: '^[a-z]+$', maxLength: 64 },
    },
    required: [...providerParams.required, 'collection'],
  } as const;

  for (const path of [
    `${providers}/:type/:uid/:collection`,
    `${providers}/:type/:uid/:collection/`,
  ]) {
    app.get<{ Params: ProviderParams & { collection: string }; Querystring: CollectionQuery }>(
      path,
      {
        schema: {
          params: collectionParams,
          querystring: {
            type: 'object',
            properties: {
              ...pagingQuery.properties,
              name: { type: 'string', minLength: 1, maxLength: 2048 },
              namespace: dns1123Schema,
              // The VM query language (packages/api vm-query), run over the objects as answered.
              query: { type: 'string', minLength: 1, maxLength: 4096 },
            },
          },
          response: { 200: looseList, ...partialResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { collection } = request.params;
        const { name, namespace, limit, offset, query } = request.query;
        let matches: ((object: unknown) => boolean) | undefined;
        try {
          matches = query === undefined ? undefined : compileVmQuery(query);
        } catch (error) {
          if (!(error instanceof QuerySyntaxError)) throw error;
          return sendError(reply, 400, `querystring/query: ${error.message}`);
        }
        const inventory = await openInventory(request, reply, request.params);
        if (!inventory) return reply;
        const rights = await rightsOf(request, inventory, collection);
        const items = inventory.list(collection, {
          detail: detailLevel(request.query.detail),
          ...(name !== undefined ? { name: splitName(name) } : {}),
          ...(namespace !== undefined ? { namespace } : {}),
          ...(rights ? { rights } : {}),
        });
        if (!items) return sendError(reply, 404, `This provider has no ${collection} collection`);
        return sendJson(reply, pageBody(matches ? items.filter(matches) : items, offset, limit));
      },
    );
  }

  app.get<{ Params: ProviderParams & { collection: string; id: string } }>(
    `${providers}/:type/:uid/:collection/:id`,
    {
      schema: {
        params: {
          ...collectionParams,
          properties: {
            ...collectionParams.properties,
            id: { type: 'string', minLength: 1, maxLength: 512 },
          },
          required: [...collectionParams.required, 'id'],
        },
        response: { 200: looseObject, ...partialResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const inventory = await openInventory(request, reply, request.params);
      if (!inventory) return reply;
      const { collection, id } = request.params;
      if (!inventory.collections().includes(collection)) {
        return sendError(reply, 404, `This provider has no ${collection} collection`);
      }
      const object = inventory.get(collection, id, await rightsOf(request, inventory, collection));
      if (object === undefined) return sendError(reply, 404, `No ${collection} object ${id}`);
      return sendJson(reply, jsonOf(object));
    },
  );
};
