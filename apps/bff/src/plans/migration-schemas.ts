// JSON schemas of the migration routes (plans/migration-routes.ts). Responses list their fields,
// so nothing else of a pod or claim (env, volumes, annotations) leaves the BFF.

const vmIdSchema = { type: 'string', minLength: 1, maxLength: 256 } as const;
const stringSchema = { type: 'string' } as const;
/** A DNS-1123 label: a namespace's or a container's name. */
const dnsLabelSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 63,
  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
} as const;

/** A list of objects with a name and these string fields. */
const namedListSchema = <const Fields extends string>(...fields: Fields[]) =>
  ({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        name: stringSchema,
        ...(Object.fromEntries(fields.map((field) => [field, stringSchema])) as Record<
          Fields,
          typeof stringSchema
        >),
      },
      required: ['name'],
    },
  }) as const;

export const cancelBodySchema = {
  type: 'object',
  properties: {
    vms: {
      type: 'array',
      minItems: 1,
      maxItems: 5000,
      items: {
        type: 'object',
        properties: { id: vmIdSchema },
        required: ['id'],
        additionalProperties: false,
      },
    },
    all: { type: 'boolean', const: true },
  },
  oneOf: [{ required: ['vms'] }, { required: ['all'] }],
  additionalProperties: false,
} as const;

const podSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    phase: { type: 'string' },
    role: { type: 'string' },
    containers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          state: { type: 'string' },
          reason: { type: 'string' },
          exitCode: { type: 'integer' },
        },
        required: ['name', 'state'],
      },
    },
  },
  required: ['name', 'containers'],
} as const;

export const migrationResourcesSchema = {
  type: 'object',
  properties: {
    namespace: { type: 'string' },
    vms: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          vmID: { type: 'string' },
          dataVolumes: namedListSchema('phase', 'progress', 'claimName'),
          persistentVolumeClaims: namedListSchema('phase', 'capacity', 'storageClassName'),
          pods: { type: 'array', items: podSchema },
          virtualMachines: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                printableStatus: { type: 'string' },
                launcherPods: { type: 'array', items: podSchema },
              },
              required: ['name', 'launcherPods'],
            },
          },
        },
        required: ['vmID', 'dataVolumes', 'persistentVolumeClaims', 'pods', 'virtualMachines'],
      },
    },
  },
  required: ['namespace', 'vms'],
} as const;

export const podLogParamsSchema = {
  type: 'object',
  properties: {
    namespace: dnsLabelSchema,
    pod: {
      type: 'string',
      minLength: 1,
      maxLength: 253,
      pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
    },
  },
  required: ['namespace', 'pod'],
} as const;

/** The most lines one read returns: a long conversion log's end, without a page-sized megabyte. */
export const MAX_LOG_LINES = 10_000;

export const podLogQuerySchema = {
  type: 'object',
  properties: {
    container: dnsLabelSchema,
    tailLines: { type: 'integer', minimum: 1, maximum: MAX_LOG_LINES },
  },
  additionalProperties: false,
} as const;
