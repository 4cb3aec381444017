import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessReviewBody, accessReviewQueryKey } from './useAccessReview.ts';

const providers = { group: 'forklift.konveyor.io', resource: 'providers' };

test('a check asked for one provider names its project and name', () => {
  const check = { verb: 'update', ...providers, namespace: 'mtv', name: 'vcenter' } as const;
  assert.deepEqual(accessReviewBody(check), { checks: [check] });
  assert.deepEqual(accessReviewQueryKey(check), [
    'access-reviews',
    'update',
    'forklift.konveyor.io',
    'providers',
    'mtv',
    'vcenter',
  ]);
});

test('a check without a name or project asks about any, and caches apart from a named one', () => {
  const inProject = { verb: 'create', ...providers, namespace: 'mtv' } as const;
  assert.deepEqual(accessReviewBody(inProject), {
    checks: [{ verb: 'create', ...providers, namespace: 'mtv' }],
  });
  // An empty name is no name: the body must not ask about an object called ''.
  assert.deepEqual(accessReviewBody({ ...inProject, name: '' }), accessReviewBody(inProject));
  assert.deepEqual(accessReviewBody({ verb: 'list', ...providers }), {
    checks: [{ verb: 'list', ...providers }],
  });
  assert.notDeepEqual(
    accessReviewQueryKey(inProject),
    accessReviewQueryKey({ ...inProject, name: 'vcenter' }),
  );
  assert.deepEqual(
    accessReviewQueryKey({ ...inProject, name: '' }),
    accessReviewQueryKey(inProject),
  );
});
