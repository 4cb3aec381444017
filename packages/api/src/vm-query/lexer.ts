// The words of the VM query language (see parser.ts): each token keeps where it starts, so that a
// syntax error can say where it is.

export class QuerySyntaxError extends Error {
  /** 0-based offset in the query text. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} (at character ${position + 1})`);
    this.position = position;
  }
}

export type Token =
  | { kind: 'number'; value: number; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'name'; value: string; position: number }
  | { kind: 'symbol'; value: string; position: number }
  | { kind: 'end'; position: number };

/** Binary (Ki…) and decimal (K…) multipliers a number may carry: `4Gi`, `500M`. */
const SIZE_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
};

// Longest first, so that `<=` is not read as `<` then `=`.
const SYMBOLS = ['<=', '>=', '!=', '~=', '=', '<', '>', '(', ')', '[', ']', ',', '.', '*'];

const NUMBER = /^\d+(\.\d+)?([KMGTP]i?)?(?![\w])/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

const readString = (text: string, start: number): { value: string; end: number } => {
  const quote = text[start]!;
  let value = '';
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length) {
      index += 1;
      value += text[index];
    } else if (char === quote) {
      return { value, end: index + 1 };
    } else {
      value += char;
    }
  }
  throw new QuerySyntaxError(`The text that starts here has no closing ${quote}`, start);
};

export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const rest = text.slice(position);
    const space = /^\s+/.exec(rest);
    if (space) {
      position += space[0].length;
      continue;
    }
    if (rest[0] === "'" || rest[0] === '"') {
      const { value, end } = readString(text, position);
      tokens.push({ kind: 'string', value, position });
      position = end;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      const suffix = number[2];
      const digits = suffix ? number[0].slice(0, -suffix.length) : number[0];
      const value = Number(digits) * (suffix ? SIZE_SUFFIXES[suffix]! : 1);
      tokens.push({ kind: 'number', value, position });
      position += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], position });
      position += name[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => rest.startsWith(candidate));
    if (!symbol) throw new QuerySyntaxError(`"${rest[0]}" has no meaning here`, position);
    tokens.push({ kind: 'symbol', value: symbol, position });
    position += symbol.length;
  }
  tokens.push({ kind: 'end', position });
  return tokens;
};
