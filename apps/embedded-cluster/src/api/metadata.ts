// ObjectMeta validation as kube-apiserver does it for every kind: the name by the kind's rule,
// labels, annotations, finalizers and ownerReferences by type and format. Each problem is a cause
// naming the field (`metadata.labels`), worded as Kubernetes words it.
import { dns1123LabelError, dns1123SubdomainError } from '@forklift-console/api';
import type { Kind } from './kinds.ts';
import type { FieldCause } from './schema.ts';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_MAX_LENGTH = 63;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MAX_LENGTH = 63;
/** kube-apiserver's TotalAnnotationSizeLimitB: keys and values together. */
export const ANNOTATIONS_MAX_BYTES = 256 * 1024;

const NAME_PART_FORMAT =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_FORMAT =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_FORMAT =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

const invalidValue = (field: string, value: unknown, message: string): FieldCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${show(value)}: ${message}`,
});

const wrongType = (field: string, value: unknown, expected: string): FieldCause => ({
  reason: 'FieldValueTypeInvalid',
  field,
  message: `Invalid value: ${show(value)}: must be ${expected}`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `value` is not a qualified name (`[prefix/]name`), or undefined when it is. */
const qualifiedNameError = (value: string): string | undefined => {
  const parts = value.split('/');
  if (parts.length > 2) return QUALIFIED_NAME_FORMAT;
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    const prefixError = dns1123SubdomainError(prefix);
    if (prefixError) return `prefix part a lowercase RFC 1123 subdomain ${prefixError}`;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > QUALIFIED_NAME_MAX_LENGTH) {
    return `name part must be no more than ${QUALIFIED_NAME_MAX_LENGTH} characters`;
  }
  if (!QUALIFIED_NAME.test(name)) return NAME_PART_FORMAT;
  return undefined;
};

const labelValueError = (value: string): string | undefined => {
  if (value.length > LABEL_VALUE_MAX_LENGTH) {
    return `must be no more than ${LABEL_VALUE_MAX_LENGTH} characters`;
  }
  return LABEL_VALUE.test(value) ? undefined : LABEL_VALUE_FORMAT;
};

/**
 * Namespaces are DNS-1123 labels; RBAC objects only need to be a path segment (so
 * `system:discovery` is a name); everything else is a DNS-1123 subdomain.
 */
const nameError = (kind: Kind, name: string): string | undefined => {
  if (kind.kind === 'Namespace') {
    const error = dns1123LabelError(name);
    return error && `a lowercase RFC 1123 label ${error}`;
  }
  if (kind.group === 'rbac.authorization.k8s.io') {
    if (name === '.' || name === '..') return `may not be '${name}'`;
    const forbidden = ['/', '%'].find((character) => name.includes(character));
    return forbidden && `may not contain '${forbidden}'`;
  }
  const error = dns1123SubdomainError(name);
  return error && `a lowercase RFC 1123 subdomain ${error}`;
};

const validateName = (kind: Kind, name: unknown): FieldCause[] => {
  if (typeof name !== 'string') return [wrongType('metadata.name', name, 'a string')];
  const error = nameError(kind, name);
  return error ? [invalidValue('metadata.name', name, error)] : [];
};

/** A map of strings, as labels and annotations are. */
const stringMapCauses = (field: string, value: unknown): FieldCause[] | undefined => {
  if (!isObject(value)) return [wrongType(field, value, 'an object of strings')];
  const notStrings = Object.entries(value).filter(([, entry]) => typeof entry !== 'string');
  if (notStrings.length > 0) {
    return notStrings.map(([key, entry]) => wrongType(`${field}.${key}`, entry, 'a string'));
  }
  return undefined;
};

const validateLabels = (labels: unknown): FieldCause[] => {
  if (labels === undefined || labels === null) return [];
  const typeCauses = stringMapCauses('metadata.labels', labels);
  if (typeCauses) return typeCauses;
  return Object.entries(labels as Record<string, string>).flatMap(([key, value]) => {
    const keyError = qualifiedNameError(key);
    const valueError = labelValueError(value);
    return [
      ...(keyError ? [invalidValue('metadata.labels', key, keyError)] : []),
      ...(valueError ? [invalidValue('metadata.labels', value, valueError)] : []),
    ];
  });
};

const validateAnnotations = (annotations: unknown): FieldCause[] => {
  if (annotations === undefined || annotations === null) return [];
  const typeCauses = stringMapCauses('metadata.annotations', annotations);
  if (typeCauses) return typeCauses;
  const entries = Object.entries(annotations as Record<string, string>);
  const causes = entries.flatMap(([key]) => {
    const error = qualifiedNameError(key.toLowerCase());
    return error ? [invalidValue('metadata.annotations', key, error)] : [];
  });
  const size = entries.reduce(
    (total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(value),
    0,
  );
  if (size > ANNOTATIONS_MAX_BYTES) {
    causes.push({
      reason: 'FieldValueTooLong',
      field: 'metadata.annotations',
      message: `Too long: must have at most ${ANNOTATIONS_MAX_BYTES} bytes`,
    });
  }
  return causes;
};

const validateFinalizers = (finalizers: unknown): FieldCause[] => {
  if (finalizers === undefined || finalizers === null) return [];
  if (!Array.isArray(finalizers)) {
    return [wrongType('metadata.finalizers', finalizers, 'an array of strings')];
  }
  return finalizers.flatMap((finalizer, index) => {
    if (typeof finalizer !== 'string') {
      return [wrongType(`metadata.finalizers[${index}]`, finalizer, 'a string')];
    }
    const error = qualifiedNameError(finalizer);
    return error ? [invalidValue('metadata.finalizers', finalizer, error)] : [];
  });
};

const OWNER_REFERENCE_FIELDS = [
  ['apiVersion', 'version must not be empty'],
  ['kind', 'kind must not be empty'],
  ['name', 'name must not be empty'],
  ['uid', 'uid must not be empty'],
] as const;

const validateOwnerReferences = (references: unknown): FieldCause[] => {
  if (references === undefined || references === null) return [];
  const field = 'metadata.ownerReferences';
  if (!Array.isArray(references)) return [wrongType(field, references, 'an array of objects')];
  const causes = references.flatMap((reference: unknown, index): FieldCause[] => {
    if (!isObject(reference)) return [wrongType(`${field}[${index}]`, reference, 'an object')];
    return [
      ...OWNER_REFERENCE_FIELDS.flatMap(([key, emptyMessage]) => {
        const value = reference[key];
        if (value === undefined || value === '') {
          return [invalidValue(`${field}.${key}`, value ?? '', emptyMessage)];
        }
        return typeof value === 'string' ? [] : [wrongType(`${field}.${key}`, value, 'a string')];
      }),
      ...(['controller', 'blockOwnerDeletion'] as const).flatMap((key) =>
        reference[key] === undefined || typeof reference[key] === 'boolean'
          ? []
          : [wrongType(`${field}[${index}].${key}`, reference[key], 'a boolean')],
      ),
    ];
  });
  const controllers = references.filter(
    (reference: unknown) => isObject(reference) && reference.controller === true,
  );
  if (controllers.length > 1) {
    causes.push(
      invalidValue(field, controllers, 'Only one reference can have Controller set to true'),
    );
  }
  return causes;
};

export const validateObjectMeta = (kind: Kind, metadata: Record<string, unknown>): FieldCause[] => [
  ...validateName(kind, metadata.name),
  ...(metadata.generateName !== undefined && typeof metadata.generateName !== 'string'
    ? [wrongType('metadata.generateName', metadata.generateName, 'a string')]
    : []),
  ...validateLabels(metadata.labels),
  ...validateAnnotations(metadata.annotations),
  ...validateFinalizers(metadata.finalizers),
  ...validateOwnerReferences(metadata.ownerReferences),
];
