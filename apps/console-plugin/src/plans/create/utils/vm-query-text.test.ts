import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readVmQuery } from './vm-query-text.ts';

test('a leading where is accepted and dropped', () => {
  assert.deepEqual(readVmQuery("where powerState = 'poweredOn' and memoryMB > 4096"), {
    state: 'valid',
    query: "powerState = 'poweredOn' and memoryMB > 4096",
  });
  assert.deepEqual(readVmQuery("name like 'web%'"), { state: 'valid', query: "name like 'web%'" });
  assert.deepEqual(readVmQuery('  where  '), { state: 'empty' });
});

test('a syntax error says where, counting from the text as typed', () => {
  const result = readVmQuery('where name = ');
  assert.equal(result.state, 'invalid');
  assert.ok(result.state === 'invalid');
  assert.equal(result.position, 13);
  assert.match(result.message, /\(at character 14\)$/);
  const bare = readVmQuery('memoryMB >> 4');
  assert.ok(bare.state === 'invalid');
  assert.equal(bare.position, 10);
});
