// Following vim25 tasks to their end against vcsim: success resolves, a failed task throws the
// fault vCenter gives, with its type as the kind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../scripts/vcsim.ts';
import { createSoapClient, VsphereFault, type SoapClient } from './soap-client.ts';
import { readProperties } from './properties.ts';
import { runTask } from './tasks.ts';

describe('vSphere tasks against vcsim', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;
  let client: SoapClient;
  const vm = { type: 'VirtualMachine', value: '' };

  before(async () => {
    vcsim = await startVcsim({ vms: 1 });
    client = createSoapClient(vcsim.sdkUrl);
    await client.login(vcsim.username, vcsim.password);
    const { searchIndex } = await client.serviceContent();
    const found = await client.call(
      'FindByInventoryPath',
      `<_this type="SearchIndex">${searchIndex.value}</_this><inventoryPath>DC0/vm/DC0_H0_VM0</inventoryPath>`,
    );
    vm.value = String((found.returnval as Record<string, unknown>[])[0]!['#text']);
  });

  after(async () => {
    await client?.logout();
    await client?.close();
    await vcsim?.stop();
  });

  test('resolves once the task succeeded, and throws the fault of a failed one', async () => {
    await runTask(client, 'PowerOffVM_Task', vm);
    const { 'runtime.powerState': power } = await readProperties(client, vm, [
      'runtime.powerState',
    ]);
    assert.equal(power, 'poweredOff');
    await assert.rejects(runTask(client, 'PowerOffVM_Task', vm), (error) => {
      assert.ok(error instanceof VsphereFault);
      assert.equal(error.kind, 'InvalidPowerState');
      return true;
    });
    await runTask(client, 'PowerOnVM_Task', vm);
  });

  test('a property the session may not read is a fault, not an absent value', async () => {
    const stranger = createSoapClient(vcsim.sdkUrl);
    try {
      await assert.rejects(readProperties(stranger, vm, ['runtime.powerState']), (error) => {
        assert.ok(error instanceof VsphereFault);
        assert.equal(error.kind, 'NotAuthenticated');
        return true;
      });
    } finally {
      await stranger.close();
    }
  });
});
