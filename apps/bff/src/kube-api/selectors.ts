// Label and field selectors with the syntax kubectl and client-node send.

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
