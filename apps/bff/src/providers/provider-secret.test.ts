import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildProvider, buildProviderSecret, ownerReferenceTo } from './provider-secret.ts';
import type { CreateProviderRequest } from '@forklift-console/api';

const request: CreateProviderRequest = {
  name: 'vcenter',
  type: 'vsphere',
  url: 'https://vcenter.example.com/sdk',
  settings: { sdkEndpoint: 'esxi' },
  credentials: { user: 'root', password: 'pässword', insecureSkipVerify: 'true' },
};

test('the Secret holds the credentials base64-encoded, named and labelled after the provider', () => {
  const secret = buildProviderSecret(request, 'demo');
  assert.deepEqual(secret.metadata, {
    generateName: 'vcenter-',
    namespace: 'demo',
    labels: { createdForProviderType: 'vsphere', createdForResourceType: 'providers' },
  });
  assert.equal(secret.type, 'Opaque');
  assert.deepEqual(secret.data, {
    user: 'cm9vdA==',
    password: Buffer.from('pässword', 'utf8').toString('base64'),
    insecureSkipVerify: 'dHJ1ZQ==',
  });
});

test('the Provider references its Secret and carries only the settings given', () => {
  assert.deepEqual(buildProvider(request, 'demo', 'vcenter-x1y2z').spec, {
    type: 'vsphere',
    url: 'https://vcenter.example.com/sdk',
    settings: { sdkEndpoint: 'esxi' },
    secret: { name: 'vcenter-x1y2z', namespace: 'demo' },
  });
  const local = buildProvider(
    { name: 'host', type: 'openshift', settings: {}, credentials: {} },
    'demo',
    'host-abcde',
  );
  assert.deepEqual(local.spec, {
    type: 'openshift',
    secret: { name: 'host-abcde', namespace: 'demo' },
  });
});

test('the owner reference needs the stored Provider’s uid', () => {
  assert.deepEqual(ownerReferenceTo({ metadata: { name: 'vcenter', uid: 'u-1' } }), {
    apiVersion: 'forklift.konveyor.io/v1beta1',
    kind: 'Provider',
    name: 'vcenter',
    uid: 'u-1',
  });
  assert.throws(() => ownerReferenceTo({ metadata: { name: 'vcenter' } }), /uid/);
});
