// Forklift's inventory REST API (reference inventory.md §1.1–1.3) over the BFF's own
// inventories: the same paths, parameters and answers the console plugin expects from Forklift's
// inventory service, under /api/v1/inventory. The Kubernetes API decides who may see a provider:
// its Provider is read with the caller's credentials, as Forklift's SubjectAccessReview does.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { PROVIDER_TYPES, ProviderModel, type Provider } from '@forklift-console/api';
import type { KubeConnection } from '../kube/connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { callerKey, type Caller } from '../access/caller.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { dns1123Schema, errorSchema } from '../http/schemas.ts';
import type { InventoryRegistry } from './registry.ts';
import type { ProviderInventory } from './provider-inventory.ts';
import { DETAIL_PATTERN, detailLevel, page, splitName } from './query.ts';

type Options = {
  connection: KubeConnection;
  inventories: Pick<InventoryRegistry, 'get'>;
  /** How long a request waits for an inventory's first full load before answering 206. */
  parityTimeoutMs?: number;
};

export const INVENTORY_PREFIX = '/api/v1/inventory';

/** The keys of GET /providers, in Forklift's order: its inventory has no Nutanix. */
export const INVENTORY_PROVIDER_TYPES = PROVIDER_TYPES.filter((type) => type !== 'nutanix');

/** Forklift caches an allowed access decision this long per token and provider. */
const ACCESS_CACHE_MS = 10_000;
const ACCESS_CACHE_LIMIT = 10_000;

const { group, version, plural } = ProviderModel;

// ---- Who may see which provider -------------------------------------------------------------

type Access = { provider: Promise<Provider | undefined>; expires: number };

const createProviderAccess = (connection: KubeConnection) => {
  const decisions = new Map<string, Access>();

  const lookUp = async (uid: string, caller: Caller | undefined): Promise<Provider | undefined> => {
    const userApi = kubeConfigForRequest(connection, caller).makeApiClient(CustomObjectsApi);
    // A uid says nothing about where the Provider is: the BFF finds it with its own rights, then
    // the caller must be allowed to get it by name, exactly as Forklift's access check asks.
    const all = (await connection.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({ group, version, plural })) as { items: Provider[] };
    const found = all.items.find((candidate) => candidate.metadata?.uid === uid);
    if (!found?.metadata?.namespace || !found.metadata.name) return undefined;
    const provider = (await userApi.getNamespacedCustomObject({
      group,
      version,
      plural,
      namespace: found.metadata.namespace,
      name: found.metadata.name,
    })) as Provider;
    return provider.metadata?.uid === uid ? provider : undefined;
  };

  const forgetExpired = (now: number) => {
    if (decisions.size < ACCESS_CACHE_LIMIT) return;
    for (const [key, access] of decisions) {
      if (access.expires <= now) decisions.delete(key);
    }
    if (decisions.size >= ACCESS_CACHE_LIMIT) decisions.clear();
  };

  /**
   * The provider with this uid, read with the caller's rights; undefined when none exists.
   * Concurrent requests for the same provider and caller share one lookup, and an allowed one is
   * remembered for a while; refusals and misses are asked again each time.
   */
  const resolve = (
    uid: string,
    caller: Caller | undefined,
    { fresh = false } = {},
  ): Promise<Provider | undefined> => {
    // Hashed so the cache does not keep bearer tokens around in the clear.
    const key = createHash('sha256')
      .update(`${callerKey(caller)}\n${uid}`)
      .digest('hex');
    const now = Date.now();
    const cached = decisions.get(key);
    if (!fresh && cached && cached.expires > now) return cached.provider;
    forgetExpired(now);
    const access = { provider: lookUp(uid, caller), expires: now + ACCESS_CACHE_MS };
    decisions.set(key, access);
    const forget = () => {
      if (decisions.get(key) === access) decisions.delete(key);
    };
    access.provider.then((provider) => provider ?? forget(), forget);
    return access.provider;
  };

  const list = async (
    caller: Caller | undefined,
    namespace: string | undefined,
  ): Promise<Provider[]> => {
    const api = kubeConfigForRequest(connection, caller).makeApiClient(CustomObjectsApi);
    const answer = (
      namespace
        ? await api.listNamespacedCustomObject({ group, version, plural, namespace })
        : await api.listClusterCustomObject({ group, version, plural })
    ) as { items: Provider[] };
    return answer.items;
  };

  return { resolve, list };
};

// ---- JSON bodies ----------------------------------------------------------------------------

// Inventories hand out frozen objects and lists while they are current: those are never changed
// in place, so their JSON is built once. Large lists are sent as prepared bytes, which also keeps
// the response serializer from walking thousands of objects per request.
const itemJson = new WeakMap<object, string>();
const listBodies = new WeakMap<readonly unknown[], Buffer>();

const jsonOf = (value: unknown): string => {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) {
    return JSON.stringify(value);
  }
  let json = itemJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    itemJson.set(value, json);
  }
  return json;
};

const listBody = (items: readonly unknown[]): Buffer => {
  const frozen = Object.isFrozen(items);
  const cached = frozen ? listBodies.get(items) : undefined;
  if (cached) return cached;
  const body = Buffer.from(`[${items.map(jsonOf).join(',')}]`);
  if (frozen) listBodies.set(items, body);
  return body;
};

// Clients page through a list with the same few offsets and limits (a table's pages), so the
// bytes of each page of a frozen list are kept with it, a bounded number per list.
const PAGES_PER_LIST = 512;
const pageBodies = new WeakMap<readonly unknown[], Map<string, Buffer>>();

const pageBody = (items: readonly unknown[], offset?: number, limit?: number): Buffer => {
  if ((offset ?? 0) === 0 && limit === undefined) return listBody(items);
  if (!Object.isFrozen(items)) return listBody(page(items, offset, limit));
  let pages = pageBodies.get(items);
  if (!pages) {
    pages = new Map();
    pageBodies.set(items, pages);
  }
  const key = `${offset ?? 0}:${limit ?? ''}`;
  let body = pages.get(key);
  if (!body) {
    body = listBody(page(items, offset, limit));
    if (pages.size >= PAGES_PER_LIST) pages.clear();
    pages.set(key, body);
  }
  return body;
};

const sendJson = (reply: FastifyReply, body: Buffer | string) =>
  reply.type('application/json; charset=utf-8').send(body);

// ---- Schemas --------------------------------------------------------------------------------

const looseObject = { type: 'object', additionalProperties: true } as const;
const looseList = { type: 'array', items: looseObject } as const;
const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  503: errorSchema,
};
/** Before the first full load: Forklift answers 206 with no body. */
const partialResponse = { 206: { type: 'null', description: 'The inventory is still loading' } };

const typeSchema = { type: 'string', enum: INVENTORY_PROVIDER_TYPES } as const;
const uidSchema = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9-]+$' };
const detailSchema = { type: 'string', pattern: DETAIL_PATTERN } as const;
const countSchema = { type: 'integer', minimum: 0 } as const;

const pagingQuery = {
  type: 'object',
  properties: { detail: detailSchema, limit: countSchema, offset: countSchema },
} as const;

type PagingQuery = { detail?: string; limit?: number; offset?: number };
type TypeParams = { type: string };
type ProviderParams = { type: string; uid: string };

const providerParams = {
  type: 'object',
  properties: { type: typeSchema, uid: uidSchema },
  required: ['type', 'uid'],
} as const;

// ---- Provider resources ---------------------------------------------------------------------

/** A Provider as the inventory lists it: detail 0 names it, detail ≥ 1 adds the CR and counts. */
const providerResource = (
  provider: Provider,
  detail: number,
  inventory: ProviderInventory | undefined,
): Record<string, unknown> => {
  const uid = provider.metadata?.uid ?? '';
  const type = provider.spec?.type ?? '';
  const resource = {
    uid,
    version: provider.metadata?.resourceVersion ?? '',
    namespace: provider.metadata?.namespace ?? '',
    name: provider.metadata?.name ?? '',
    selfLink: `providers/${type}/${uid}`,
    id: uid,
  };
  if (detail === 0) return resource;
  // The Provider CR names its Secret but holds no credentials, so it can go out whole.
  return { ...resource, type, object: provider, ...(inventory?.summary() ?? {}) };
};

export const inventoryRoutes: FastifyPluginAsync<Options> = async (
  app,
  { connection, inventories, parityTimeoutMs = 10_000 },
) => {
  const access = createProviderAccess(connection);
  const providers = `${INVENTORY_PREFIX}/providers`;

  const runningInventory = (uid: string, type: string) => {
    const inventory = inventories.get(uid);
    return inventory?.type === type ? inventory : undefined;
  };

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

  const listProviders = async (
    request: FastifyRequest<{ Querystring: PagingQuery & { namespace?: string } }>,
    reply: FastifyReply,
    types: readonly string[],
  ): Promise<Record<string, Record<string, unknown>[]> | undefined> => {
    const { namespace, limit, offset } = request.query;
    const detail = detailLevel(request.query.detail);
    let found: Provider[];
    try {
      found = await access.list(request.caller, namespace);
    } catch (error) {
      sendKubeError(reply, error);
      return undefined;
    }
    return Object.fromEntries(
      types.map((type) => [
        type,
        page(
          found.filter((provider) => provider.spec?.type === type),
          offset,
          limit,
        ).map((provider) =>
          providerResource(provider, detail, runningInventory(provider.metadata?.uid ?? '', type)),
        ),
      ]),
    );
  };

  const providersQuery = {
    ...pagingQuery,
    properties: { ...pagingQuery.properties, namespace: dns1123Schema },
  } as const;

  app.get<{ Querystring: PagingQuery & { namespace?: string } }>(
    providers,
    {
      schema: {
        querystring: providersQuery,
        response: {
          200: {
            type: 'object',
            properties: Object.fromEntries(
              INVENTORY_PROVIDER_TYPES.map((type) => [type, looseList]),
            ),
            required: INVENTORY_PROVIDER_TYPES,
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      (await listProviders(request, reply, INVENTORY_PROVIDER_TYPES)) ?? reply,
  );

  for (const path of [`${providers}/:type`, `${providers}/:type/`]) {
    app.get<{ Params: TypeParams; Querystring: PagingQuery & { namespace?: string } }>(
      path,
      {
        schema: {
          params: { type: 'object', properties: { type: typeSchema }, required: ['type'] },
          querystring: providersQuery,
          response: { 200: looseList, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { type } = request.params;
        const byType = await listProviders(request, reply, [type]);
        return byType ? byType[type] : reply;
      },
    );
  }

  app.get<{ Params: ProviderParams }>(
    `${providers}/:type/:uid`,
    { schema: { params: providerParams, response: { 200: looseObject, ...errorResponses } } },
    async (request, reply) => {
      const { type, uid } = request.params;
      let provider: Provider | undefined;
      try {
        provider = await access.resolve(uid, request.caller, { fresh: true });
      } catch (error) {
        return sendKubeError(reply, error);
      }
      if (!provider || provider.spec?.type !== type) {
        return sendError(reply, 404, `No ${type} provider with uid ${uid}`);
      }
      // One provider is always served in full; counts only while its inventory runs.
      return providerResource(provider, 1, runningInventory(uid, type));
    },
  );

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
      const tree = inventory.tree(kind, detailLevel(request.query.detail));
      if (!tree) return sendError(reply, 404, `There is no ${kind} tree for this provider`);
      return sendJson(reply, jsonOf(tree));
    },
  );

  type CollectionQuery = PagingQuery & { name?: string };
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
            },
          },
          response: { 200: looseList, ...partialResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const inventory = await openInventory(request, reply, request.params);
        if (!inventory) return reply;
        const { collection } = request.params;
        const { name, limit, offset } = request.query;
        const items = inventory.list(collection, {
          detail: detailLevel(request.query.detail),
          ...(name !== undefined ? { name: splitName(name) } : {}),
        });
        if (!items) return sendError(reply, 404, `This provider has no ${collection} collection`);
        return sendJson(reply, pageBody(items, offset, limit));
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
      const object = inventory.get(collection, id);
      if (object === undefined) return sendError(reply, 404, `No ${collection} object ${id}`);
      return sendJson(reply, jsonOf(object));
    },
  );
};
