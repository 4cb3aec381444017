// What the caller may do, asked ahead so that pages can disable the actions they would be refused.
// Each check is a SelfSubjectAccessReview sent with the caller's own credentials: RBAC stays the
// only judge, and the routes that act still ask again.
import type { FastifyPluginAsync } from 'fastify';
import type { KubeConnection } from '../kube/connection.ts';
import { mayDo, type ResourceAttributes } from '../kube/access-review.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
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
} as const;

const KNOWN_FIELDS = new Set(Object.keys(checkSchema.properties));

// Not `additionalProperties: false`, which Fastify's validator applies by silently dropping an
// unknown field such as `subresource`: the answer would be about something other than what was
// asked. `propertyNames` would refuse it but without naming the field.
/** The first field no check may have, named by its path, or undefined. */
export const unknownFieldError = (checks: readonly object[]): string | undefined => {
  for (const [index, check] of checks.entries()) {
    const unknown = Object.keys(check).find((field) => !KNOWN_FIELDS.has(field));
    if (unknown !== undefined) {
      return `checks[${index}].${unknown} is not a field of a check: verb, group, resource, namespace, name`;
    }
  }
  return undefined;
};

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
      const unknown = unknownFieldError(checks);
      if (unknown) return sendError(reply, 400, unknown);
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
