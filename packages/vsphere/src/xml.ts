// A single-pass XML reader, written for vim25 SOAP responses and reused for OVF descriptors. A full
// inventory arrives as one response of tens of megabytes; a general-purpose parser spent most of a
// sync building and compressing trees, so this one writes each element straight into the object its
// parent ends up holding. It refuses DOCTYPE, so no external or expanding entity ever reaches it.
//
// The shape: an element is keyed by its local name (tag prefix dropped). A leaf without attributes
// is its text; an element with attributes or children is an object with `@_<name>` attributes
// (prefixes kept: vim25 puts both `xsi:type` and `type` on one element), children, and `#text`
// when it has text. A repeated tag becomes a list, and so does every tag named in `alwaysArray`.
// Text is trimmed of the whitespace written around it; character references are content and stay.

export type XmlNode = Record<string, unknown>;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// Either a reference we know, or a lone `&` (which well-formed XML never has).
const ENTITY_REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}))?(;)?/g;

const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

const decodeEntities = (text: string): string =>
  text.replace(
    ENTITY_REFERENCE,
    (match, named: string, decimal: string, hex: string, semicolon: string) => {
      if (!semicolon || !(named || decimal || hex)) {
        throw new Error(`XML: malformed entity reference in "${text.slice(0, 80)}"`);
      }
      if (named) return ENTITIES[named]!;
      const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16);
      if (!isXmlChar(code)) throw new Error(`XML: ${match} is not a character XML allows`);
      return String.fromCodePoint(code);
    },
  );

// A slice of 13 characters or more shares the response's memory, and a cached value would keep the
// whole response (tens of megabytes) alive; a copy lets it go. Shorter slices are copies already.
const ownCopy = (text: string) => (text.length < 13 ? text : (' ' + text).slice(1));

const textOf = (raw: string) => {
  const trimmed = raw.trim();
  return trimmed.includes('&') ? decodeEntities(trimmed) : ownCopy(trimmed);
};

// Servers spell the XML Schema instance prefix differently (vcsim: `XMLSchema-instance:type`);
// every `<prefix>:type` attribute is the data type of the value, read as `xsi:type`.
const attributeKey = (name: string) => {
  const colon = name.indexOf(':');
  return colon > 0 && name.endsWith(':type') && colon === name.length - 5
    ? '@_xsi:type'
    : `@_${name}`;
};

const SPACE = 32;
const SLASH = 47;
const GREATER = 62;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const EXCLAMATION = 33;
const QUESTION = 63;

/**
 * Parses a whole document. Throws on anything that is not well-formed (unclosed or mismatched
 * tags, a lone `&`, text outside the root element) and on DOCTYPE declarations, which a SOAP
 * peer never needs and which are how entity-expansion attacks arrive. CDATA sections are text.
 */
export const parseXml = (xml: string, alwaysArray: ReadonlySet<string> = new Set()): XmlNode => {
  const fail = (message: string, offset: number): never => {
    throw new Error(`XML: ${message} at offset ${offset}`);
  };

  const appendChild = (parent: XmlNode, name: string, value: unknown) => {
    const existing = parent[name];
    if (Array.isArray(existing)) existing.push(value);
    // Functions are what a plain object inherits (`constructor`, `toString`), never a child.
    else if (existing === undefined || typeof existing === 'function') {
      parent[name] = alwaysArray.has(name) ? [value] : value;
    } else parent[name] = [existing, value];
  };

  const root: XmlNode = {};
  let rootElements = 0;
  // The open elements, as parallel stacks: written tag (to match its close tag), local name,
  // object (made once the element has an attribute or a child) and text so far.
  const rawNames: string[] = [];
  const names: string[] = [];
  const nodes: (XmlNode | undefined)[] = [];
  const texts: string[] = [];
  let depth = 0;

  const parentNode = () => {
    if (depth === 0) return root;
    return (nodes[depth - 1] ??= {});
  };

  const addText = (text: string, offset: number) => {
    if (text === '') return;
    if (depth === 0) fail('text outside the root element', offset);
    texts[depth - 1] += text;
  };

  const length = xml.length;
  let position = 0;
  while (position < length) {
    const open = xml.indexOf('<', position);
    const textEnd = open === -1 ? length : open;
    if (textEnd > position) addText(textOf(xml.slice(position, textEnd)), position);
    if (open === -1) break;
    const next = xml.charCodeAt(open + 1);

    if (next === SLASH) {
      const close = xml.indexOf('>', open + 2);
      if (close === -1) fail('unterminated close tag', open);
      if (depth === 0) fail(`close tag ${xml.slice(open, close + 1)} without an open tag`, open);
      const rawName = rawNames[depth - 1]!;
      if (
        !xml.startsWith(rawName, open + 2) ||
        xml.slice(open + 2 + rawName.length, close).trim() !== ''
      ) {
        fail(`${xml.slice(open, close + 1)} does not close <${rawName}>`, open);
      }
      depth -= 1;
      const node = nodes[depth];
      const text = texts[depth]!;
      let value: unknown = text;
      if (node) {
        if (text !== '') node['#text'] = text;
        value = node;
      }
      nodes[depth] = undefined;
      appendChild(parentNode(), names[depth]!, value);
      position = close + 1;
      continue;
    }

    if (next === EXCLAMATION) {
      if (xml.startsWith('<!--', open)) {
        const end = xml.indexOf('-->', open + 4);
        if (end === -1) fail('unterminated comment', open);
        position = end + 3;
      } else if (xml.startsWith('<![CDATA[', open)) {
        const end = xml.indexOf(']]>', open + 9);
        if (end === -1) fail('unterminated CDATA section', open);
        if (depth === 0) fail('CDATA outside the root element', open);
        texts[depth - 1] += xml.slice(open + 9, end);
        position = end + 3;
      } else {
        fail('DOCTYPE and other declarations are not accepted', open);
      }
      continue;
    }

    if (next === QUESTION) {
      const end = xml.indexOf('?>', open + 2);
      if (end === -1) fail('unterminated processing instruction', open);
      position = end + 2;
      continue;
    }

    // An open tag: its name, then attributes up to `>` or `/>`.
    let cursor = open + 1;
    for (; cursor < length; cursor++) {
      const code = xml.charCodeAt(cursor);
      if (code <= SPACE || code === SLASH || code === GREATER) break;
    }
    if (cursor === open + 1) fail('a tag without a name', open);
    const rawName = xml.slice(open + 1, cursor);
    const colon = rawName.indexOf(':');
    const name = colon > 0 ? rawName.slice(colon + 1) : rawName;
    if (name === '__proto__') fail('the tag name __proto__ is not accepted', open);

    let node: XmlNode | undefined;
    let selfClosing = false;
    for (;;) {
      while (cursor < length && xml.charCodeAt(cursor) <= SPACE) cursor++;
      if (cursor >= length) fail(`unterminated tag <${rawName}>`, open);
      const code = xml.charCodeAt(cursor);
      if (code === GREATER) {
        cursor += 1;
        break;
      }
      if (code === SLASH) {
        if (xml.charCodeAt(cursor + 1) !== GREATER) fail(`malformed tag <${rawName}>`, open);
        cursor += 2;
        selfClosing = true;
        break;
      }
      const nameStart = cursor;
      for (; cursor < length; cursor++) {
        const nameCode = xml.charCodeAt(cursor);
        if (nameCode <= SPACE || nameCode === EQUALS || nameCode === GREATER || nameCode === SLASH)
          break;
      }
      const attributeName = xml.slice(nameStart, cursor);
      while (cursor < length && xml.charCodeAt(cursor) <= SPACE) cursor++;
      if (xml.charCodeAt(cursor) !== EQUALS) {
        fail(`attribute ${attributeName} of <${rawName}> has no value`, nameStart);
      }
      cursor += 1;
      while (cursor < length && xml.charCodeAt(cursor) <= SPACE) cursor++;
      const quote = xml.charCodeAt(cursor);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
        fail(`attribute ${attributeName} of <${rawName}> is not quoted`, nameStart);
      }
      const valueEnd = xml.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", cursor + 1);
      if (valueEnd === -1) fail(`unterminated attribute ${attributeName}`, nameStart);
      const raw = xml.slice(cursor + 1, valueEnd);
      if (raw.includes('<')) fail(`attribute ${attributeName} contains <`, nameStart);
      (node ??= {})[attributeKey(attributeName)] = textOf(raw);
      cursor = valueEnd + 1;
    }

    if (depth === 0 && ++rootElements > 1) fail('more than one root element', open);
    if (selfClosing) appendChild(parentNode(), name, node ?? '');
    else {
      rawNames[depth] = rawName;
      names[depth] = name;
      nodes[depth] = node;
      texts[depth] = '';
      depth += 1;
    }
    position = cursor;
  }
  if (depth > 0) fail(`<${rawNames[depth - 1]}> is not closed`, length);
  if (rootElements === 0) fail('no root element', 0);
  return root;
};
