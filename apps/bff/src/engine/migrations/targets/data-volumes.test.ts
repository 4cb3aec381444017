import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataVolumes } from './data-volumes.ts';
import {
  contextOf,
  MIGRATION_UID,
  openshiftVm,
  ovaVm,
  PLAN_UID,
  vsphereVm,
} from './context.test-support.ts';
import { assertMatchesSchema } from './schema-check.test-support.ts';

const VM_LABELS = {
  migration: MIGRATION_UID,
  plan: PLAN_UID,
  'plan-name': 'quarterly-databases-wave',
  'plan-namespace': 'demo',
  resource: 'vm-config',
};

test('vSphere through CDI: one VDDK DataVolume per disk, named by the default template', () => {
  const built = dataVolumes(contextOf(vsphereVm()), { secretName: 'plan-vm-42-x7k2p' });
  assert.equal(built.length, 2);
  built.forEach((dataVolume) => assertMatchesSchema(dataVolume, 'cdi'));
  const [first, second] = built;
  assert.deepEqual(first!.metadata, {
    generateName: 'quarterly-datab-db-server-01-disk-0-',
    namespace: 'migrated',
    labels: { ...VM_LABELS, vmID: 'vm-42', vmUUID: '4210a1b2-c3d4-e5f6-0718-293a4b5c6d7e' },
    annotations: {
      ...VM_LABELS,
      vmID: 'vm-42',
      'cdi.kubevirt.io/storage.deleteAfterCompletion': 'false',
      'forklift.konveyor.io/disk-source': '[LocalDS_0] db/db.vmdk',
      'forklift.konveyor.io/disk-index': '0',
    },
  });
  assert.deepEqual(first!.spec, {
    source: {
      vddk: {
        backingFile: '[LocalDS_0] db/db.vmdk',
        uuid: '4210a1b2-c3d4-e5f6-0718-293a4b5c6d7e',
        url: 'https://vcenter.example.com/sdk',
        secretRef: 'plan-vm-42-x7k2p',
        thumbprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
      },
    },
    // 16 GiB and one byte, rounded up to the next MiB.
    storage: {
      resources: { requests: { storage: '16385Mi' } },
      storageClassName: 'fast',
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Block',
    },
  });
  // The map entry names no access or volume mode: the StorageProfile decides.
  assert.deepEqual(second!.spec.storage, {
    resources: { requests: { storage: '2048Mi' } },
    storageClassName: 'shared',
  });
  assert.equal(second!.metadata.labels.shareable, 'true');
  assert.equal(second!.metadata.annotations['forklift.konveyor.io/disk-index'], '1');
});

test('vSphere through virt-v2v and OVA: blank DataVolumes, no vmUUID since one pod copies and converts', () => {
  const vsphere = dataVolumes(contextOf(vsphereVm(), { transfer: 'virt-v2v' }), {
    secretName: 's',
  });
  assert.deepEqual(
    vsphere.map((dataVolume) => dataVolume.spec.source),
    [{ blank: {} }, { blank: {} }],
  );
  assert.equal(vsphere[0]!.metadata.labels.vmUUID, undefined);
  const [ova] = dataVolumes(contextOf(ovaVm()), { secretName: 's' });
  assertMatchesSchema(ova, 'cdi');
  assert.deepEqual(ova!.spec, {
    source: { blank: {} },
    storage: {
      resources: { requests: { storage: '1024Mi' } },
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    },
  });
  assert.equal(ova!.metadata.annotations['forklift.konveyor.io/disk-index'], undefined);
});

test('raw copy keeps the copy and the guest apart no more: no vmUUID without conversion', () => {
  const [first] = dataVolumes(contextOf(vsphereVm(), { requiresConversion: false }), {
    secretName: 's',
  });
  assert.equal(first!.metadata.labels.vmUUID, undefined);
});

test('OpenShift: the source claim is cloned under its own name, bound at once; unmapped disks are skipped', () => {
  const built = dataVolumes(contextOf(openshiftVm()), { secretName: 'unused' });
  assert.equal(built.length, 1);
  const [clone] = built;
  assertMatchesSchema(clone, 'cdi');
  assert.equal(clone!.metadata.name, 'database-root');
  assert.equal(clone!.metadata.generateName, undefined);
  assert.deepEqual(clone!.spec.source, { pvc: { namespace: 'vms-prod', name: 'database-root' } });
  assert.equal(
    clone!.metadata.annotations['cdi.kubevirt.io/storage.bind.immediate.requested'],
    'true',
  );
  assert.equal(
    clone!.metadata.annotations['forklift.konveyor.io/disk-source'],
    'vms-prod/database-root',
  );
  assert.deepEqual(clone!.spec.storage, {
    resources: { requests: { storage: '1024Mi' } },
    storageClassName: 'hostpath-csi',
  });
});

test('the plan’s service account and transfer network reach the importer through annotations', () => {
  const [first] = dataVolumes(
    contextOf(vsphereVm(), {
      planSpec: {
        serviceAccount: 'migrator',
        transferNetwork: { name: 'transfer', namespace: 'net' },
      },
    }),
    { secretName: 's' },
  );
  assert.equal(
    first!.metadata.annotations['cdi.kubevirt.io/storage.pod.serviceAccountName'],
    'migrator',
  );
  assert.equal(first!.metadata.annotations['v1.multus-cni.io/default-network'], 'net/transfer');
});

test('a PVC name template of the plan names the claims; exact names when generateName is off', () => {
  const ctx = contextOf(vsphereVm(), {
    planSpec: {
      pvcNameTemplate:
        '{{.TargetVmName}}-{{if eq .DiskIndex .RootDiskIndex}}root{{else}}data{{end}}',
      pvcNameTemplateUseGenerateName: false,
    },
  });
  assert.deepEqual(
    dataVolumes(ctx, { secretName: 's' }).map((dataVolume) => dataVolume.metadata.name),
    ['db-server-01-root', 'db-server-01-data'],
  );
});

test('a template that fails or yields no DNS-1123 label falls back to <plan>-<vmId>-', () => {
  for (const pvcNameTemplate of ['{{.Nope}}', '{{.VmName}}']) {
    const [first] = dataVolumes(contextOf(vsphereVm(), { planSpec: { pvcNameTemplate } }), {
      secretName: 's',
    });
    assert.equal(first!.metadata.generateName, 'quarterly-databases-wave-vm-42-');
  }
});

test('the ForkliftController’s template, stored with escaped braces, applies when the plan has none', () => {
  const [first] = dataVolumes(
    contextOf(vsphereVm(), {
      settings: { controller_pvc_name_template: '\\{\\{.VmId\\}\\}-disk\\{\\{.DiskIndex\\}\\}' },
    }),
    { secretName: 's' },
  );
  assert.equal(first!.metadata.generateName, 'vm-42-disk0-');
});
