// JSON schemas of the NetworkMap and StorageMap bodies the map routes accept: the structure the
// pages rely on, so that a malformed body is refused with the field's path before it reaches the
// API server, whose CRD schema then judges the rest (422).
import {
  bodyMetadataSchema,
  namespaceParamsSchema,
  objectParamsSchema,
  objectReferenceSchema,
} from '../http/schemas.ts';

const sourceReference = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    namespace: { type: 'string' },
    type: { type: 'string' },
  },
  additionalProperties: false,
} as const;

const providerPair = {
  type: 'object',
  properties: { source: objectReferenceSchema, destination: objectReferenceSchema },
  required: ['source', 'destination'],
  additionalProperties: false,
} as const;

export const networkMapEntry = {
  type: 'object',
  properties: {
    source: {
      ...sourceReference,
      properties: { ...sourceReference.properties, vlan: { type: 'string' } },
    },
    destination: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['pod', 'multus', 'ignored'] },
        name: { type: 'string' },
        namespace: { type: 'string' },
      },
      required: ['type'],
      additionalProperties: false,
    },
  },
  required: ['source', 'destination'],
  additionalProperties: false,
} as const;

export const storageMapEntry = {
  type: 'object',
  properties: {
    source: sourceReference,
    destination: {
      type: 'object',
      properties: {
        storageClass: { type: 'string', minLength: 1 },
        volumeMode: { type: 'string', enum: ['Filesystem', 'Block'] },
        accessMode: { type: 'string', enum: ['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany'] },
      },
      required: ['storageClass'],
      additionalProperties: false,
    },
    // Its variants are Forklift's; the CRD schema checks them field by field.
    offloadPlugin: { type: 'object' },
  },
  required: ['source', 'destination'],
  additionalProperties: false,
} as const;

const mapBody = (entry: object, withResourceVersion: boolean) =>
  ({
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: bodyMetadataSchema(withResourceVersion),
      spec: {
        type: 'object',
        properties: {
          provider: providerPair,
          map: { type: 'array', items: entry },
        },
        required: ['provider', 'map'],
        additionalProperties: false,
      },
      // A YAML copied from an existing map carries its status; the API server ignores it.
      status: { type: 'object' },
    },
    required: ['metadata', 'spec'],
    additionalProperties: false,
  }) as const;

export const mapBodySchemas = {
  networkmaps: { create: mapBody(networkMapEntry, false), replace: mapBody(networkMapEntry, true) },
  storagemaps: { create: mapBody(storageMapEntry, false), replace: mapBody(storageMapEntry, true) },
} as const;

export const mapCollectionParamsSchema = namespaceParamsSchema;

export const mapParamsSchema = objectParamsSchema;
