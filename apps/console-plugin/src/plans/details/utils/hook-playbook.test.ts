import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePlaybook, encodePlaybook } from './hook-playbook.ts';

describe('hook playbook', () => {
  test('a playbook goes to base64 and back, UTF-8 included', () => {
    const playbook = '- hosts: localhost\n  tasks:\n    - debug: msg="déjà vu"\n';
    const encoded = encodePlaybook(playbook);
    assert.equal(encoded, Buffer.from(playbook).toString('base64'));
    assert.equal(decodePlaybook(encoded), playbook);
  });

  test('a playbook that is not base64 reads as undefined', () => {
    assert.equal(decodePlaybook('not base64!'), undefined);
  });
});
