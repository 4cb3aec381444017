// The check that what the builders make is what the cluster's components accept: KubeVirt's and
// CDI's published OpenAPI (deploy/schemas), and for core kinds (Pod, Secret, PV, PVC) the
// Kubernetes OpenAPI as @kubernetes/client-node carries it (each model's attribute type map). Every
// object with listed properties is closed, so a misspelt field fails instead of being pruned by
// the API server in silence.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as clientNode from '@kubernetes/client-node';
import Ajv from 'ajv';

type Schema = Record<string, unknown>;
type Swagger = { definitions: Record<string, Schema> };

export type SchemaSet = 'kubevirt' | 'cdi' | 'core';

const SCHEMA_FILES = {
  kubevirt: '../../../../../../deploy/schemas/kubevirt-openapi.json',
  cdi: '../../../../../../deploy/schemas/cdi-openapi.json',
} as const;

/** Objects that list their properties accept no others (Kubernetes' own OpenAPI leaves it open). */
const closed = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'enum' ? value : closed(value)]),
  );
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
};

const readSwagger = (set: 'kubevirt' | 'cdi'): Swagger =>
  JSON.parse(readFileSync(fileURLToPath(new URL(SCHEMA_FILES[set], import.meta.url)), 'utf8'));

type AttributeType = { baseName: string; type: string; format: string };
type Model = { getAttributeTypeMap?: () => AttributeType[] };

const models = clientNode as unknown as Record<string, Model | undefined>;

/** A client-node type name (`V1PodSpec`, `Array<V1Volume>`, `{ [key: string]: string; }`) as JSON schema. */
const typeSchema = (type: string, format: string, definitions: Record<string, Schema>): Schema => {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1]!, format, definitions) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map)
    return { type: 'object', additionalProperties: typeSchema(map[1]!, format, definitions) };
  if (type === 'string' || type === 'Date') return { type: 'string' };
  if (type === 'number') return { type: format === 'double' ? 'number' : 'integer' };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'IntOrString') return { type: ['integer', 'string'] };
  if (type === 'any') return {};
  const model = models[type];
  if (!model?.getAttributeTypeMap) throw new Error(`client-node has no model ${type}`);
  if (!definitions[type]) {
    definitions[type] = {};
    const properties = Object.fromEntries(
      model
        .getAttributeTypeMap()
        .map((attribute) => [
          attribute.baseName,
          typeSchema(attribute.type, attribute.format, definitions),
        ]),
    );
    definitions[type] = { type: 'object', properties, additionalProperties: false };
  }
  return { $ref: `#/definitions/${type}` };
};

const validators = new Map<string, (object: unknown) => string[]>();

const errorLines = (errors: Ajv.ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((error) => {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    return `${error.dataPath || '(root)'} ${error.message}${extra ? `: ${extra}` : ''}`;
  });

const validatorFor = (set: SchemaSet, kind: string, apiVersion: string) => {
  const key = `${set}:${apiVersion}:${kind}`;
  const known = validators.get(key);
  if (known) return known;
  const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', logger: false });
  let root: Schema;
  if (set === 'core') {
    const definitions: Record<string, Schema> = {};
    root = { allOf: [typeSchema(`V1${kind}`, '', definitions)], definitions };
  } else {
    const { definitions } = readSwagger(set);
    const name = `${apiVersion.split('/').pop()}.${kind}`;
    if (!definitions[name]) throw new Error(`${set} has no schema ${name}`);
    root = { allOf: [{ $ref: `#/definitions/${name}` }], definitions: closed(definitions) };
  }
  const validate = ajv.compile(root);
  const check = (object: unknown) => (validate(object) ? [] : errorLines(validate.errors));
  validators.set(key, check);
  return check;
};

/** The schema's complaints about the object (by its kind and apiVersion); empty when it is valid. */
export const schemaErrors = (object: unknown, set: SchemaSet): string[] => {
  const { kind, apiVersion } = (object ?? {}) as { kind?: string; apiVersion?: string };
  if (!kind || !apiVersion) return ['(root) names no kind and apiVersion'];
  return validatorFor(set, kind, apiVersion)(object);
};

export const assertMatchesSchema = (object: unknown, set: SchemaSet): void => {
  assert.deepEqual(schemaErrors(object, set), [], `the ${set} schema rejects the object`);
};
