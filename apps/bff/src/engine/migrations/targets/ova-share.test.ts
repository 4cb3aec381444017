import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, ovaVm, PLAN_UID, PROVIDERS } from './context.test-support.ts';
import { ovaShareVolume, OvaShareError } from './ova-share.ts';
import { assertMatchesSchema } from './schema-check.test-support.ts';

test('the OVA share is one read-only NFS volume per plan, and a claim bound to it by name', () => {
  const { persistentVolume, claim } = ovaShareVolume(contextOf(ovaVm()));
  assertMatchesSchema(persistentVolume, 'core');
  assertMatchesSchema(claim, 'core');
  const labels = {
    plan: PLAN_UID,
    'plan-name': 'quarterly-databases-wave',
    'plan-namespace': 'demo',
    ova: 'nfs',
  };
  assert.deepEqual(persistentVolume.metadata, { name: `ova-store-${PLAN_UID}`, labels });
  assert.deepEqual(persistentVolume.spec?.nfs, {
    server: 'nfs.example.com',
    path: '/exports/ova',
    readOnly: true,
  });
  assert.deepEqual(persistentVolume.spec?.accessModes, ['ReadOnlyMany']);
  assert.deepEqual(claim.metadata, {
    name: `ova-store-${PLAN_UID}`,
    namespace: 'migrated',
    labels,
  });
  assert.equal(claim.spec?.volumeName, persistentVolume.metadata?.name);
  assert.deepEqual(claim.spec?.accessModes, ['ReadOnlyMany']);
  // An empty class keeps a default StorageClass from provisioning a volume of its own.
  assert.equal(claim.spec?.storageClassName, '');
});

test('the nfs:// spelling of the share gives the same volume', () => {
  const provider = {
    ...PROVIDERS.ova,
    spec: { ...PROVIDERS.ova.spec!, url: 'nfs://nfs.example.com/exports/ova/' },
  };
  const { persistentVolume } = ovaShareVolume(contextOf(ovaVm(), { sourceProvider: provider }));
  assert.deepEqual(persistentVolume.spec?.nfs, {
    server: 'nfs.example.com',
    path: '/exports/ova',
    readOnly: true,
  });
});

test('a provider URL that is no NFS share is refused, naming it', () => {
  const provider = {
    ...PROVIDERS.ova,
    spec: { ...PROVIDERS.ova.spec!, url: 'https://example.com/ova' },
  };
  assert.throws(
    () => ovaShareVolume(contextOf(ovaVm(), { sourceProvider: provider })),
    (error) =>
      error instanceof OvaShareError &&
      /"https:\/\/example.com\/ova" is not an NFS share/.test(error.message),
  );
});
