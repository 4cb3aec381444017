// Inventories hand out frozen objects and lists while they are current: those are never changed
// in place, so their JSON is built once. Large lists are sent as prepared bytes, which also keeps
// the response serializer from walking thousands of objects per request.
import type { FastifyReply } from 'fastify';
import { page } from './query.ts';

const itemJson = new WeakMap<object, string>();
const listBodies = new WeakMap<readonly unknown[], Buffer>();

export const jsonOf = (value: unknown): string => {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) {
    return JSON.stringify(value);
  }
  let json = itemJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    itemJson.set(value, json);
  }
  return json;
};

const listBody = (items: readonly unknown[]): Buffer => {
  const frozen = Object.isFrozen(items);
  const cached = frozen ? listBodies.get(items) : undefined;
  if (cached) return cached;
  const body = Buffer.from(`[${items.map(jsonOf).join(',')}]`);
  if (frozen) listBodies.set(items, body);
  return body;
};

// Clients page through a list with the same few offsets and limits (a table's pages), so the
// bytes of each page of a frozen list are kept with it, a bounded number per list.
const PAGES_PER_LIST = 512;
const pageBodies = new WeakMap<readonly unknown[], Map<string, Buffer>>();

export const pageBody = (items: readonly unknown[], offset?: number, limit?: number): Buffer => {
  if ((offset ?? 0) === 0 && limit === undefined) return listBody(items);
  if (!Object.isFrozen(items)) return listBody(page(items, offset, limit));
  let pages = pageBodies.get(items);
  if (!pages) {
    pages = new Map();
    pageBodies.set(items, pages);
  }
  const key = `${offset ?? 0}:${limit ?? ''}`;
  let body = pages.get(key);
  if (!body) {
    body = listBody(page(items, offset, limit));
    if (pages.size >= PAGES_PER_LIST) pages.clear();
    pages.set(key, body);
  }
  return body;
};

export const sendJson = (reply: FastifyReply, body: Buffer | string) =>
  reply.type('application/json; charset=utf-8').send(body);
