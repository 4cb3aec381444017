import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from './generated/crd-types.ts';
import { planEditBlock, planHookRefs, planHooksUniform } from './plan-edit-rules.ts';

const vm = (id: string, hooks: { step: string; hook: { name: string } }[] = []) => ({ id, hooks });
const spec = (vms: ReturnType<typeof vm>[]) =>
  ({ spec: { vms } }) as unknown as Parameters<typeof planHookRefs>[0];

const withCondition = (type: string) =>
  ({
    status: {
      conditions: [{ type, status: 'True', category: 'Advisory', lastTransitionTime: '' }],
    },
  }) as Pick<Plan, 'status'>;

describe('plan edit rules', () => {
  test('a plan with no blocking condition may be edited', () => {
    assert.equal(planEditBlock(withCondition('Ready')), undefined);
  });

  test('archived, migrating and completed plans say why they cannot be edited', () => {
    assert.match(planEditBlock({ spec: { archived: true } } as never) ?? '', /archived/);
    assert.match(planEditBlock(withCondition('Executing')) ?? '', /during migration/);
    assert.match(planEditBlock(withCondition('Succeeded')) ?? '', /completed/);
  });

  test('the hooks of a step are listed once even when every VM names them', () => {
    const hooks = [
      { step: 'PreHook', hook: { name: 'pre' } },
      { step: 'PostHook', hook: { name: 'post' } },
    ];
    const plan = spec([vm('vm-1', hooks), vm('vm-2', hooks)]);
    assert.deepEqual(planHookRefs(plan, 'pre'), [{ name: 'pre', namespace: undefined }]);
    assert.deepEqual(planHookRefs(plan, 'post'), [{ name: 'post', namespace: undefined }]);
    assert.equal(planHooksUniform(plan), true);
  });

  test('VMs with different hooks are not uniform', () => {
    const plan = spec([vm('vm-1', [{ step: 'PreHook', hook: { name: 'a' } }]), vm('vm-2')]);
    assert.equal(planHooksUniform(plan), false);
    assert.deepEqual(
      planHookRefs(plan, 'pre').map((ref) => ref.name),
      ['a'],
    );
  });
});
