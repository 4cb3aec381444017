// JSON schemas of the plan details page's writes: which spec fields a PATCH may set (the settings
// the page edits; provider, maps and archived have their own routes), the whole Plan the YAML tab
// sends, and a local hook. The API server's CRD schema judges the rest (422).
import {
  bodyMetadataSchema,
  dns1123Schema,
  objectParamsSchema,
  objectReferenceSchema,
} from '../http/schemas.ts';

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const nullable = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] }) as const;

const planVm = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    namespace: { type: 'string' },
    type: { type: 'string' },
    hooks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          step: { type: 'string', enum: ['PreHook', 'PostHook'] },
          hook: objectReferenceSchema,
        },
        required: ['step', 'hook'],
        additionalProperties: false,
      },
    },
    luks: objectReferenceSchema,
    nbdeClevis: { type: 'boolean' },
    rootDisk: { type: 'string' },
    instanceType: { type: 'string' },
    pvcNameTemplate: { type: 'string' },
    volumeNameTemplate: { type: 'string' },
    networkNameTemplate: { type: 'string' },
    targetName: { type: 'string' },
    targetPowerState: { type: 'string', enum: ['on', 'off', 'auto'] },
    deleteVmOnFailMigration: { type: 'boolean' },
    migrateSharedDisks: { type: 'boolean' },
    enableNestedVirtualization: { type: 'boolean' },
    rdmAsLun: { type: 'boolean' },
    scsiReservation: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** The spec fields the details page edits; `null` removes a field (JSON merge patch). */
export const editableSpecProperties = {
  description: nullable({ type: 'string' }),
  targetNamespace: dns1123Schema,
  type: nullable({ type: 'string', enum: ['cold', 'warm', 'live', 'conversion'] }),
  warm: nullable({ type: 'boolean' }),
  transferNetwork: nullable(objectReferenceSchema),
  preserveStaticIPs: nullable({ type: 'boolean' }),
  preserveClusterCpuModel: nullable({ type: 'boolean' }),
  migrateSharedDisks: nullable({ type: 'boolean' }),
  pvcNameTemplate: nullable({ type: 'string' }),
  pvcNameTemplateUseGenerateName: nullable({ type: 'boolean' }),
  volumeNameTemplate: nullable({ type: 'string' }),
  networkNameTemplate: nullable({ type: 'string' }),
  targetPowerState: nullable({ type: 'string', enum: ['on', 'off', 'auto'] }),
  xfsCompatibility: nullable({ type: 'boolean' }),
  skipGuestConversion: nullable({ type: 'boolean' }),
  useCompatibilityMode: nullable({ type: 'boolean' }),
  targetLabels: nullable(stringMap),
  targetNodeSelector: nullable(stringMap),
  convertorLabels: nullable(stringMap),
  convertorNodeSelector: nullable(stringMap),
  vms: { type: 'array', minItems: 1, items: planVm },
} as const;

export const planPatchBodySchema = {
  type: 'object',
  properties: {
    resourceVersion: { type: 'string', minLength: 1 },
    spec: {
      type: 'object',
      properties: editableSpecProperties,
      additionalProperties: false,
      minProperties: 1,
    },
  },
  required: ['resourceVersion', 'spec'],
  additionalProperties: false,
} as const;

export const planReplaceBodySchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: bodyMetadataSchema(true),
    spec: { type: 'object' },
    // A YAML copied from the page carries its status; the API server ignores it.
    status: { type: 'object' },
  },
  required: ['metadata', 'spec'],
  additionalProperties: false,
} as const;

export const hookBodySchema = {
  type: 'object',
  properties: {
    resourceVersion: { type: 'string', minLength: 1 },
    hook: {
      type: 'object',
      properties: {
        image: { type: 'string', minLength: 1 },
        serviceAccount: dns1123Schema,
        // Base64, as Hook.spec.playbook stores it.
        playbook: { type: 'string' },
        deadline: { type: 'integer', minimum: 1 },
      },
      required: ['image'],
      additionalProperties: false,
    },
  },
  required: ['resourceVersion', 'hook'],
  additionalProperties: false,
} as const;

export const planParamsSchema = objectParamsSchema;

export const hookParamsSchema = {
  type: 'object',
  properties: {
    namespace: dns1123Schema,
    name: dns1123Schema,
    step: { type: 'string', enum: ['pre', 'post'] },
  },
  required: ['namespace', 'name', 'step'],
} as const;

export const hookDeleteQuerySchema = {
  type: 'object',
  properties: { resourceVersion: { type: 'string', minLength: 1 } },
  required: ['resourceVersion'],
  additionalProperties: false,
} as const;
