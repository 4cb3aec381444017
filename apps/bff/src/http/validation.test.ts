// What the BFF's validation does to each part of a request: bodies are taken as sent, text parts
// are read as the types their schemas declare.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { bffValidationOptions } from './validation.ts';

const app = Fastify(bffValidationOptions);
app.post<{ Querystring: { limit: number; tags: string[] }; Body: object }>(
  '/echo',
  {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer' },
          tags: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
      body: {
        type: 'object',
        properties: { name: { type: 'string' }, replicas: { type: 'integer' } },
        additionalProperties: false,
      },
    },
  },
  async (request) => ({ query: request.query, body: request.body }),
);
after(() => app.close());

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

test('querystring values are read as their declared types, unknown parameters dropped', async () => {
  const response = await post('/echo?limit=5&tags=a&utm=x', {});
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json().query, { limit: 5, tags: ['a'] });
});

test('a body value of another JSON type is refused naming it, not converted', async () => {
  for (const [payload, message] of [
    [{ name: true }, 'body/name must be string'],
    [{ name: 42 }, 'body/name must be string'],
    [{ replicas: '3' }, 'body/replicas must be integer'],
  ] as const) {
    const response = await post('/echo', payload);
    assert.equal(response.statusCode, 400, JSON.stringify(payload));
    assert.equal(response.json().message, message);
  }
});

test('a body key the schema does not allow is refused naming it, not silently dropped', async () => {
  const response = await post('/echo', { name: 'a', nmae: 'typo' });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().message, 'body has an unknown property "nmae"');
});
