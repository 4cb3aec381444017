import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import {
  archiveBlock,
  defaultDuplicateName,
  deleteBlock,
  duplicateBlock,
  duplicateNameProblem,
  editBlock,
} from './plan-action-rules.ts';

const plan = (name: string, namespace = 'demo', extra: Partial<Plan> = {}) =>
  ({ metadata: { name, namespace }, ...extra }) as Plan;

test('a running plan can be neither archived nor deleted; an archived one not archived again', () => {
  assert.equal(archiveBlock('Executing'), 'running');
  assert.equal(archiveBlock('Paused'), 'running');
  assert.equal(archiveBlock('Archived'), 'archived');
  assert.equal(archiveBlock('Ready'), undefined);
  assert.equal(deleteBlock('Pending'), 'running');
  assert.equal(deleteBlock('Archived'), undefined);
});

test('Duplicate is off for a plan that cannot start', () => {
  assert.equal(duplicateBlock('CannotStart'), 'cannot-start');
  assert.equal(duplicateBlock('Completed'), undefined);
});

test('Edit YAML is off while the plan is archived, migrating or completed', () => {
  assert.equal(
    editBlock(plan('a', 'demo', { spec: { archived: true } as Plan['spec'] })),
    'archived',
  );
  const migrating = { conditions: [{ type: 'Executing', status: 'True' }] } as Plan['status'];
  assert.equal(editBlock(plan('b', 'demo', { status: migrating })), 'running');
  assert.equal(editBlock(plan('c')), undefined);
});

test("a copy's name must be a DNS-1123 name no visible plan has, in any project", () => {
  const plans = [plan('web'), plan('db', 'other')];
  assert.equal(defaultDuplicateName('web'), 'copy-of-web');
  assert.equal(duplicateNameProblem('copy-of-web', plans), undefined);
  assert.deepEqual(duplicateNameProblem('db', plans), { kind: 'taken', namespace: 'other' });
  assert.equal(duplicateNameProblem('Web Copy', plans)?.kind, 'invalid');
  assert.equal(duplicateNameProblem('', plans)?.kind, 'invalid');
});
