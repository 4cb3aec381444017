// JSON schemas of the migration routes (plans/migration-routes.ts). Responses list their fields,
// so nothing else of a pod or claim (env, volumes, annotations) leaves the BFF.

const vmIdSchema = { type: 'string', minLength: 1, maxLength: 256 } as const;

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
          dataVolumes: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                phase: { type: 'string' },
                progress: { type: 'string' },
                claimName: { type: 'string' },
              },
              required: ['name'],
            },
          },
          persistentVolumeClaims: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                phase: { type: 'string' },
                capacity: { type: 'string' },
                storageClassName: { type: 'string' },
              },
              required: ['name'],
            },
          },
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
    namespace: {
      type: 'string',
      minLength: 1,
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    },
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
    container: {
      type: 'string',
      minLength: 1,
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    },
    tailLines: { type: 'integer', minimum: 1, maximum: MAX_LOG_LINES },
  },
  additionalProperties: false,
} as const;
