// The dry-run validate API: what a caller gets for a VM, for a malformed VM and for a type
// without rules.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { validationRoutes } from './routes.ts';
import { VSPHERE_RULES_VERSION } from './vsphere.ts';

const app = Fastify();
await app.register(validationRoutes);
after(() => app.close());

const validate = (payload: unknown, providerType = 'vsphere') =>
  app.inject({
    method: 'POST',
    url: `/api/v1/validate/${providerType}`,
    payload: payload as object,
  });

/** A workload as Forklift's inventory serves it, with fields no rule reads. */
const workload = {
  id: 'vm-42',
  name: 'web-01',
  uuid: '4215a7e1-0000-0000-0000-000000000001',
  powerState: 'poweredOn',
  changeTrackingEnabled: false,
  tpmEnabled: true,
  guestId: 'rhel9_64Guest',
  hostName: 'web-01.example.com',
  disks: [
    {
      key: 2000,
      unitNumber: 0,
      controllerKey: 1000,
      file: '[ds1] web-01/web-01.vmdk',
      datastore: { kind: 'Datastore', id: 'datastore-1' },
      capacity: 0,
      bus: 'scsi',
      mode: 'persistent',
      changeTrackingEnabled: false,
    },
  ],
  nics: [{ network: { kind: 'Network', id: 'network-7' }, mac: '00:50:56:aa:bb:cc' }],
  guestNetworks: [{ ip: '10.0.0.5' }],
  host: { id: 'host-10', cluster: { id: 'domain-c8', drsEnabled: true } },
};

test('a vSphere workload gets the rules version and its concerns, most severe first', async () => {
  const response = await validate(workload);
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.rulesVersion, VSPHERE_RULES_VERSION);
  assert.deepEqual(
    body.concerns.map(({ category, id }: { category: string; id: string }) => [category, id]),
    [
      ['Critical', 'vmware.disk.capacity.invalid'],
      ['Warning', 'vmware.changed_block_tracking.disabled'],
      ['Warning', 'vmware.changed_block_tracking.disk.disabled'],
      ['Warning', 'vmware.tpm.detected'],
      ['Information', 'vmware.drs.enabled'],
    ],
  );
  assert.equal(body.concerns[2].label, 'Disk - scsi0:0 does not have CBT enabled');
});

test('a plain VM, whose host is an id, is validated without the cluster rules', async () => {
  const response = await validate({ ...workload, host: 'host-10' });
  assert.equal(response.statusCode, 200);
  assert.ok(
    !response.json().concerns.some(({ id }: { id: string }) => id === 'vmware.drs.enabled'),
  );
});

test('a VM without a string name is refused the way Forklift refuses it, naming the field', async () => {
  const { name: _name, ...nameless } = workload;
  for (const payload of [nameless, { ...workload, name: 123 }, { ...workload, name: null }]) {
    const response = await validate(payload);
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.statusCode, 400);
    assert.equal(body.error, 'Bad Request');
    assert.match(body.message, /^No VM name found in input body: body.*name/);
  }
});

test('a field the rules read with the wrong type is refused by its path, never coerced', async () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ disks: {} }, /^body\/disks must be array$/],
    [{ cpuAffinity: 5 }, /^body\/cpuAffinity must be array$/],
    [{ numaNodeAffinity: [0] }, /^body\/numaNodeAffinity\/0 must be string$/],
    [{ guestDisks: [{ diskPath: '/', freeSpace: '1GB' }] }, /^body\/guestDisks\/0\/freeSpace/],
    [{ disks: [{ ...workload.disks[0], capacity: '0' }] }, /^body\/disks\/0\/capacity/],
  ];
  for (const [fields, message] of cases) {
    const response = await validate({ ...workload, ...fields });
    assert.equal(response.statusCode, 400, JSON.stringify(fields));
    assert.match(response.json().message, message);
  }
});

test('a body that is not a VM object is refused', async () => {
  const response = await validate([workload]);
  assert.equal(response.statusCode, 400);
  assert.match(response.json().message, /^body must be object$/);
});

test('a provider type without rules is a 400 that names it and the supported types', async () => {
  const response = await validate(workload, 'ovirt');
  assert.equal(response.statusCode, 400);
  assert.equal(
    response.json().message,
    'params/providerType "ovirt" has no validation rules; supported provider types: vsphere, ova',
  );
});

test('an OVA workload is judged by the OVA rules', async () => {
  const response = await validate(
    { name: 'Web_01', exportSource: 'VMware', disks: [{ FilePath: '/ova/a.ova', Capacity: 0 }] },
    'ova',
  );
  assert.equal(response.statusCode, 200);
  assert.deepEqual(
    response.json().concerns.map(({ id }: { id: string }) => id),
    ['ova.disk.capacity.invalid', 'ova.name.invalid'],
  );
  const wrongType = await validate({ name: 'a', disks: [{ Capacity: '0' }] }, 'ova');
  assert.equal(wrongType.statusCode, 400);
  assert.match(wrongType.json().message, /body\/disks\/0\/Capacity must be number/);
});

test('bodies up to 5 MiB are validated, larger ones are refused', async () => {
  const annotated = (bytes: number) => ({ ...workload, annotation: 'x'.repeat(bytes) });
  assert.equal((await validate(annotated(2 * 1024 * 1024))).statusCode, 200);
  assert.equal((await validate(annotated(5 * 1024 * 1024))).statusCode, 413);
});
