// A dry run of the validation rules: the caller sends one VM in Forklift's inventory shape and gets
// the concerns the inventory would record for it, without the VM being in any inventory.
import type { FastifyPluginAsync } from 'fastify';
import { errorSchema } from '../http/schemas.ts';
import { sendError } from '../http/errors.ts';
import { VALIDATED_PROVIDER_TYPES, validateWorkload, type WorkloadDocument } from './rule-sets.ts';

// Real inventory VMs with many disks and guest details stay well under this.
const BODY_LIMIT = 5 * 1024 * 1024;

const concernSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label: { type: 'string' },
    category: { type: 'string', enum: ['Critical', 'Warning', 'Information'] },
    assessment: { type: 'string' },
  },
  required: ['id', 'label', 'category', 'assessment'],
} as const;

const unsupportedType = (providerType: string) =>
  `params/providerType ${JSON.stringify(providerType)} has no validation rules; ` +
  `supported provider types: ${VALIDATED_PROVIDER_TYPES.join(', ')}`;

type ValidateRoute = { Params: { providerType: string }; Body: WorkloadDocument };

export const validationRoutes: FastifyPluginAsync = async (app) => {
  app.post<ValidateRoute>(
    '/api/v1/validate/:providerType',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        params: {
          type: 'object',
          properties: { providerType: { type: 'string', minLength: 1 } },
          required: ['providerType'],
        },
        // Like Forklift's policy agent, any JSON object is a workload to judge: a partial one,
        // one without a name, one with a number where the inventory has a string. Only what is
        // not an object is refused.
        body: { type: 'object' },
        response: {
          200: {
            type: 'object',
            properties: {
              rulesVersion: { type: 'integer' },
              concerns: { type: 'array', items: concernSchema },
            },
            required: ['rulesVersion', 'concerns'],
          },
          400: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { providerType } = request.params;
      return (
        validateWorkload(providerType, request.body) ??
        sendError(reply, 400, unsupportedType(providerType))
      );
    },
  );
};
