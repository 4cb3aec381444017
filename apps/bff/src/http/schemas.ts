// JSON schemas shared by the BFF's routes.

export const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['statusCode', 'message'],
} as const;

/** A Kubernetes object passed through as the API server gave it. */
export const kubeObjectSchema = { type: 'object', additionalProperties: true } as const;

export const kubeListSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object', additionalProperties: true },
    items: { type: 'array', items: kubeObjectSchema },
  },
  required: ['items'],
} as const;

// The API server checks names fully; this only keeps path segments sane.
export const dns1123Schema = {
  type: 'string',
  minLength: 1,
  maxLength: 253,
  pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
} as const;

/**
 * The metadata of a whole object sent to be created or replaced: its name and, for a replace,
 * the resourceVersion it was read at (so that a stale page gets 409, not a lost update).
 */
export const bodyMetadataSchema = (withResourceVersion: boolean) =>
  ({
    type: 'object',
    properties: {
      name: dns1123Schema,
      namespace: { type: 'string' },
      resourceVersion: { type: 'string', minLength: 1 },
    },
    required: withResourceVersion ? ['name', 'resourceVersion'] : ['name'],
  }) as const;

/** `:namespace` of a route on a project's collection. */
export const namespaceParamsSchema = {
  type: 'object',
  properties: { namespace: dns1123Schema },
  required: ['namespace'],
} as const;

/** `:namespace/:name` of a route on one object. */
export const objectParamsSchema = {
  type: 'object',
  properties: { namespace: dns1123Schema, name: dns1123Schema },
  required: ['namespace', 'name'],
} as const;

/** A Kubernetes ObjectReference (a Plan's transfer network, a map's provider). */
export const objectReferenceSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    namespace: { type: 'string' },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    fieldPath: { type: 'string' },
  },
  required: ['name'],
  additionalProperties: false,
} as const;

/** The failures a route that writes through the API server can answer (see sendKubeError). */
export const kubeErrorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
  503: errorSchema,
};
