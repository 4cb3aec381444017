import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Provider } from '@forklift-console/api';
import type { ResolvedSecret } from '../secrets.ts';
import {
  applianceManagementCondition,
  asksForApplianceManagement,
  isHostProvider,
  openshiftSpecConditions,
  ovaSpecConditions,
  parseBool,
  typeNotSupported,
  vsphereSpecConditions,
} from './validation.ts';
import { inventoryKeyOf, sdkUrlOf, tlsOptionsOf } from './vsphere-connection.ts';

const vsphere = (spec: Partial<NonNullable<Provider['spec']>> = {}): Provider => ({
  metadata: { name: 'vc', namespace: 'ns', uid: 'uid-1' },
  spec: { type: 'vsphere', url: 'https://vcenter.example.com/sdk', secret: { name: 's' }, ...spec },
});

const found = (data: Record<string, string>): ResolvedSecret => ({
  state: 'found',
  namespace: 'ns',
  name: 's',
  resourceVersion: '7',
  data,
});

const credentials = { user: 'administrator@vsphere.local', password: 'secret' };
const good = found(credentials);

const summary = (conditions: ReturnType<typeof vsphereSpecConditions>) =>
  conditions.map(({ type, reason }) => `${type}/${reason}`);

test('a complete vSphere spec and Secret earn no condition', () => {
  assert.deepEqual(vsphereSpecConditions(vsphere(), good), []);
  assert.deepEqual(vsphereSpecConditions(vsphere({ settings: { sdkEndpoint: 'esxi' } }), good), []);
});

test('the URL must be set, parse, be http(s) and carry no credentials', () => {
  assert.deepEqual(summary(vsphereSpecConditions(vsphere({ url: '' }), good)), [
    'UrlNotValid/NotSet',
  ]);
  for (const url of ['vcenter.example.com/sdk', 'ftp://vcenter.example.com/sdk']) {
    assert.deepEqual(summary(vsphereSpecConditions(vsphere({ url }), good)), [
      'UrlNotValid/Malformed',
    ]);
  }
  const withPassword = vsphereSpecConditions(
    vsphere({ url: 'https://admin:hunter2@vcenter.example.com/sdk' }),
    good,
  );
  assert.deepEqual(summary(withPassword), ['UrlNotValid/Malformed']);
  assert.doesNotMatch(withPassword[0]!.message!, /hunter2/);
});

test('plain http is accepted with a warning', () => {
  const conditions = vsphereSpecConditions(vsphere({ url: 'http://vcsim:8989/sdk' }), good);
  assert.deepEqual(summary(conditions), ['ConnectionInsecure/PlainHttp']);
  assert.equal(conditions[0]!.category, 'Warn');
});

test('sdkEndpoint must be vcenter or esxi', () => {
  assert.deepEqual(
    summary(vsphereSpecConditions(vsphere({ settings: { sdkEndpoint: 'vpxd' } }), good)),
    ['SettingsNotValid/NotValid'],
  );
});

test('the Secret must be set, exist and hold user and password', () => {
  assert.deepEqual(summary(vsphereSpecConditions(vsphere(), { state: 'unset' })), [
    'SecretNotValid/NotSet',
  ]);
  const missing = vsphereSpecConditions(vsphere(), {
    state: 'missing',
    namespace: 'ns',
    name: 's',
  });
  assert.deepEqual(summary(missing), ['SecretNotValid/NotFound']);
  assert.equal(missing[0]!.message, 'Secret ns/s does not exist.');
  const partial = vsphereSpecConditions(vsphere(), found({ user: 'u', password: '' }));
  assert.deepEqual(summary(partial), ['SecretNotValid/DataErr']);
  assert.equal(partial[0]!.message, 'Secret ns/s has no password.');
  assert.deepEqual(partial[0]!.items, ['password']);
});

test('insecureSkipVerify warns over https, and must be a boolean', () => {
  const insecure = vsphereSpecConditions(
    vsphere(),
    found({ ...credentials, insecureSkipVerify: 'true' }),
  );
  assert.deepEqual(summary(insecure), ['ConnectionInsecure/SkipTLSVerification']);
  assert.deepEqual(
    summary(vsphereSpecConditions(vsphere(), found({ ...credentials, insecureSkipVerify: 'yes' }))),
    ['SecretNotValid/DataErr'],
  );
});

test('cacert must be PEM unless verification is skipped', () => {
  const bad = { ...credentials, cacert: 'not a certificate' };
  assert.deepEqual(summary(vsphereSpecConditions(vsphere(), found(bad))), [
    'SecretNotValid/DataErr',
  ]);
  assert.deepEqual(
    summary(vsphereSpecConditions(vsphere(), found({ ...bad, insecureSkipVerify: 'true' }))),
    ['ConnectionInsecure/SkipTLSVerification'],
  );
});

test('parseBool follows Go strconv.ParseBool; empty means false', () => {
  assert.equal(parseBool(undefined), false);
  assert.equal(parseBool(''), false);
  for (const value of ['1', 't', 'T', 'true', 'TRUE', 'True']) assert.equal(parseBool(value), true);
  for (const value of ['0', 'f', 'F', 'false', 'FALSE', 'False'])
    assert.equal(parseBool(value), false);
  assert.equal(parseBool('yes'), undefined);
});

test('OVA: an NFS share is valid; anything else is malformed', () => {
  const ova = (url: string): Provider => ({ spec: { type: 'ova', url, secret: {} } });
  for (const url of [
    'nfs.example.com:/ova',
    '10.0.0.7:/exports/ova',
    'nfs://nfs.example.com/ova',
  ]) {
    assert.deepEqual(
      ovaSpecConditions(ova(url)).map(({ type }) => type),
      [],
      url,
    );
  }
  for (const url of ['nfs.example.com', 'https://nfs.example.com/ova', 'a b:/c', 'n:/a/../b']) {
    assert.deepEqual(
      ovaSpecConditions(ova(url)).map(({ type, reason }) => `${type}/${reason}`),
      ['UrlNotValid/Malformed'],
      url,
    );
  }
  assert.equal(ovaSpecConditions(ova(''))[0]!.reason, 'NotSet');
});

test('OVA: applianceManagement other than "true" or "false" is a warning, not a blocker', () => {
  const ova = (settings?: Record<string, string>): Provider => ({
    spec: {
      type: 'ova',
      url: 'nfs.example.com:/ova',
      secret: {},
      ...(settings ? { settings } : {}),
    },
  });
  for (const settings of [
    undefined,
    { applianceManagement: 'true' },
    { applianceManagement: 'false' },
  ]) {
    assert.deepEqual(ovaSpecConditions(ova(settings)), [], JSON.stringify(settings));
  }
  for (const value of ['yes', 'True', '']) {
    const [condition, ...rest] = ovaSpecConditions(ova({ applianceManagement: value }));
    assert.deepEqual(rest, [], value);
    assert.equal(condition?.type, 'SettingsNotValid', value);
    assert.equal(condition?.category, 'Warn', value);
    assert.equal(
      condition?.message,
      `applianceManagement must be "true" or "false", not "${value}": uploads are refused.`,
    );
  }
  const both = ovaSpecConditions({
    spec: { type: 'ova', url: '', secret: {}, settings: { applianceManagement: 'on' } },
  });
  assert.deepEqual(
    both.map(({ type }) => type),
    ['UrlNotValid', 'SettingsNotValid'],
  );
});

test('appliance management: only an OVA provider with "true" asks for it', () => {
  const provider = (type: string, applianceManagement: string): Provider => ({
    spec: { type, url: 'nfs.example.com:/ova', secret: {}, settings: { applianceManagement } },
  });
  assert.equal(asksForApplianceManagement(provider('ova', 'true')), true);
  assert.equal(asksForApplianceManagement(provider('ova', 'false')), false);
  assert.equal(asksForApplianceManagement(provider('ova', 'True')), false);
  assert.equal(asksForApplianceManagement(provider('vsphere', 'true')), false);
  assert.equal(asksForApplianceManagement({ spec: { type: 'ova', secret: {} } }), false);
});

test('appliance management is enabled only by the ForkliftController switch set to "true"', () => {
  const controller = (value?: 'true' | 'false') => ({
    metadata: { name: 'forklift-controller', namespace: 'mtv' },
    spec: value ? { feature_ova_appliance_management: value } : {},
  });
  const enabled = applianceManagementCondition(controller('true'));
  assert.deepEqual(enabled, {
    type: 'ApplianceManagementEnabled',
    category: 'Advisory',
    reason: 'Enabled',
    message: 'Uploading OVA files through the console is enabled.',
  });
  for (const off of [controller('false'), controller()]) {
    const condition = applianceManagementCondition(off);
    assert.equal(condition.type, 'ApplianceManagementDisabled');
    assert.equal(condition.category, 'Warn');
    assert.equal(condition.reason, 'FeatureDisabled');
    assert.equal(
      condition.message,
      'The provider asks for appliance management, but the ForkliftController\'s feature_ova_appliance_management is not "true": uploads are refused.',
    );
  }
  const none = applianceManagementCondition(undefined);
  assert.equal(none.type, 'ApplianceManagementDisabled');
  assert.equal(none.category, 'Warn');
  assert.equal(none.reason, 'NoForkliftController');
  assert.match(none.message!, /no ForkliftController/);
});

test('host provider and unsupported types', () => {
  assert.equal(isHostProvider({ spec: { type: 'openshift', url: '', secret: {} } }), true);
  assert.equal(
    isHostProvider({ spec: { type: 'openshift', url: 'https://x', secret: {} } }),
    false,
  );
  assert.equal(
    typeNotSupported({ spec: { type: 'ovirt', secret: {} } }).message,
    'This console does not support ovirt providers yet.',
  );
  assert.equal(
    typeNotSupported({ spec: { type: 'xen', secret: {} } }).message,
    '"xen" is not a provider type.',
  );
});

test('a remote OpenShift provider needs an https URL and a token', () => {
  const remote = (url: string): Provider => ({
    spec: { type: 'openshift', url, secret: { name: 's', namespace: 'ns' } },
  });
  const found = (data: Record<string, string>) =>
    ({ state: 'found', namespace: 'ns', name: 's', resourceVersion: '1', data }) as const;
  assert.deepEqual(
    openshiftSpecConditions(remote('https://api.example.com:6443'), found({ token: 't' })),
    [],
  );
  assert.deepEqual(
    openshiftSpecConditions(remote('https://api.example.com:6443'), found({})).map(
      ({ type, reason, message }) => [type, reason, message],
    ),
    [['SecretNotValid', 'DataErr', 'Secret ns/s has no token.']],
  );
  assert.deepEqual(
    openshiftSpecConditions(remote('ftp://api.example.com'), found({ token: 't' })).map(
      ({ type, reason }) => [type, reason],
    ),
    [['UrlNotValid', 'Malformed']],
  );
});

test('the SDK URL defaults its path to /sdk, as govmomi does', () => {
  assert.equal(sdkUrlOf('https://vcenter.example.com'), 'https://vcenter.example.com/sdk');
  assert.equal(sdkUrlOf('https://vcenter.example.com/'), 'https://vcenter.example.com/sdk');
  assert.equal(sdkUrlOf('https://vcenter.example.com/sdk'), 'https://vcenter.example.com/sdk');
  assert.equal(sdkUrlOf('http://127.0.0.1:8989/custom'), 'http://127.0.0.1:8989/custom');
});

test('TLS options: skip verification wins over cacert', () => {
  assert.deepEqual(tlsOptionsOf({ cacert: 'PEM', insecureSkipVerify: 'true' }), {
    insecureSkipVerify: true,
  });
  assert.deepEqual(tlsOptionsOf({ cacert: 'PEM' }), { ca: 'PEM' });
  assert.deepEqual(tlsOptionsOf({}), {});
});

test('the inventory key changes with URL, settings and Secret data, and hides the password', () => {
  const key = inventoryKeyOf(vsphere(), credentials);
  assert.equal(key, inventoryKeyOf(vsphere(), { ...credentials }));
  assert.notEqual(key, inventoryKeyOf(vsphere({ url: 'https://other/sdk' }), credentials));
  assert.notEqual(key, inventoryKeyOf(vsphere({ settings: { sdkEndpoint: 'esxi' } }), credentials));
  assert.notEqual(key, inventoryKeyOf(vsphere(), { ...credentials, password: 'new' }));
  assert.doesNotMatch(key, /secret/);
});
