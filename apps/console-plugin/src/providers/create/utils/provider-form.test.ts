import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createProviderRequest,
  initialProviderForm,
  type ProviderFormValues,
} from './provider-form.ts';
import type { CreatableProviderType } from '@forklift-console/api';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

const form = (
  type: CreatableProviderType,
  changes: Partial<ProviderFormValues> = {},
): ProviderFormValues & { type: CreatableProviderType } => ({
  ...initialProviderForm('demo', null),
  name: 'p',
  ...changes,
  type,
});

test('the form starts in the active project, else where Forklift lives', () => {
  assert.equal(initialProviderForm('demo', null).namespace, 'demo');
  assert.equal(initialProviderForm(undefined, null).namespace, 'openshift-mtv');
});

test('?providerType= preselects a type this form can create, and nothing else', () => {
  assert.equal(initialProviderForm('demo', 'ova').type, 'ova');
  assert.equal(initialProviderForm('demo', 'ovirt').type, undefined);
  assert.equal(initialProviderForm('demo', 'nonsense').type, undefined);
});

test('vSphere sends its endpoint kind, VDDK image and credentials with a custom CA', () => {
  const values = form('vsphere', {
    url: ' https://vcenter.example.com/sdk ',
    sdkEndpoint: 'esxi',
    vddkInitImage: 'quay.io/example/vddk:8',
    username: 'root',
    password: 'secret',
    caCertificate: `${PEM}\n`,
  });
  assert.deepEqual(createProviderRequest(values), {
    name: 'p',
    type: 'vsphere',
    url: 'https://vcenter.example.com/sdk',
    settings: { sdkEndpoint: 'esxi', vddkInitImage: 'quay.io/example/vddk:8' },
    credentials: { user: 'root', password: 'secret', insecureSkipVerify: 'false', cacert: PEM },
  });
});

test('skipping VDDK sends no image; system CAs send no cacert; skipping validation says so', () => {
  const skipped = createProviderRequest(
    form('vsphere', { vddkMode: 'skip', vddkInitImage: 'left-over', certificateMode: 'system' }),
  );
  assert.deepEqual(skipped.settings, { sdkEndpoint: 'vcenter' });
  assert.equal(skipped.credentials.insecureSkipVerify, 'false');
  assert.equal('cacert' in skipped.credentials, false);

  const insecure = createProviderRequest(
    form('vsphere', { certificateMode: 'skip', caCertificate: PEM }),
  );
  assert.equal(insecure.credentials.insecureSkipVerify, 'true');
  assert.equal('cacert' in insecure.credentials, false);
});

test('OVA sends its share and no credentials, whatever else was typed', () => {
  assert.deepEqual(
    createProviderRequest(form('ova', { url: '10.0.0.1:/ova', username: 'typed-before' })),
    { name: 'p', type: 'ova', url: '10.0.0.1:/ova', credentials: {} },
  );
  assert.deepEqual(
    createProviderRequest(form('ova', { url: 'nfs://nfs/ova', applianceManagement: true })),
    {
      name: 'p',
      type: 'ova',
      url: 'nfs://nfs/ova',
      settings: { applianceManagement: 'true' },
      credentials: {},
    },
  );
});

test('OpenShift without a URL is this cluster; with one it sends the token and certificate choice', () => {
  assert.deepEqual(createProviderRequest(form('openshift', { token: 'ignored' })), {
    name: 'p',
    type: 'openshift',
    credentials: {},
  });
  assert.deepEqual(
    createProviderRequest(
      form('openshift', {
        url: 'https://api.remote:6443',
        token: 'sha256~abc',
        certificateMode: 'skip',
      }),
    ),
    {
      name: 'p',
      type: 'openshift',
      url: 'https://api.remote:6443',
      credentials: { token: 'sha256~abc', insecureSkipVerify: 'true' },
    },
  );
});
