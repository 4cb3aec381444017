import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './logging.ts';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
};

test('secret values never reach the log, wherever a component puts them', () => {
  const { lines, stream } = capture();
  const logger = createLogger('info', stream);
  logger.info({ secret: { data: { password: 'aHVudGVyMg==' } } }, 'created secret');
  logger.info({ req: { headers: { authorization: 'Bearer sha256~user-token' } } }, 'request');
  logger.info({ provider: { password: 'hunter2', user: 'admin' } }, 'provider');
  const output = lines.join('');
  assert.doesNotMatch(output, /aHVudGVyMg==|user-token|hunter2/);
  assert.match(output, /admin/);
  assert.match(output, /\[redacted\]/);
});

test('the access token in a console link is not logged with the request URL', () => {
  const { lines, stream } = capture();
  const logger = createLogger('info', stream);
  logger.info({ req: { method: 'GET', url: '/providers?token=s3cr3t-access&x=1' } }, 'request');
  const output = lines.join('');
  assert.doesNotMatch(output, /s3cr3t-access/);
  assert.match(output, /\/providers\?token=\[redacted\]&x=1/);
});
