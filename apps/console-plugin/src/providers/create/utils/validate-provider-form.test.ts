import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_CA_CERTIFICATE } from '@forklift-console/api/test-support';
import { initialProviderForm, type ProviderFormValues } from './provider-form.ts';
import { validateProviderForm } from './validate-provider-form.ts';

// Messages are English keys; interpolation is all the test needs of i18next.
const t = (key: string, options: Record<string, string | number> = {}) =>
  key.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(options[name]));

const PEM = TEST_CA_CERTIFICATE;

const validVsphere: ProviderFormValues = {
  ...initialProviderForm('demo', 'vsphere'),
  name: 'vcenter-prod',
  url: 'https://vcenter.example.com/sdk',
  vddkInitImage: 'quay.io/example/vddk:8.0.3',
  username: 'administrator@vsphere.local',
  password: 'secret',
  caCertificate: PEM,
};

const validate = (values: ProviderFormValues, existingNames: string[] = []) =>
  validateProviderForm(values, { existingNames, t });

test('a complete vSphere form is valid, with no warning for an /sdk URL', () => {
  assert.deepEqual(validate(validVsphere), { errors: {}, warnings: {}, isValid: true });
});

test('an empty form asks for a type and a name', () => {
  const { errors, isValid } = validate(initialProviderForm('demo', null));
  assert.equal(isValid, false);
  assert.deepEqual(Object.keys(errors).sort(), ['name', 'type']);
});

test('names follow the DNS-1123 rule and must be unique in the project', () => {
  const nameError = (name: string, existing: string[] = []) =>
    validate({ ...validVsphere, name }, existing).errors.name;
  assert.match(nameError('') ?? '', /required/);
  assert.match(nameError('VCenter') ?? '', /lowercase/);
  assert.match(nameError('vcenter.prod') ?? '', /lowercase/);
  assert.match(nameError('-vcenter') ?? '', /lowercase/);
  assert.match(nameError('a'.repeat(254)) ?? '', /253/);
  assert.equal(nameError('a'.repeat(253)), undefined);
  assert.equal(
    nameError('vcenter-prod', ['vcenter-prod']),
    'A provider named vcenter-prod already exists in project demo.',
  );
});

test('the vSphere URL must be https; a path other than /sdk is only a warning', () => {
  const check = (url: string) => validate({ ...validVsphere, url });
  assert.match(check('').errors.url ?? '', /required/);
  assert.match(check('vcenter.example.com').errors.url ?? '', /valid URL/);
  assert.match(check('http://vcenter.example.com/sdk').errors.url ?? '', /https/);
  const other = check('https://vcenter.example.com/');
  assert.equal(other.isValid, true);
  assert.match(other.warnings.url ?? '', /\/sdk/);
  assert.deepEqual(check('https://vcenter.example.com/sdk/').warnings, {});
});

test('VDDK needs a valid image unless skipped', () => {
  assert.match(
    validate({ ...validVsphere, vddkInitImage: '' }).errors.vddkInitImage ?? '',
    /required/,
  );
  assert.match(
    validate({ ...validVsphere, vddkInitImage: 'not an image' }).errors.vddkInitImage ?? '',
    /container image/,
  );
  assert.equal(validate({ ...validVsphere, vddkMode: 'skip', vddkInitImage: '' }).isValid, true);
});

test('credentials are required and may not contain spaces', () => {
  const { errors } = validate({ ...validVsphere, username: '', password: 'pass word' });
  assert.match(errors.username ?? '', /username is required/);
  assert.match(errors.password ?? '', /spaces/);
});

test('a custom CA must be a PEM certificate; the other certificate choices need none', () => {
  assert.match(
    validate({ ...validVsphere, caCertificate: '' }).errors.caCertificate ?? '',
    /required/,
  );
  assert.match(
    validate({ ...validVsphere, caCertificate: 'abc' }).errors.caCertificate ?? '',
    /PEM/,
  );
  for (const certificateMode of ['system', 'skip'] as const) {
    assert.equal(validate({ ...validVsphere, certificateMode, caCertificate: '' }).isValid, true);
  }
});

test('OVA needs an NFS share in either form', () => {
  const ova = { ...initialProviderForm('demo', 'ova'), name: 'ova' };
  const urlError = (url: string) => validate({ ...ova, url }).errors.url;
  assert.equal(urlError('10.10.0.10:/ova'), undefined);
  assert.equal(urlError('nfs.example.com:/exports/ova'), undefined);
  assert.equal(urlError('nfs://nfs.example.com/exports/ova'), undefined);
  assert.match(urlError('') ?? '', /required/);
  assert.match(urlError('/exports/ova') ?? '', /host:\/path/);
  assert.match(urlError('https://nfs.example.com/ova') ?? '', /host:\/path/);
  assert.match(urlError('nfs://nfs.example.com') ?? '', /host:\/path/);
  // Credentials and certificates mean nothing for OVA.
  assert.equal(validate({ ...ova, url: '10.10.0.10:/ova', caCertificate: '' }).isValid, true);
});

test('OpenShift needs nothing for this cluster, and a token and certificate for another', () => {
  const local = { ...initialProviderForm('demo', 'openshift'), name: 'host' };
  assert.equal(validate(local).isValid, true);

  const remote = validate({ ...local, url: 'https://api.remote.example.com:6443' });
  assert.deepEqual(Object.keys(remote.errors).sort(), ['caCertificate', 'token']);
  assert.match(validate({ ...local, url: 'http://api.remote:6443' }).errors.url ?? '', /https/);
  assert.equal(
    validate({
      ...local,
      url: 'https://api.remote.example.com:6443',
      token: 'sha256~abc',
      certificateMode: 'system',
    }).isValid,
    true,
  );
});
