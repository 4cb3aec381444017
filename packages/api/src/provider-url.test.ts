import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVIDER_URL_MESSAGES, providerUrlError, providerUrlProblem } from './provider-url.ts';

test('an https URL with a host is a provider URL, surrounding spaces aside', () => {
  assert.equal(providerUrlProblem('https://vcenter.example.com/sdk'), undefined);
  assert.equal(providerUrlProblem(' https://api.cluster.example.com:6443 '), undefined);
});

test('each way a URL can be wrong is told apart', () => {
  const cases: [string, string][] = [
    ['', 'missing'],
    ['  ', 'missing'],
    ['vcenter.example.com/sdk', 'not-url'],
    ['https://', 'not-url'],
    ['ftp://vcenter.example.com/sdk', 'not-https'],
    ['http://vcenter.example.com/sdk', 'plain-http'],
    ['https://admin:hunter2@vcenter.example.com/sdk', 'user-info'],
    ['https://admin@vcenter.example.com/sdk', 'user-info'],
  ];
  for (const [url, problem] of cases) assert.equal(providerUrlProblem(url), problem, url);
});

test('credentials in a plain-http URL are the graver problem', () => {
  assert.equal(providerUrlProblem('http://admin:hunter2@vcsim:8989/sdk'), 'user-info');
});

test('the messages never repeat the URL, which may hold a password', () => {
  assert.equal(providerUrlError('https://vcenter.example.com/sdk'), undefined);
  const message = providerUrlError('https://admin:hunter2@vcenter.example.com/sdk');
  assert.equal(message, PROVIDER_URL_MESSAGES['user-info']);
  for (const text of Object.values(PROVIDER_URL_MESSAGES)) assert.doesNotMatch(text, /hunter2/);
});
