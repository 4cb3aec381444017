// The VM query language: a filter over inventory VMs, written as a user would say it, e.g.
//   powerState = 'poweredOn' and memoryMB > 4096 and name like 'web%'
//   any(disks[*].capacity > 100Gi) or len(nics) >= 2
//   not (guestId in ['rhel9_64Guest', 'rhel8_64Guest']) and name ~= '^db-[0-9]+$'
// Grammar, loosest first:
//   query      := 'where'? or
//   or         := and ('or' and)*
//   and        := not ('and' not)*
//   not        := 'not' not | comparison
//   comparison := value (('=' | '!=' | '<' | '<=' | '>' | '>=') value
//                       | 'not'? ('in' list | 'like' text | 'ilike' text) | '~=' text)?
//   value      := number [size suffix Ki Mi Gi Ti Pi K M G T P] | text | true | false | null
//               | function '(' query ')' | field | list | '(' query ')'
//   field      := name ('.' name | '[' '*' ']' | '[' number ']')*
//   function   := len | any | all | sum
// Keywords are case-insensitive; field names are the inventory's JSON names.
import { QuerySyntaxError, tokenize, type Token } from './lexer.ts';

export type PathStep = { kind: 'key'; key: string } | { kind: 'index'; index: number | '*' };

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type QueryFunction = 'len' | 'any' | 'all' | 'sum';

export type QueryNode =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'field'; path: PathStep[] }
  | { kind: 'list'; items: QueryNode[] }
  | { kind: 'call'; name: QueryFunction; argument: QueryNode }
  | { kind: 'not'; operand: QueryNode }
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'compare'; comparator: Comparator; left: QueryNode; right: QueryNode }
  | { kind: 'in'; negated: boolean; left: QueryNode; list: QueryNode }
  | { kind: 'like'; negated: boolean; caseInsensitive: boolean; left: QueryNode; pattern: string }
  | { kind: 'regex'; left: QueryNode; pattern: RegExp };

const FUNCTIONS: readonly string[] = ['len', 'any', 'all', 'sum'];
const COMPARATORS: readonly string[] = ['=', '!=', '<', '<=', '>', '>='];
const KEYWORDS = ['and', 'or', 'not', 'in', 'like', 'ilike', 'true', 'false', 'null'];

const describe = (token: Token): string =>
  token.kind === 'end'
    ? 'the end of the query'
    : token.kind === 'string'
      ? `'${token.value}'`
      : `"${String(token.value)}"`;

/** Reads a query into its tree; throws QuerySyntaxError saying what was expected where. */
export const parseQuery = (text: string): QueryNode => {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const next = (): Token => tokens[at++]!;
  const isKeyword = (word: string, token = peek()) =>
    token.kind === 'name' && token.value.toLowerCase() === word;
  const isSymbol = (symbol: string, token = peek()) =>
    token.kind === 'symbol' && token.value === symbol;
  const fail = (expected: string, token = peek()): never => {
    throw new QuerySyntaxError(`Expected ${expected} but found ${describe(token)}`, token.position);
  };
  const expectSymbol = (symbol: string) => {
    if (!isSymbol(symbol)) fail(`"${symbol}"`);
    next();
  };

  const quoted = (what: string): string => {
    const token = peek();
    if (token.kind !== 'string') return fail(what);
    next();
    return token.value;
  };

  const list = (): QueryNode => {
    expectSymbol('[');
    const items: QueryNode[] = [];
    if (!isSymbol(']')) {
      items.push(value());
      while (isSymbol(',')) {
        next();
        items.push(value());
      }
    }
    expectSymbol(']');
    return { kind: 'list', items };
  };

  const field = (first: string): QueryNode => {
    const path: PathStep[] = [{ kind: 'key', key: first }];
    for (;;) {
      if (isSymbol('.')) {
        next();
        const name = peek();
        if (name.kind !== 'name') return fail('a field name after "."');
        next();
        path.push({ kind: 'key', key: name.value });
      } else if (isSymbol('[')) {
        next();
        const index = peek();
        if (isSymbol('*')) path.push({ kind: 'index', index: '*' });
        else if (index.kind === 'number' && Number.isInteger(index.value)) {
          path.push({ kind: 'index', index: index.value });
        } else return fail('"*" or a position in "[…]"');
        next();
        expectSymbol(']');
      } else {
        return { kind: 'field', path };
      }
    }
  };

  const value = (): QueryNode => {
    const token = peek();
    if (token.kind === 'number' || token.kind === 'string') {
      next();
      return { kind: 'literal', value: token.value };
    }
    if (isSymbol('(')) {
      next();
      const inner = or();
      expectSymbol(')');
      return inner;
    }
    if (isSymbol('[')) return list();
    if (token.kind !== 'name') return fail('a field, a value, a list or "("');
    const word = token.value.toLowerCase();
    if (word === 'true' || word === 'false') {
      next();
      return { kind: 'literal', value: word === 'true' };
    }
    if (word === 'null') {
      next();
      return { kind: 'literal', value: null };
    }
    if (KEYWORDS.includes(word)) return fail('a field, a value, a list or "("');
    next();
    if (FUNCTIONS.includes(word) && isSymbol('(')) {
      next();
      const argument = or();
      expectSymbol(')');
      return { kind: 'call', name: word as QueryFunction, argument };
    }
    return field(token.value);
  };

  const comparison = (): QueryNode => {
    const left = value();
    const token = peek();
    if (token.kind === 'symbol' && COMPARATORS.includes(token.value)) {
      next();
      return { kind: 'compare', comparator: token.value as Comparator, left, right: value() };
    }
    if (isSymbol('~=')) {
      next();
      const start = peek().position;
      const source = quoted('a regular expression in quotes after "~="');
      try {
        return { kind: 'regex', left, pattern: new RegExp(source) };
      } catch (error) {
        throw new QuerySyntaxError(`Not a regular expression: ${(error as Error).message}`, start);
      }
    }
    const negated =
      isKeyword('not') && ['in', 'like', 'ilike'].some((w) => isKeyword(w, tokens[at + 1]));
    if (negated) next();
    if (isKeyword('in')) {
      next();
      if (!isSymbol('[')) fail('a list "[…]" after "in"');
      return { kind: 'in', negated, left, list: list() };
    }
    if (isKeyword('like') || isKeyword('ilike')) {
      const caseInsensitive = isKeyword('ilike');
      next();
      const pattern = quoted('a pattern in quotes after "like"');
      return { kind: 'like', negated, caseInsensitive, left, pattern };
    }
    return left;
  };

  const not = (): QueryNode => {
    if (isKeyword('not')) {
      next();
      return { kind: 'not', operand: not() };
    }
    return comparison();
  };

  const binary = (word: 'and' | 'or', operand: () => QueryNode) => (): QueryNode => {
    let left = operand();
    while (isKeyword(word)) {
      next();
      left = { kind: word, left, right: operand() };
    }
    return left;
  };

  const and = binary('and', not);
  const or = binary('or', and);

  // kubectl-mtv writes its queries "where <condition>"; a field named where is still a field.
  const second = tokens[1];
  if (
    isKeyword('where') &&
    second &&
    second.kind !== 'end' &&
    !COMPARATORS.includes(String(second.value))
  ) {
    next();
  }
  if (peek().kind === 'end') fail('a condition');
  const query = or();
  if (peek().kind !== 'end') fail('"and", "or" or the end of the query');
  return query;
};
