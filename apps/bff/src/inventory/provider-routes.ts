// The inventory API's provider resources: GET /providers, /providers/<type> and
// /providers/<type>/<uid>, the Provider CRs the caller may see, with their inventory's counts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Provider } from '@forklift-console/api';
import { sendError, sendKubeError } from '../http/errors.ts';
import { dns1123Schema } from '../http/schemas.ts';
import type { AccessReviews } from '../kube/access-review.ts';
import type { ProviderAccess } from './provider-access.ts';
import type { CallerRights, ProviderInventory } from './provider-inventory.ts';
import { callerRightsFor } from './caller-rights.ts';
import { detailLevel, page } from './query.ts';
import {
  errorResponses,
  INVENTORY_PROVIDER_TYPES,
  looseList,
  looseObject,
  pagingQuery,
  providerParams,
  typeSchema,
  type PagingQuery,
  type ProviderParams,
  type TypeParams,
} from './route-schemas.ts';

export type InventoryRouteDeps = {
  access: ProviderAccess;
  /** The caller's own rights, for inventories they narrow (the host cluster's). */
  reviews: AccessReviews;
  /** The running inventory of the provider with this uid, when it is of this type. */
  runningInventory: (uid: string, type: string) => ProviderInventory | undefined;
  /** The path of the providers collection, under the inventory prefix. */
  providers: string;
};

/** A Provider as the inventory lists it: detail 0 names it, detail ≥ 1 adds the CR and counts. */
const providerResource = (
  provider: Provider,
  detail: number,
  inventory: ProviderInventory | undefined,
  rights: CallerRights | undefined,
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
  return { ...resource, type, object: provider, ...(inventory?.summary(rights) ?? {}) };
};

export const registerProviderRoutes = (
  app: FastifyInstance,
  { access, reviews, runningInventory, providers }: InventoryRouteDeps,
) => {
  /** A provider at the detail asked, its counts of what the caller's rights let it see. */
  const describe = async (
    request: FastifyRequest,
    provider: Provider,
    detail: number,
  ): Promise<Record<string, unknown>> => {
    const inventory = runningInventory(provider.metadata?.uid ?? '', provider.spec?.type ?? '');
    const rights =
      detail > 0 && inventory?.callerScope
        ? await callerRightsFor(reviews, request.caller, inventory.callerScope, 'provider')
        : undefined;
    return providerResource(provider, detail, inventory, rights);
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
      await Promise.all(
        types.map(async (type) => [
          type,
          await Promise.all(
            page(
              found.filter((provider) => provider.spec?.type === type),
              offset,
              limit,
            ).map((provider) => describe(request, provider, detail)),
          ),
        ]),
      ),
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
      return describe(request, provider, 1);
    },
  );
};
