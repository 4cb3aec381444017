// What the caller may do, asked ahead so that pages can disable the actions they would be refused.
// Each check is a SelfSubjectAccessReview sent with the caller's own credentials: RBAC stays the
// only judge, and the routes that act still ask again.
import type { FastifyPluginAsync } from 'fastify';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { mayDo, type ResourceAttributes } from '../kube/access-review.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { sendKubeError } from '../http/errors.ts';
import { dns1123Schema, errorSchema } from '../http/schemas.ts';

type Options = { connection: KubeConnection };

export type AccessReviewsRequest = { checks: ResourceAttributes[] };

export const MAX_CHECKS = 20;

const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';

const checkSchema = {
  type: 'object',
  properties: {
    verb: { enum: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
    // '' is the core API group (Secrets, Namespaces).
    group: { type: 'string', maxLength: 253, pattern: `^(${DNS_LABEL}(\\.${DNS_LABEL})*)?$` },
    resource: { type: 'string', maxLength: 63, pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
    namespace: { type: 'string', minLength: 1, maxLength: 63, pattern: `^${DNS_LABEL}$` },
    name: dns1123Schema,
  },
  required: ['verb', 'group', 'resource'],
  // An unknown field such as `subresource` is refused: the answer would be about something other
  // than what was asked.
  additionalProperties: false,
} as const;

/**
 * `POST /api/v1/access-reviews` with `{ checks: [{ verb, group, resource, namespace?, name? }] }`:
 * answers `{ allowed: boolean[] }`, in the order of the checks.
 */
export const accessReviewRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.post<{ Body: AccessReviewsRequest }>(
    '/api/v1/access-reviews',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            checks: { type: 'array', minItems: 1, maxItems: MAX_CHECKS, items: checkSchema },
          },
          required: ['checks'],
        },
        response: {
          200: {
            type: 'object',
            properties: { allowed: { type: 'array', items: { type: 'boolean' } } },
            required: ['allowed'],
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { checks } = request.body;
      try {
        const userConfig = kubeConfigForRequest(connection, request.caller);
        const allowed = await Promise.all(checks.map((check) => mayDo(userConfig, check)));
        return { allowed };
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};
