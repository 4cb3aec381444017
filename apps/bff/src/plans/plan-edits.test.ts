import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { applySpecPatch, planBodyError, playbookError, withStepHook } from './plan-edits.ts';

const plan = (): Plan => ({
  apiVersion: 'forklift.konveyor.io/v1beta1',
  kind: 'Plan',
  metadata: { name: 'p', namespace: 'ns', resourceVersion: '7' },
  spec: {
    description: 'old',
    targetNamespace: 'target',
    provider: { source: { name: 'vc' }, destination: { name: 'host' } },
    map: { network: { name: 'n' }, storage: { name: 's' } },
    transferNetwork: { name: 'nad', namespace: 'ns' },
    vms: [
      { id: 'vm-1', hooks: [{ step: 'PostHook', hook: { name: 'post', namespace: 'ns' } }] },
      { id: 'vm-2' },
    ],
  },
});

describe('plan edits', () => {
  test('a spec patch replaces the fields it names, removes those set to null, keeps the rest', () => {
    const patched = applySpecPatch(plan(), {
      description: 'new',
      transferNetwork: null,
      targetPowerState: 'off',
    });
    assert.equal(patched.spec?.description, 'new');
    assert.equal(patched.spec?.targetPowerState, 'off');
    assert.equal('transferNetwork' in (patched.spec ?? {}), false);
    assert.equal(patched.spec?.targetNamespace, 'target');
    assert.equal(patched.metadata?.resourceVersion, '7');
  });

  test('a whole Plan for another name, project or kind is refused naming the field', () => {
    const key = { namespace: 'ns', name: 'p' };
    assert.equal(planBodyError(plan(), key), undefined);
    assert.match(
      planBodyError({ ...plan(), metadata: { name: 'q' } }, key) ?? '',
      /metadata\.name/,
    );
    assert.match(
      planBodyError({ ...plan(), metadata: { name: 'p', namespace: 'x' } }, key) ?? '',
      /metadata\.namespace/,
    );
    assert.match(planBodyError({ ...plan(), kind: 'Hook' }, key) ?? '', /kind/);
  });

  test('a playbook that is not base64 is refused', () => {
    assert.equal(playbookError(undefined), undefined);
    assert.equal(playbookError(Buffer.from('- hosts: localhost').toString('base64')), undefined);
    assert.match(playbookError('- hosts: localhost') ?? '', /hook\.playbook/);
  });

  test('a step hook is set on every VM, keeping the other step', () => {
    const edited = withStepHook(plan(), 'pre', { name: 'pre', namespace: 'ns' });
    assert.deepEqual(edited.spec?.vms[0]?.hooks, [
      { step: 'PostHook', hook: { name: 'post', namespace: 'ns' } },
      { step: 'PreHook', hook: { name: 'pre', namespace: 'ns' } },
    ]);
    assert.deepEqual(edited.spec?.vms[1]?.hooks, [
      { step: 'PreHook', hook: { name: 'pre', namespace: 'ns' } },
    ]);
  });

  test('removing a step hook drops the empty hooks lists', () => {
    const edited = withStepHook(plan(), 'post', undefined);
    assert.deepEqual(edited.spec?.vms, [{ id: 'vm-1' }, { id: 'vm-2' }]);
  });
});
