// The plan actions of the list and the details page: bulk Archive and Delete, each plan judged on
// its own, and Duplicate. Every call runs with the caller's credentials, so RBAC decides per plan.
import type { FastifyPluginAsync } from 'fastify';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import {
  dns1123Schema,
  objectParamsSchema,
  errorSchema,
  kubeErrorResponses,
  kubeObjectSchema,
} from '../http/schemas.ts';
import { actOnPlans, type BulkPlanAction, type PlanKey } from './bulk-plan-actions.ts';
import { duplicatePlan, DuplicateRefusal } from './duplicate-plan.ts';
import { OwnedObjectError } from './owned-objects.ts';
import { logUndoFailure, sendOwnedObjectError } from './owned-object-replies.ts';

type Options = { connection: KubeConnection };

/** The most plans one request may name: a whole list page selected, with room to spare. */
export const MAX_BULK_PLANS = 500;

const planKeySchema = { ...objectParamsSchema, additionalProperties: false } as const;

const bulkBodySchema = {
  type: 'object',
  properties: {
    plans: { type: 'array', minItems: 1, maxItems: MAX_BULK_PLANS, items: planKeySchema },
  },
  required: ['plans'],
  additionalProperties: false,
} as const;

const bulkResponseSchema = {
  type: 'object',
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          namespace: { type: 'string' },
          name: { type: 'string' },
          ok: { type: 'boolean' },
          error: { type: 'string' },
        },
        required: ['namespace', 'name', 'ok'],
      },
    },
  },
  required: ['results'],
} as const;

const duplicateBodySchema = {
  type: 'object',
  properties: { name: dns1123Schema },
  required: ['name'],
  additionalProperties: false,
} as const;

export const planActionRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  for (const action of ['archive', 'delete'] as const satisfies BulkPlanAction[]) {
    app.post<{ Body: { plans: PlanKey[] } }>(
      `/api/v1/plans/${action}`,
      {
        schema: {
          body: bulkBodySchema,
          response: { 200: bulkResponseSchema, 400: errorSchema, 401: errorSchema },
        },
      },
      async (request, reply) => {
        try {
          const kubeConfig = kubeConfigForRequest(connection, request.caller);
          return { results: await actOnPlans(kubeConfig, action, request.body.plans) };
        } catch (error) {
          return sendKubeError(reply, error);
        }
      },
    );
  }

  app.post<{ Params: PlanKey; Body: { name: string } }>(
    '/api/v1/namespaces/:namespace/plans/:name/duplicate',
    {
      schema: {
        params: objectParamsSchema,
        body: duplicateBodySchema,
        response: { 201: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const plan = await duplicatePlan(
          kubeConfig,
          request.params,
          request.body.name,
          logUndoFailure(request.log, request.params.namespace),
        );
        return reply.code(201).send(plan);
      } catch (error) {
        if (error instanceof DuplicateRefusal) {
          return sendError(reply, error.statusCode, error.message);
        }
        if (error instanceof OwnedObjectError) return sendOwnedObjectError(reply, error);
        return sendKubeError(reply, error);
      }
    },
  );
};
