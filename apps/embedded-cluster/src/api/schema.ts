// Structural-schema handling as the Kubernetes API server does it for custom resources: apply
// defaults, prune fields the schema does not know, and validate, reporting each error with its
// field path (e.g. `spec.map[0].destination.name`).

export type JsonSchema = {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  nullable?: boolean;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
};

export type FieldCause = {
  reason:
    | 'FieldValueInvalid'
    | 'FieldValueRequired'
    | 'FieldValueNotSupported'
    | 'FieldValueTypeInvalid'
    | 'FieldValueTooLong';
  field: string;
  message: string;
};

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const childPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** Fields a structural schema keeps: metadata is the API server's own business. */
const walkChildren = (
  schema: JsonSchema,
  value: unknown,
  visit: (childSchema: JsonSchema, childValue: unknown, key: string | number) => void,
) => {
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema =
        schema.properties?.[key] ??
        (isObject(schema.additionalProperties) ? schema.additionalProperties : undefined);
      if (childSchema) visit(childSchema, child, key);
    }
  } else if (Array.isArray(value) && schema.items) {
    value.forEach((child, index) => visit(schema.items!, child, index));
  }
};

/** Fills unset properties that have a schema default, in place. */
export const applyDefaults = (schema: JsonSchema, value: unknown): void => {
  if (isObject(value) && schema.properties) {
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      if (value[key] === undefined && propertySchema.default !== undefined) {
        value[key] = structuredClone(propertySchema.default);
      }
    }
  }
  walkChildren(schema, value, (childSchema, child) => applyDefaults(childSchema, child));
};

/** Removes fields the schema does not declare, in place; returns their paths. */
export const prune = (schema: JsonSchema, value: unknown, path = ''): string[] => {
  const pruned: string[] = [];
  if (isObject(value) && !schema['x-kubernetes-preserve-unknown-fields']) {
    const keepsAny =
      schema.additionalProperties !== undefined && schema.additionalProperties !== false;
    for (const key of Object.keys(value)) {
      if (!schema.properties?.[key] && !keepsAny && !(path === '' && isRootMetaField(key))) {
        pruned.push(childPath(path, key));
        delete value[key];
      }
    }
  }
  walkChildren(schema, value, (childSchema, child, key) => {
    if (path === '' && key === 'metadata') return;
    const next = typeof key === 'number' ? `${path}[${key}]` : childPath(path, key);
    pruned.push(...prune(childSchema, child, next));
  });
  return pruned;
};

const isRootMetaField = (key: string) =>
  key === 'apiVersion' || key === 'kind' || key === 'metadata';

const checkType = (schema: JsonSchema, value: unknown, path: string): FieldCause | undefined => {
  const actual = typeOf(value);
  if (schema['x-kubernetes-int-or-string']) {
    return actual === 'integer' || actual === 'string'
      ? undefined
      : invalid(path, value, `${path} in body must be of type integer,string: ${show(actual)}`);
  }
  if (!schema.type) return undefined;
  const ok =
    schema.type === actual ||
    (schema.type === 'number' && actual === 'integer') ||
    (schema.type === 'object' && actual === 'object') ||
    (schema.type === 'array' && actual === 'array');
  return ok
    ? undefined
    : invalid(path, value, `${path} in body must be of type ${schema.type}: ${show(actual)}`);
};

const invalid = (field: string, value: unknown, detail: string): FieldCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${show(typeof value === 'object' ? typeOf(value) : value)}: ${detail}`,
});

/** Every violation of `schema` in `value`, with field paths as the API server prints them. */
export const validate = (schema: JsonSchema, value: unknown, path = ''): FieldCause[] => {
  if (value === null) {
    return schema.nullable || schema['x-kubernetes-preserve-unknown-fields'] || !schema.type
      ? []
      : [invalid(path, value, `${path} in body must be of type ${schema.type}: "null"`)];
  }
  const typeError = checkType(schema, value, path);
  if (typeError) return [typeError];
  const causes: FieldCause[] = [];

  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      field: path,
      message: `Unsupported value: ${show(value)}: supported values: ${schema.enum.map(show).join(', ')}`,
    });
  }
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      causes.push(invalid(path, value, `${path} in body should match '${schema.pattern}'`));
    }
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
      causes.push(
        invalid(path, value, `${path} in body should be at most ${schema.maxLength} chars long`),
      );
    }
    if (schema.minLength !== undefined && [...value].length < schema.minLength) {
      causes.push(
        invalid(path, value, `${path} in body should be at least ${schema.minLength} chars long`),
      );
    }
  }
  if (typeof value === 'number') {
    if (
      schema.minimum !== undefined &&
      (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)
    ) {
      causes.push(
        invalid(
          path,
          value,
          `${path} in body should be greater than or equal to ${schema.minimum}`,
        ),
      );
    }
    if (
      schema.maximum !== undefined &&
      (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)
    ) {
      causes.push(
        invalid(path, value, `${path} in body should be less than or equal to ${schema.maximum}`),
      );
    }
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: path,
        message: `Too many: ${value.length}: must have at most ${schema.maxItems} items`,
      });
    }
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      causes.push(
        invalid(path, value, `${path} in body should have at least ${schema.minItems} items`),
      );
    }
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined) {
        causes.push({
          reason: 'FieldValueRequired',
          field: childPath(path, key),
          message: 'Required value',
        });
      }
    }
  }
  walkChildren(schema, value, (childSchema, child, key) => {
    if (path === '' && key === 'metadata') return;
    const next = typeof key === 'number' ? `${path}[${key}]` : childPath(path, key);
    causes.push(...validate(childSchema, child, next));
  });
  return causes;
};
