// The dry-run validate API: what a caller gets for a VM, for a malformed VM and for a type
// without rules.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { bffValidationOptions } from '../http/validation.ts';
import { validationRoutes } from './routes.ts';
import { VSPHERE_RULES_VERSION } from './vsphere.ts';

const app = Fastify(bffValidationOptions);
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

const concernIds = (response: { json: () => { concerns: { id: string }[] } }) =>
  response.json().concerns.map(({ id }) => id);

test('a partial VM is judged by the fields it has: a rule whose fields are absent does not fire', async () => {
  const empty = await validate({});
  assert.equal(empty.statusCode, 200, empty.body);
  assert.deepEqual(empty.json(), { rulesVersion: VSPHERE_RULES_VERSION, concerns: [] });

  const partial = await validate({ tpmEnabled: true, hostName: 'localhost.localdomain' });
  assert.equal(partial.statusCode, 200);
  assert.deepEqual(concernIds(partial), ['vmware.hostname.default', 'vmware.tpm.detected']);
});

test('a VM without a name, or with a name that is not a string, is judged without the name rule', async () => {
  const { name: _name, ...nameless } = workload;
  const named = concernIds(await validate(workload));
  for (const payload of [nameless, { ...workload, name: 123 }, { ...workload, name: null }]) {
    const response = await validate(payload);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(concernIds(response), named, JSON.stringify(payload));
  }
  const badName = await validate({ ...nameless, name: 'Web server 01' });
  assert.ok(concernIds(badName).includes('vmware.vm.name.invalid'));
});

test('a field of another type than the inventory’s is evaluated, never refused', async () => {
  const cases: [Record<string, unknown>, string[]][] = [
    // Forklift counts the elements; what they are does not matter.
    [{ numaNodeAffinity: [1, 2] }, ['vmware.numa_affinity.detected']],
    [{ cpuAffinity: ['0', '1'] }, ['vmware.cpu_affinity.detected']],
    [{ guestDisks: [{ diskPath: 7, freeSpace: 0 }] }, ['vmware.guestDisks.freespace']],
    [{ disks: [{ file: 17, capacity: 0 }] }, ['vmware.disk.capacity.invalid']],
    // Not the type a rule compares with: like an undefined value in Rego, the rule does not fire.
    [{ cpuAffinity: 5 }, []],
    [{ disks: {} }, []],
    [{ guestDisks: [{ diskPath: '/', freeSpace: '1GB' }] }, []],
    [{ disks: [{ file: 'a.vmdk', capacity: '0' }] }, []],
    [{ tpmEnabled: 'true' }, []],
  ];
  for (const [fields, ids] of cases) {
    const response = await validate(fields);
    assert.equal(response.statusCode, 200, `${JSON.stringify(fields)}: ${response.body}`);
    assert.deepEqual(concernIds(response), ids, JSON.stringify(fields));
  }
  const numeric = await validate({ disks: [{ file: 17, capacity: 0 }] });
  assert.equal(numeric.json().concerns[0].label, "Disk '17' has an invalid capacity of 0 bytes");
});

test('only a body that is not a JSON object is refused', async () => {
  for (const payload of [[workload], 'web-01', 42, null]) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/validate/vsphere',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    assert.equal(response.statusCode, 400, JSON.stringify(payload));
    assert.equal(response.json().message, 'body must be object', JSON.stringify(payload));
  }
  const notJson = await app.inject({
    method: 'POST',
    url: '/api/v1/validate/vsphere',
    headers: { 'content-type': 'application/json' },
    payload: '{"name": "web-01",',
  });
  assert.equal(notJson.statusCode, 400);
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
  const partial = await validate(
    { disks: [{ Capacity: '0' }, { Name: 'b.vmdk', Capacity: -1 }] },
    'ova',
  );
  assert.equal(partial.statusCode, 200);
  assert.deepEqual(concernIds(partial), ['ova.disk.capacity.invalid']);
});

test('bodies up to 5 MiB are validated, larger ones are refused', async () => {
  const annotated = (bytes: number) => ({ ...workload, annotation: 'x'.repeat(bytes) });
  assert.equal((await validate(annotated(2 * 1024 * 1024))).statusCode, 200);
  assert.equal((await validate(annotated(5 * 1024 * 1024))).statusCode, 413);
});
