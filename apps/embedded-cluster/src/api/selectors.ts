// Label and field selectors with the syntax kubectl and client-node send.
import type { KubeObject } from './store.ts';

export type Requirement =
  | { key: string; op: '=' | '!='; values: [string] }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' };

export class SelectorError extends Error {}

const splitTopLevel = (selector: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
};

export const parseSelector = (selector: string | undefined): Requirement[] => {
  if (!selector) return [];
  return splitTopLevel(selector).map((part): Requirement => {
    let match = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (match) {
      const values = match[3]!
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      return { key: match[1]!, op: match[2] as 'in' | 'notin', values };
    }
    match = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(part);
    if (match) {
      return { key: match[1]!, op: match[2] === '!=' ? '!=' : '=', values: [match[3]!] };
    }
    match = /^!\s*([\w./-]+)$/.exec(part);
    if (match) return { key: match[1]!, op: '!' };
    match = /^([\w./-]+)$/.exec(part);
    if (match) return { key: match[1]!, op: 'exists' };
    throw new SelectorError(`unable to parse requirement: "${part}"`);
  });
};

export const matches = (
  requirements: Requirement[],
  lookup: (key: string) => string | undefined,
): boolean =>
  requirements.every((requirement) => {
    const value = lookup(requirement.key);
    switch (requirement.op) {
      case '=':
        return value === requirement.values[0];
      case '!=':
        return value !== requirement.values[0];
      case 'in':
        return value !== undefined && requirement.values.includes(value);
      case 'notin':
        return value === undefined || !requirement.values.includes(value);
      case 'exists':
        return value !== undefined;
      case '!':
        return value === undefined;
    }
  });

/**
 * A field selector: only `=`, `==` and `!=`, as kube-apiserver accepts, on the fields the kind
 * offers (every kind has metadata.name and metadata.namespace).
 */
export const parseFieldSelector = (
  selector: string | undefined,
  fieldLabels: Record<string, string>,
): Requirement[] => {
  if (!selector) return [];
  return selector.split(',').map((part): Requirement => {
    const match = /^\s*([^\s=!]+)\s*(==|=|!=)\s*([^\s=!]*)\s*$/.exec(part);
    if (!match) {
      throw new SelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    }
    const key = match[1]!;
    if (key !== 'metadata.name' && key !== 'metadata.namespace' && !(key in fieldLabels)) {
      throw new SelectorError(`field label not supported: ${key}`);
    }
    return { key, op: match[2] === '!=' ? '!=' : '=', values: [match[3]!] };
  });
};

const valueAt = (object: unknown, dottedPath: string): string | undefined => {
  let value = object;
  for (const key of dottedPath.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  // Unset fields compare as empty, the way kube-apiserver converts them to field labels.
  return value === undefined || value === null ? '' : String(value);
};

export const labelLookup = (object: KubeObject) => (key: string) => object.metadata.labels?.[key];

export const fieldLookup =
  (object: KubeObject, fieldLabels: Record<string, string>) => (key: string) =>
    valueAt(object, fieldLabels[key] ?? key);
