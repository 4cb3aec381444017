import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException } from '@kubernetes/client-node';
import { describeOpenshiftFailure } from './openshift-connection.ts';

const URL_ = 'https://api.example.com:6443';
const conditionOf = (error: unknown) => {
  const result = describeOpenshiftFailure(error, URL_);
  assert.equal(result.ok, false);
  return result.ok ? undefined : result.condition;
};

test('a rejected token is ConnectionAuthFailed', () => {
  const condition = conditionOf(new ApiException(401, 'Unauthorized', {}, {}));
  assert.equal(condition?.type, 'ConnectionAuthFailed');
  assert.equal(condition?.category, 'Critical');
});

test('TLS, refused and unresolvable servers are ConnectionTestFailed saying what to fix', () => {
  const wrapped = (message: string) =>
    Object.assign(new Error('request failed'), { cause: new Error(message) });
  const untrusted = conditionOf(wrapped('self-signed certificate in certificate chain'));
  assert.equal(untrusted?.type, 'ConnectionTestFailed');
  assert.match(untrusted?.message ?? '', /api\.example\.com:6443 is not trusted .* cacert/);
  assert.match(
    conditionOf(wrapped('connect ECONNREFUSED 127.0.0.1:6443'))?.message ?? '',
    /connection refused/,
  );
  assert.match(
    conditionOf(wrapped('getaddrinfo ENOTFOUND api.example.com'))?.message ?? '',
    /resolve the host name/,
  );
  assert.match(conditionOf(new ApiException(503, 'x', {}, {}))?.message ?? '', /HTTP 503/);
});
