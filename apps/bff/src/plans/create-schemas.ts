// JSON schemas of the create-plan route's body: the structure the wizard relies on, so that a
// malformed request is refused with the field's path before anything is created; the CRD schemas
// judge the rest (422).
import { MAX_DECRYPTION_PASSPHRASES } from '@forklift-console/api';
import { dns1123Schema, namespaceParamsSchema } from '../http/schemas.ts';
import { networkMapEntry, storageMapEntry } from '../maps/map-schemas.ts';

const objectReference = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1 }, namespace: { type: 'string' } },
  required: ['name'],
} as const;

const planSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: {
      type: 'object',
      properties: {
        name: dns1123Schema,
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['name'],
      additionalProperties: false,
    },
    spec: {
      type: 'object',
      properties: {
        provider: {
          type: 'object',
          properties: { source: objectReference, destination: objectReference },
          required: ['source', 'destination'],
        },
        targetNamespace: dns1123Schema,
        vms: { type: 'array', minItems: 1, items: { type: 'object' } },
      },
      required: ['provider', 'targetNamespace', 'vms'],
    },
  },
  required: ['metadata', 'spec'],
  additionalProperties: false,
} as const;

const mapChoice = (entry: object) =>
  ({
    type: 'object',
    properties: {
      name: dns1123Schema,
      map: { type: 'array', minItems: 1, items: entry },
    },
    anyOf: [{ required: ['name'] }, { required: ['map'] }],
    additionalProperties: false,
  }) as const;

const hookSpecSchema = {
  type: 'object',
  properties: {
    image: { type: 'string', minLength: 1 },
    serviceAccount: dns1123Schema,
    // The engine runs it from a Secret key: base64, as the Hook CRD stores it.
    playbook: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
    deadline: { type: 'integer', minimum: 0 },
  },
  required: ['image'],
  additionalProperties: false,
} as const;

export const createPlanBodySchema = {
  type: 'object',
  properties: {
    plan: planSchema,
    networkMap: mapChoice(networkMapEntry),
    storageMap: mapChoice(storageMapEntry),
    hooks: {
      type: 'object',
      properties: { pre: hookSpecSchema, post: hookSpecSchema },
      additionalProperties: false,
    },
    diskDecryption: {
      type: 'object',
      properties: {
        passphrases: {
          type: 'array',
          minItems: 1,
          maxItems: MAX_DECRYPTION_PASSPHRASES,
          items: { type: 'string', minLength: 1 },
        },
        secretName: dns1123Schema,
      },
      anyOf: [{ required: ['passphrases'] }, { required: ['secretName'] }],
      additionalProperties: false,
    },
  },
  required: ['plan', 'networkMap', 'storageMap'],
  additionalProperties: false,
} as const;

export const planCollectionParamsSchema = namespaceParamsSchema;
