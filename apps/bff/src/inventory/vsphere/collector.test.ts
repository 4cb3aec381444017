// The collector against vcsim: a full read, then a power-off made in vCenter reaching the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { createSoapClient, moRefXml } from './soap-client.ts';
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
