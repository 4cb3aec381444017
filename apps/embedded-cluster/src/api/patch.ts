// The patch formats the API server accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902), and
// strategic merge patch treated as merge patch (kubectl apply sends it for built-in kinds).

export class PatchError extends Error {}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const mergePatch = (target: Json, patch: Json): Json => {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder/') || key.startsWith('$retainKeys'))
      continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
};

type Operation = { op: string; path: string; value?: Json; from?: string };

const parsePointer = (pointer: string): string[] => {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
};

const parentOf = (document: Json, tokens: string[], pointer: string) => {
  let node = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else node = undefined;
    if (node === undefined) throw new PatchError(`path "${pointer}" does not exist`);
  }
  return node;
};

const getAt = (document: Json, pointer: string): Json => {
  let node = document;
  for (const token of parsePointer(pointer)) {
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
    if (node === undefined) throw new PatchError(`path "${pointer}" does not exist`);
  }
  return node;
};

const apply = (document: Json, operation: Operation): Json => {
  const tokens = parsePointer(operation.path);
  if (tokens.length === 0) {
    if (operation.op === 'add' || operation.op === 'replace')
      return structuredClone(operation.value);
    throw new PatchError(`operation "${operation.op}" cannot apply to the whole document`);
  }
  const parent = parentOf(document, tokens, operation.path);
  const last = tokens[tokens.length - 1]!;
  const index = (forInsert: boolean) => {
    if (!Array.isArray(parent)) return -1;
    if (forInsert && last === '-') return parent.length;
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length - (forInsert ? 0 : 1)) {
      throw new PatchError(`index "${last}" is out of range in "${operation.path}"`);
    }
    return i;
  };
  switch (operation.op) {
    case 'add':
      if (Array.isArray(parent)) parent.splice(index(true), 0, structuredClone(operation.value));
      else if (isObject(parent)) parent[last] = structuredClone(operation.value);
      else throw new PatchError(`path "${operation.path}" does not exist`);
      return document;
    case 'remove':
    case 'replace': {
      if (Array.isArray(parent)) {
        const i = index(false);
        if (operation.op === 'remove') parent.splice(i, 1);
        else parent[i] = structuredClone(operation.value);
      } else if (isObject(parent) && last in parent) {
        if (operation.op === 'remove') delete parent[last];
        else parent[last] = structuredClone(operation.value);
      } else throw new PatchError(`path "${operation.path}" does not exist`);
      return document;
    }
    case 'test':
      if (JSON.stringify(getAt(document, operation.path)) !== JSON.stringify(operation.value)) {
        throw new PatchError(`test operation failed at "${operation.path}"`);
      }
      return document;
    case 'move':
    case 'copy': {
      if (operation.from === undefined) throw new PatchError(`"${operation.op}" needs "from"`);
      const value = structuredClone(getAt(document, operation.from));
      const moved =
        operation.op === 'move'
          ? apply(document, { op: 'remove', path: operation.from })
          : document;
      return apply(moved, { op: 'add', path: operation.path, value });
    }
    default:
      throw new PatchError(`unknown operation "${operation.op}"`);
  }
};

export const jsonPatch = (target: Json, operations: Json): Json => {
  if (!Array.isArray(operations))
    throw new PatchError('a JSON patch must be an array of operations');
  let document = structuredClone(target);
  for (const operation of operations as Operation[]) {
    if (
      !isObject(operation) ||
      typeof operation.op !== 'string' ||
      typeof operation.path !== 'string'
    ) {
      throw new PatchError('each JSON patch operation needs "op" and "path"');
    }
    document = apply(document, operation);
  }
  return document;
};
