// A dry run of the validation rules: the caller sends one VM in Forklift's inventory shape and gets
// the concerns the inventory would record for it, without the VM being in any inventory.
import type { FastifyPluginAsync, FastifySchemaValidationError } from 'fastify';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { errorSchema } from '../http/schemas.ts';
import { sendError } from '../http/errors.ts';
import { NO_VM_NAME, VALIDATED_PROVIDER_TYPES, validateWorkload } from './rule-sets.ts';

// Real inventory VMs with many disks and guest details stay well under this.
const BODY_LIMIT = 5 * 1024 * 1024;

const objects = (properties: Record<string, { type: string }> = {}) => ({
  type: 'array',
  items: { type: 'object', properties, additionalProperties: true },
});

// Only the fields the rules read are typed, so a wrong type is refused with its name instead of
// silently turning a rule off; every other field of an inventory VM passes as it is.
const workloadSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    disks: objects({
      key: { type: 'integer' },
      unitNumber: { type: 'integer' },
      controllerKey: { type: 'integer' },
      file: { type: 'string' },
      capacity: { type: 'number' },
      bus: { type: 'string' },
      mode: { type: 'string' },
      // OVA disks keep Forklift's PascalCase keys.
      Capacity: { type: 'number' },
      FilePath: { type: 'string' },
    }),
    exportSource: { type: 'string' },
    devices: objects({ kind: { type: 'string' } }),
    guestDisks: objects({
      key: { type: 'integer' },
      diskPath: { type: 'string' },
      freeSpace: { type: 'number' },
    }),
    guestNetworks: objects(),
    cpuAffinity: { type: 'array', items: { type: 'integer' } },
    numaNodeAffinity: { type: 'array', items: { type: 'string' } },
  },
  required: ['name'],
  additionalProperties: true,
} as const;

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

const unsupportedType = (providerType: unknown) =>
  `params/providerType ${JSON.stringify(providerType)} has no validation rules; ` +
  `supported provider types: ${VALIDATED_PROVIDER_TYPES.join(', ')}`;

// Fastify's default Ajv coerces types (a numeric name becomes "123", a lone number becomes a
// one-element array), which would hide exactly the mistakes this schema is there to report.
// `verbose` keeps the offending value on each error, so the message can name it.
const buildStrictValidator = AjvCompiler()(
  {},
  { customOptions: { coerceTypes: false, verbose: true } },
);

const describeError = (error: FastifySchemaValidationError, dataVar: string) => {
  if (dataVar === 'params' && error.keyword === 'enum') {
    return unsupportedType((error as { data?: unknown }).data);
  }
  const text = `${dataVar}${error.instancePath} ${error.message}`;
  const aboutName =
    error.instancePath === '/name' ||
    (error.instancePath === '' && error.params.missingProperty === 'name');
  // Forklift's policy refuses the same input with this sentence; keep it recognisable.
  return dataVar === 'body' && aboutName ? `${NO_VM_NAME}: ${text}` : text;
};

type ValidateRoute = { Params: { providerType: string }; Body: Record<string, unknown> };

export const validationRoutes: FastifyPluginAsync = async (app) => {
  app.setValidatorCompiler(buildStrictValidator);

  app.post<ValidateRoute>(
    '/api/v1/validate/:providerType',
    {
      bodyLimit: BODY_LIMIT,
      schemaErrorFormatter: (errors, dataVar) =>
        new Error(errors.map((error) => describeError(error, dataVar)).join(', ')),
      schema: {
        params: {
          type: 'object',
          properties: { providerType: { type: 'string', enum: VALIDATED_PROVIDER_TYPES } },
          required: ['providerType'],
        },
        body: workloadSchema,
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
