// The name templates of a plan (pvcNameTemplate, volumeNameTemplate, networkNameTemplate) are Go
// templates. This renders the part of Go's text/template that Forklift's documented templates use:
// `.Field`, string and number literals, pipelines, parentheses, `if`/`else if`/`else`/`end`, the
// comparison and logic built-ins, `printf`, and the string functions `trunc`, `lower`, `upper`,
// `trim`, `trimPrefix`, `trimSuffix` and `replace` (Sprig's argument order). Anything else (range,
// with, variables, other functions) is refused with a message naming it, rather than guessed at.

export type TemplateValue = string | number | boolean;
export type TemplateData = Readonly<Record<string, TemplateValue>>;

export type TemplateResult =
  { value: string; error?: undefined } | { value?: undefined; error: string };

class TemplateError extends Error {}

type Token =
  | { kind: 'field'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'ident'; name: string }
  | { kind: 'pipe' | 'open' | 'close' };

type Operand =
  | { kind: 'field'; name: string }
  | { kind: 'literal'; value: TemplateValue }
  | { kind: 'pipeline'; pipeline: Pipeline };
type Command = { function?: string; args: Operand[] };
type Pipeline = Command[];

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; pipeline: Pipeline }
  | { kind: 'if'; condition: Pipeline; then: Node[]; otherwise: Node[] };

const TOKEN =
  /\s*(?:(\.[A-Za-z_]\w*)|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(-?\d+)(?![\w.])|([A-Za-z_]\w*)|(\|)|(\()|(\))|(\S))/y;

const tokenize = (source: string): Token[] => {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(source);
    if (!match) break;
    const [, field, quoted, raw, number, ident, pipe, open, close, other] = match;
    if (field) tokens.push({ kind: 'field', name: field.slice(1) });
    else if (quoted !== undefined)
      tokens.push({ kind: 'string', value: JSON.parse(`"${quoted}"`) });
    else if (raw !== undefined) tokens.push({ kind: 'string', value: raw });
    else if (number) tokens.push({ kind: 'number', value: Number(number) });
    else if (ident === 'true' || ident === 'false')
      tokens.push({ kind: 'bool', value: ident === 'true' });
    else if (ident) tokens.push({ kind: 'ident', name: ident });
    else if (pipe) tokens.push({ kind: 'pipe' });
    else if (open) tokens.push({ kind: 'open' });
    else if (close) tokens.push({ kind: 'close' });
    else if (other === '$') throw new TemplateError('template variables ($) are not supported');
    else throw new TemplateError(`unexpected "${other}" in {{${source}}}`);
  }
  return tokens;
};

const parsePipeline = (tokens: Token[], at: { i: number }, nested: boolean): Pipeline => {
  const commands: Pipeline = [];
  let command: Command = { args: [] };
  while (at.i < tokens.length) {
    const token = tokens[at.i++]!;
    if (token.kind === 'close') {
      if (nested) break;
      throw new TemplateError('unexpected ")"');
    }
    if (token.kind === 'pipe') {
      if (!command.function && command.args.length === 0)
        throw new TemplateError('missing command before "|"');
      commands.push(command);
      command = { args: [] };
    } else if (token.kind === 'ident') {
      if (command.function || command.args.length > 0) {
        throw new TemplateError(`"${token.name}" must be the first word of a command`);
      }
      command.function = token.name;
    } else if (token.kind === 'open') {
      command.args.push({ kind: 'pipeline', pipeline: parsePipeline(tokens, at, true) });
    } else if (token.kind === 'field') {
      command.args.push({ kind: 'field', name: token.name });
    } else if (token.kind === 'string' || token.kind === 'number' || token.kind === 'bool') {
      command.args.push({ kind: 'literal', value: token.value });
    }
  }
  if (!command.function && command.args.length === 0) throw new TemplateError('empty command');
  commands.push(command);
  return commands;
};

const pipelineOf = (source: string): Pipeline => {
  const tokens = tokenize(source);
  const at = { i: 0 };
  const pipeline = parsePipeline(tokens, at, false);
  if (at.i < tokens.length) throw new TemplateError(`unexpected text in {{${source}}}`);
  return pipeline;
};

type Action = { text: string } | { action: string };

const ACTION = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;

const splitActions = (template: string): Action[] => {
  const parts: Action[] = [];
  let last = 0;
  let trimNext = false;
  for (const match of template.matchAll(ACTION)) {
    let text = template.slice(last, match.index);
    if (trimNext) text = text.trimStart();
    if (match[1]) text = text.trimEnd();
    parts.push({ text });
    parts.push({ action: (match[2] ?? '').trim() });
    trimNext = Boolean(match[3]);
    last = match.index + match[0].length;
  }
  const rest = template.slice(last);
  if (rest.includes('{{')) throw new TemplateError('unclosed action: "{{" without "}}"');
  parts.push({ text: trimNext ? rest.trimStart() : rest });
  return parts;
};

const REFUSED_KEYWORDS = new Set([
  'range',
  'with',
  'define',
  'template',
  'block',
  'break',
  'continue',
]);

/** Parses nodes until `end`/`else` (inside an if) or the end of the template. */
const parseNodes = (
  parts: Action[],
  at: { i: number },
  inIf: boolean,
): { nodes: Node[]; stop?: 'end' | 'else' | 'elseIf'; elseCondition?: string } => {
  const nodes: Node[] = [];
  while (at.i < parts.length) {
    const part = parts[at.i++]!;
    if ('text' in part) {
      if (part.text) nodes.push({ kind: 'text', text: part.text });
      continue;
    }
    const words = part.action.split(/\s+/);
    const keyword = words[0] ?? '';
    if (part.action.startsWith('/*')) continue;
    if (keyword === 'end' || keyword === 'else') {
      if (!inIf) throw new TemplateError(`unexpected {{${keyword}}}`);
      if (keyword === 'else' && words[1] === 'if') {
        return { nodes, stop: 'elseIf', elseCondition: part.action.replace(/^else\s+if\s*/, '') };
      }
      return { nodes, stop: keyword };
    }
    if (keyword === 'if') {
      nodes.push(parseIf(parts, at, part.action.replace(/^if\s*/, '')));
      continue;
    }
    if (REFUSED_KEYWORDS.has(keyword)) throw new TemplateError(`{{${keyword}}} is not supported`);
    nodes.push({ kind: 'print', pipeline: pipelineOf(part.action) });
  }
  if (inIf) throw new TemplateError('{{if}} without {{end}}');
  return { nodes };
};

const parseIf = (parts: Action[], at: { i: number }, condition: string): Node => {
  if (!condition) throw new TemplateError('{{if}} needs a condition');
  const then = parseNodes(parts, at, true);
  const node: Node = {
    kind: 'if',
    condition: pipelineOf(condition),
    then: then.nodes,
    otherwise: [],
  };
  if (then.stop === 'elseIf') node.otherwise = [parseIf(parts, at, then.elseCondition ?? '')];
  else if (then.stop === 'else') {
    const otherwise = parseNodes(parts, at, true);
    if (otherwise.stop !== 'end') throw new TemplateError('{{else}} must be followed by {{end}}');
    node.otherwise = otherwise.nodes;
  }
  return node;
};

const truthy = (value: TemplateValue): boolean => value !== false && value !== 0 && value !== '';

const text = (value: TemplateValue): string => String(value);

const asString = (name: string, value: TemplateValue | undefined): string => {
  if (typeof value !== 'string')
    throw new TemplateError(`${name} wants a string, got ${text(value ?? '')}`);
  return value;
};

const asInteger = (name: string, value: TemplateValue | undefined): number => {
  if (typeof value !== 'number')
    throw new TemplateError(`${name} wants a number, got ${text(value ?? '')}`);
  return value;
};

const arity = (name: string, args: TemplateValue[], count: number) => {
  if (args.length !== count) {
    throw new TemplateError(
      `${name} wants ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
};

const compare = (
  name: string,
  a: TemplateValue | undefined,
  b: TemplateValue | undefined,
): number => {
  if (a === undefined || b === undefined) throw new TemplateError(`${name} wants 2 arguments`);
  if (typeof a !== typeof b) throw new TemplateError(`${name}: incompatible types for comparison`);
  return a < b ? -1 : a > b ? 1 : 0;
};

const printf = (args: TemplateValue[]): string => {
  const [format, ...values] = args;
  let next = 0;
  return asString('printf', format).replace(/%(0?)(\d*)([sdvq%])/g, (_all, zero, width, verb) => {
    if (verb === '%') return '%';
    const value = values[next++];
    if (value === undefined) return `%!${verb}(MISSING)`;
    const shown = verb === 'q' ? JSON.stringify(text(value)) : text(value);
    return width ? shown.padStart(Number(width), zero ? '0' : ' ') : shown;
  });
};

const FUNCTIONS: Record<string, (args: TemplateValue[]) => TemplateValue> = {
  // Sprig's trunc: a negative length keeps the end of the string.
  trunc: (args) => {
    arity('trunc', args, 2);
    const length = asInteger('trunc', args[0]);
    const value = asString('trunc', args[1]);
    if (length < 0) return value.slice(Math.max(0, value.length + length));
    return value.slice(0, length);
  },
  lower: (args) => (arity('lower', args, 1), asString('lower', args[0]).toLowerCase()),
  upper: (args) => (arity('upper', args, 1), asString('upper', args[0]).toUpperCase()),
  trim: (args) => (arity('trim', args, 1), asString('trim', args[0]).trim()),
  trimPrefix: (args) => {
    arity('trimPrefix', args, 2);
    const prefix = asString('trimPrefix', args[0]);
    const value = asString('trimPrefix', args[1]);
    return value.startsWith(prefix) ? value.slice(prefix.length) : value;
  },
  trimSuffix: (args) => {
    arity('trimSuffix', args, 2);
    const suffix = asString('trimSuffix', args[0]);
    const value = asString('trimSuffix', args[1]);
    return suffix && value.endsWith(suffix) ? value.slice(0, -suffix.length) : value;
  },
  replace: (args) => {
    arity('replace', args, 3);
    return asString('replace', args[2])
      .split(asString('replace', args[0]))
      .join(asString('replace', args[1]));
  },
  printf,
  eq: (args) => {
    if (args.length < 2) throw new TemplateError('eq wants at least 2 arguments');
    return args.slice(1).some((other) => compare('eq', args[0], other) === 0);
  },
  ne: (args) => (arity('ne', args, 2), compare('ne', args[0], args[1]) !== 0),
  lt: (args) => (arity('lt', args, 2), compare('lt', args[0], args[1]) < 0),
  le: (args) => (arity('le', args, 2), compare('le', args[0], args[1]) <= 0),
  gt: (args) => (arity('gt', args, 2), compare('gt', args[0], args[1]) > 0),
  ge: (args) => (arity('ge', args, 2), compare('ge', args[0], args[1]) >= 0),
  not: (args) => (arity('not', args, 1), !truthy(args[0]!)),
  and: (args) => args.find((arg) => !truthy(arg)) ?? args[args.length - 1] ?? true,
  or: (args) => args.find((arg) => truthy(arg)) ?? args[args.length - 1] ?? false,
  len: (args) => (arity('len', args, 1), asString('len', args[0]).length),
};

const evaluate = (pipeline: Pipeline, data: TemplateData): TemplateValue => {
  let previous: TemplateValue | undefined;
  for (const command of pipeline) {
    const args = command.args.map((operand): TemplateValue => {
      if (operand.kind === 'literal') return operand.value;
      if (operand.kind === 'pipeline') return evaluate(operand.pipeline, data);
      const value = data[operand.name];
      if (value === undefined) throw new TemplateError(`unknown variable .${operand.name}`);
      return value;
    });
    if (previous !== undefined) args.push(previous);
    if (command.function) {
      const run = FUNCTIONS[command.function];
      if (!run) throw new TemplateError(`function "${command.function}" is not supported`);
      previous = run(args);
    } else {
      if (args.length !== 1) throw new TemplateError('a value cannot be called with arguments');
      previous = args[0]!;
    }
  }
  return previous ?? '';
};

const renderNodes = (nodes: Node[], data: TemplateData): string =>
  nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'print') return text(evaluate(node.pipeline, data));
      return renderNodes(truthy(evaluate(node.condition, data)) ? node.then : node.otherwise, data);
    })
    .join('');

/** The template's output for the data, or why it cannot be rendered. */
export const renderNameTemplate = (template: string, data: TemplateData): TemplateResult => {
  try {
    const nodes = parseNodes(splitActions(template), { i: 0 }, false).nodes;
    return { value: renderNodes(nodes, data) };
  } catch (error) {
    if (error instanceof TemplateError || error instanceof SyntaxError) {
      return { error: `Template error: ${error.message}` };
    }
    throw error;
  }
};
