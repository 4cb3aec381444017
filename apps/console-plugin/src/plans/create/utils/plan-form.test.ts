import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Provider } from '@forklift-console/api';
import {
  emptyPlanForm,
  generalErrors,
  hooksErrors,
  mapChoiceErrors,
  otherSettingsErrors,
  vmsErrors,
  type PlanForm,
  type SelectedVm,
} from './plan-form.ts';
import { createPlanRequest } from './plan-request.ts';

// The English sentence with its values filled in, as i18next does for the catalogue's language.
const t = (key: string, options: Record<string, unknown> = {}) =>
  key.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(options[name]));

const vm = (id: string, name: string): SelectedVm => ({ id, name, criticalConcerns: 0 });

const withVms = (form: PlanForm, ...vms: SelectedVm[]): PlanForm => ({
  ...form,
  vms: new Map(vms.map((selected) => [selected.id, selected])),
});

const filled: PlanForm = {
  ...emptyPlanForm('demo'),
  name: 'web',
  sourceProvider: 'demo/vcsim',
  targetProvider: 'openshift-mtv/host',
  targetNamespace: 'vms',
};

test('General wants a DNS-1123 name that no plan in any project has', () => {
  assert.deepEqual(generalErrors(filled, new Set(['db']), t), {});
  assert.equal(
    generalErrors(filled, new Set(['web']), t).name,
    'Plan name must be unique across all namespaces.',
  );
  assert.match(generalErrors({ ...filled, name: 'Web_1' }, new Set(), t).name ?? '', /^The name /);
  const empty = generalErrors(emptyPlanForm(''), new Set(), t);
  assert.deepEqual(Object.keys(empty).sort(), [
    'name',
    'namespace',
    'sourceProvider',
    'targetNamespace',
    'targetProvider',
  ]);
});

test('Virtual machines wants one VM at least, and valid target names distinct within the plan', () => {
  assert.equal(vmsErrors(filled, t).vms, 'Must select at least 1 VM.');
  const two = withVms(filled, vm('vm-1', 'web-1'), vm('vm-2', 'Web 2'));
  assert.deepEqual(vmsErrors(two, t), {});
  // The engine renames "Web 1" to web-1: a clash the user must resolve before the plan exists.
  const renamed = withVms(filled, vm('vm-1', 'web-1'), vm('vm-2', 'Web 1'));
  assert.ok(vmsErrors(renamed, t)['targetName:vm-2']);

  const clash = { ...two, targetNames: { 'vm-2': 'web-1' } };
  assert.equal(vmsErrors(clash, t)['targetName:vm-2'], 'web-1 is also the target name of web-1');

  const invalid = { ...two, targetNames: { 'vm-1': 'Not Valid' } };
  assert.match(vmsErrors(invalid, t)['targetName:vm-1'] ?? '', /^The target name /);
});

test('a new map needs complete rows covering what the selected VMs use; an existing one a choice', () => {
  const newMap = { mode: 'new' as const, existing: '', newName: '' };
  const rows = { complete: true, count: 2, unmapped: [] };
  assert.deepEqual(mapChoiceErrors(newMap, rows, t), {});
  assert.match(mapChoiceErrors(newMap, { ...rows, count: 0 }, t).rows ?? '', /At least one/);
  assert.match(mapChoiceErrors(newMap, { ...rows, complete: false }, t).rows ?? '', /incomplete/);
  assert.equal(
    mapChoiceErrors(newMap, { ...rows, unmapped: ['VM Network'] }, t).rows,
    'Not mapped yet, used by the selected VMs: VM Network',
  );
  assert.ok(mapChoiceErrors({ ...newMap, newName: 'Bad Name' }, rows, t).newName);
  assert.equal(mapChoiceErrors({ ...newMap, mode: 'existing' }, rows, t).existing, 'Choose a map');
});

test('disk decryption with an existing Secret needs one; hooks need an image', () => {
  const secret = { ...filled, diskDecryption: 'secret' as const };
  assert.equal(otherSettingsErrors(secret, true, t).decryptionSecret, 'Choose a Secret');
  assert.deepEqual(otherSettingsErrors({ ...secret, nbde: true }, true, t), {});
  assert.deepEqual(otherSettingsErrors(secret, false, t), {});

  const hook = { enabled: true, image: ' ', serviceAccount: 'Bad_SA', playbook: '' };
  const errors = hooksErrors({ ...filled, postHook: hook }, t);
  assert.deepEqual(Object.keys(errors).sort(), ['postHook.image', 'postHook.serviceAccount']);
});

const provider = (namespace: string, name: string): Provider => ({
  metadata: { namespace, name, uid: `${name}-uid` },
});

test('the request carries the plan, the map choices, the hooks in base64 and the passphrases', () => {
  const form: PlanForm = {
    ...withVms(filled, vm('vm-1', 'Web 1')),
    targetNames: { 'vm-1': 'web-one' },
    migrationType: 'warm',
    networkMap: { mode: 'existing', existing: 'shared', newName: '' },
    storageMap: { mode: 'new', existing: '', newName: 'web-storage' },
    passphrases: ['s3cret', ''],
    preHook: {
      enabled: true,
      image: 'quay.io/konveyor/hook-runner',
      serviceAccount: '',
      playbook: '- hosts: all',
    },
    targetPowerState: 'on',
    transferNetwork: 'vms/transfer',
  };
  const storageEntries = [{ source: { id: 'ds-1' }, destination: { storageClass: 'standard' } }];
  const request = createPlanRequest(form, {
    source: provider('demo', 'vcsim'),
    target: provider('openshift-mtv', 'host'),
    networkEntries: [],
    storageEntries,
    isVsphere: true,
  });
  assert.deepEqual(request.networkMap, { name: 'shared' });
  assert.deepEqual(request.storageMap, { map: storageEntries, name: 'web-storage' });
  assert.deepEqual(request.diskDecryption, { passphrases: ['s3cret'] });
  assert.equal(
    Buffer.from(request.hooks?.pre?.playbook ?? '', 'base64').toString(),
    '- hosts: all',
  );
  assert.equal(request.hooks?.post, undefined);
  const spec = request.plan.spec!;
  assert.equal(spec.type, 'warm');
  assert.equal(spec.warm, true);
  assert.equal(spec.targetPowerState, 'on');
  assert.deepEqual(spec.transferNetwork, { namespace: 'vms', name: 'transfer' });
  assert.deepEqual(spec.vms, [{ id: 'vm-1', name: 'Web 1', targetName: 'web-one' }]);
  assert.equal(spec.provider.destination.name, 'host');
  assert.equal(spec.map, undefined);
});

test('a cold plan from a non-vSphere source leaves the vSphere settings out', () => {
  const request = createPlanRequest(
    { ...withVms(filled, vm('vm-1', 'web')), nbde: true, passphrases: ['x'] },
    {
      source: provider('demo', 'ova'),
      target: provider('openshift-mtv', 'host'),
      networkEntries: [],
      storageEntries: [],
      isVsphere: false,
    },
  );
  const spec = request.plan.spec!;
  assert.equal(spec.type, undefined);
  assert.equal(spec.preserveStaticIPs, undefined);
  assert.equal(request.diskDecryption, undefined);
  assert.deepEqual(spec.vms, [{ id: 'vm-1', name: 'web' }]);
});
