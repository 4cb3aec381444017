// The collector against vcsim: a full read, then a power-off made in vCenter reaching the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { createSoapClient, moRefXml } from '@forklift-console/vsphere';
import { startVsphereCollector, type CollectorChange } from './collector.ts';

describe('vSphere collector against vcsim', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;

  before(async () => {
    vcsim = await startVcsim({ vms: 1 });
  });

  after(async () => {
    await vcsim?.stop();
  });

  test('reads the inventory, then follows a VM powered off in vCenter', async () => {
    const changes: CollectorChange[] = [];
    let onChange = () => {};
    const collector = startVsphereCollector({
      sdkUrl: vcsim.sdkUrl,
      username: vcsim.username,
      password: vcsim.password,
      requests: [
        { type: 'VirtualMachine', paths: ['name', 'runtime.powerState'] },
        { type: 'HostSystem', paths: ['name'] },
      ],
      maxWaitSeconds: 1,
      onChanges: (batch) => {
        changes.push(...batch);
        onChange();
      },
    });
    try {
      await collector.inSync();
      const vms = collector.objects().filter((object) => object.ref.type === 'VirtualMachine');
      assert.equal(vms.length, 2);
      assert.equal(collector.objects().filter((o) => o.ref.type === 'HostSystem').length, 3);
      const vm = vms.find(
        (candidate) => candidate.properties['runtime.powerState'] === 'poweredOn',
      )!;
      assert.equal(vm.revision, 1);

      const poweredOff = new Promise<void>((resolve) => {
        onChange = () => {
          if (
            collector.get('VirtualMachine', vm.ref.value)?.properties['runtime.powerState'] ===
            'poweredOff'
          ) {
            resolve();
          }
        };
      });
      const admin = createSoapClient(vcsim.sdkUrl);
      await admin.login(vcsim.username, vcsim.password);
      await admin.call('PowerOffVM_Task', moRefXml('_this', vm.ref));
      await poweredOff;
      const updated = collector.get('VirtualMachine', vm.ref.value)!;
      assert.equal(updated.revision, 2, 'a modify bumps the revision');
      assert.equal(updated.properties.name, vm.properties.name, 'unchanged properties are kept');
      assert.ok(changes.some((change) => change.kind === 'modify'));
    } finally {
      await collector.stop();
    }
  });

  test('two collectors on one vCenter (two Providers) both follow a power-off', async () => {
    const start = () =>
      startVsphereCollector({
        sdkUrl: vcsim.sdkUrl,
        username: vcsim.username,
        password: vcsim.password,
        requests: [{ type: 'VirtualMachine', paths: ['name', 'runtime.powerState'] }],
        maxWaitSeconds: 1,
      });
    const collectors = [start(), start()];
    try {
      await Promise.all(collectors.map((collector) => collector.inSync()));
      const vm = collectors[0]!
        .objects()
        .find((object) => object.properties['runtime.powerState'] === 'poweredOn')!;
      const admin = createSoapClient(vcsim.sdkUrl);
      await admin.login(vcsim.username, vcsim.password);
      await admin.call('PowerOffVM_Task', moRefXml('_this', vm.ref));
      const powerOf = (index: number) =>
        collectors[index]!.get('VirtualMachine', vm.ref.value)?.properties['runtime.powerState'];
      // A deadline only so that an update that never comes fails instead of hanging.
      const deadline = Date.now() + 30_000;
      while (powerOf(0) !== 'poweredOff' || powerOf(1) !== 'poweredOff') {
        assert.ok(Date.now() < deadline, `power states: ${powerOf(0)}, ${powerOf(1)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.logout();
      await admin.close();
    } finally {
      await Promise.all(collectors.map((collector) => collector.stop()));
    }
  });

  test('after a reconnect, objects gone meanwhile leave and revisions keep counting', async () => {
    const first = await startVcsim({ vms: 2 });
    let second: Vcsim | undefined;
    const changes: CollectorChange[] = [];
    const collector = startVsphereCollector({
      sdkUrl: first.sdkUrl,
      username: first.username,
      password: first.password,
      requests: [{ type: 'VirtualMachine', paths: ['name'] }],
      maxWaitSeconds: 1,
      onChanges: (batch) => changes.push(...batch),
    });
    try {
      await collector.inSync();
      const before = new Set(collector.objects().map((object) => object.ref.value));
      assert.equal(before.size, 4);
      // The same address serves a smaller inventory: as if VMs were deleted while away.
      await first.stop();
      second = await startVcsim({ vms: 1 }, undefined, { listen: new URL(first.sdkUrl).host });
      changes.length = 0;
      const deadline = Date.now() + 30_000;
      while (!collector.isInSync() || changes.length === 0) {
        assert.ok(Date.now() < deadline, 'the collector resynced');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const after = collector.objects();
      assert.equal(after.length, 2);
      const kept = after.filter((object) => before.has(object.ref.value));
      assert.ok(kept.length > 0, 'some VMs have the same IDs on both');
      assert.ok(
        kept.every((object) => object.revision === 2),
        'kept objects count on',
      );
      const gone = [...before].filter((id) => !after.some((object) => object.ref.value === id));
      assert.deepEqual(
        changes
          .filter((change) => change.kind === 'leave')
          .map((change) => change.object.ref.value)
          .sort(),
        gone.sort(),
      );
    } finally {
      await collector.stop();
      await second?.stop();
    }
  });

  test('wrong credentials are reported and retried, not thrown at the caller', async () => {
    const errors: Error[] = [];
    const collector = startVsphereCollector({
      sdkUrl: vcsim.sdkUrl,
      username: vcsim.username,
      password: 'wrong',
      requests: [{ type: 'VirtualMachine', paths: ['name'] }],
      onError: (error) => errors.push(error),
    });
    while (errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await collector.stop();
    assert.match(errors[0]!.message, /login|password|Login/i);
    assert.equal(collector.isInSync(), false);
  });
});
