// What a parsed VM query says of one VM. A field the VM does not have is null, and a comparison
// with null is false (as in SQL) unless it asks `= null`. A field path through `[*]` stands for all
// the values it reaches: a comparison with it holds when it holds for one of them, `any(…)` and
// `all(…)` say so explicitly, `len(…)` counts them and `sum(…)` adds them up.
import type { PathStep, QueryNode } from './parser.ts';

type Scalar = string | number | boolean | null;
/** Many values: what a `[*]` path reaches, or a list literal. */
type Many = { many: Value[] };
type Value = Scalar | Many | object;

const isMany = (value: Value): value is Many =>
  typeof value === 'object' && value !== null && 'many' in value;

const step = (values: unknown[], pathStep: PathStep): unknown[] =>
  values.flatMap((current) => {
    if (pathStep.kind === 'key') {
      return typeof current === 'object' && current !== null
        ? [(current as Record<string, unknown>)[pathStep.key]]
        : [undefined];
    }
    if (!Array.isArray(current)) return [undefined];
    return pathStep.index === '*' ? current : [current[pathStep.index]];
  });

const readField = (vm: unknown, path: PathStep[]): Value => {
  const spread = path.some((pathStep) => pathStep.kind === 'index' && pathStep.index === '*');
  const values = path.reduce<unknown[]>((current, pathStep) => step(current, pathStep), [vm]);
  const normalized = values.map((value) => (value === undefined ? null : (value as Value)));
  return spread ? { many: normalized } : (normalized[0] ?? null);
};

// Like SQL's LIKE: % is any run of characters, _ is one.
const likeToRegExp = (pattern: string, caseInsensitive: boolean): RegExp =>
  new RegExp(
    `^${pattern
      .split('')
      .map((char) =>
        char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
    caseInsensitive ? 'is' : 's',
  );

const compareScalars = (comparator: string, left: Value, right: Value): boolean => {
  if (comparator === '=') return left === right;
  if (comparator === '!=') return left !== null && right !== null && left !== right;
  if (left === null || right === null || typeof left !== typeof right) return false;
  if (typeof left !== 'number' && typeof left !== 'string') return false;
  const l = left as number | string;
  const r = right as number | string;
  if (comparator === '<') return l < r;
  if (comparator === '<=') return l <= r;
  if (comparator === '>') return l > r;
  return l >= r;
};

/** A test of one value against another, true for a spread value when it holds for one of them. */
const holds = (left: Value, right: Value, test: (l: Value, r: Value) => boolean): boolean => {
  if (isMany(left)) return left.many.some((item) => holds(item, right, test));
  if (isMany(right)) return right.many.some((item) => holds(left, item, test));
  return test(left, right);
};

const truthy = (value: Value): boolean =>
  isMany(value) ? value.many.some(truthy) : value !== null && value !== false && value !== 0;

const sizeOf = (value: Value): number => {
  if (isMany(value)) return value.many.length;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return value.length;
  return 0;
};

const total = (value: Value): number => {
  const items = isMany(value) ? value.many : Array.isArray(value) ? (value as Value[]) : [value];
  return items.reduce<number>((sum, item) => sum + (typeof item === 'number' ? item : 0), 0);
};

/** A spread value as many booleans: what any() and all() read. */
const each = (node: QueryNode, vm: unknown): boolean[] => {
  if (
    node.kind === 'compare' ||
    node.kind === 'in' ||
    node.kind === 'like' ||
    node.kind === 'regex'
  ) {
    const left = evaluate(node.left, vm);
    if (isMany(left)) {
      return left.many.map((item) => truthy(evaluate({ ...node, left: literal(item) }, vm)));
    }
  }
  const value = evaluate(node, vm);
  return isMany(value) ? value.many.map(truthy) : [truthy(value)];
};

// A value already read, put back into a node so that one element can be tested on its own.
const literal = (value: Value): QueryNode => ({ kind: 'literal', value: value as Scalar });

export const evaluate = (node: QueryNode, vm: unknown): Value => {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field':
      return readField(vm, node.path);
    case 'list':
      return { many: node.items.map((item) => evaluate(item, vm)) };
    case 'not':
      return !truthy(evaluate(node.operand, vm));
    case 'and':
      return truthy(evaluate(node.left, vm)) && truthy(evaluate(node.right, vm));
    case 'or':
      return truthy(evaluate(node.left, vm)) || truthy(evaluate(node.right, vm));
    case 'compare':
      return holds(evaluate(node.left, vm), evaluate(node.right, vm), (l, r) =>
        compareScalars(node.comparator, l, r),
      );
    case 'in': {
      const options = evaluate(node.list, vm);
      const found = holds(evaluate(node.left, vm), options, (l, r) => l !== null && l === r);
      return node.negated ? !found : found;
    }
    case 'like': {
      const pattern = likeToRegExp(node.pattern, node.caseInsensitive);
      const found = holds(
        evaluate(node.left, vm),
        null,
        (l) => typeof l === 'string' && pattern.test(l),
      );
      return node.negated ? !found : found;
    }
    case 'regex':
      return holds(
        evaluate(node.left, vm),
        null,
        (l) => typeof l === 'string' && node.pattern.test(l),
      );
    case 'call': {
      if (node.name === 'any') return each(node.argument, vm).some(Boolean);
      if (node.name === 'all') return each(node.argument, vm).every(Boolean);
      const argument = evaluate(node.argument, vm);
      return node.name === 'len' ? sizeOf(argument) : total(argument);
    }
  }
};
