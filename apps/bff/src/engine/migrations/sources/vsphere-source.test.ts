// The vSphere source adapter against vcsim over TLS: the VM read from the real inventory, its power
// read and driven through vCenter with the provider's credentials and pinned certificate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { KubeConfig, type V1Secret } from '@kubernetes/client-node';
import type { Provider } from '@forklift-console/api';
import {
  createSoapClient,
  moRefXml,
  presentedCertificate,
  readProperties,
  textXml,
  type SoapClient,
  type XmlNode,
} from '@forklift-console/vsphere';
import { startVcsim, type Vcsim } from '../../../../../../scripts/vcsim.ts';
import { createLogger } from '../../../logging.ts';
import { createVsphereInventory } from '../../../inventory/vsphere/vsphere-inventory.ts';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import type { SourceVm } from '../source-vm.ts';
import { createSourceAdapterCache } from './adapter-cache.ts';
import { sourceAdapterFor } from './index.ts';
import type { SourceAdapter } from './source-adapter.ts';

const base64 = (value: string) => Buffer.from(value).toString('base64');

describe('vSphere source adapter against vcsim', { timeout: 240_000 }, () => {
  let vcsim: Vcsim;
  let inventory: ProviderInventory;
  let admin: SoapClient;
  let thumbprint: string;
  const logLines: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );

  const provider = (fingerprint = thumbprint): Provider => ({
    apiVersion: 'forklift.konveyor.io/v1beta1',
    kind: 'Provider',
    metadata: { name: 'vcsim', namespace: 'konveyor-forklift', uid: 'provider-1' },
    spec: {
      type: 'vsphere',
      url: vcsim.sdkUrl,
      secret: { name: 'vcsim-secret', namespace: 'konveyor-forklift' },
    },
    status: { fingerprint },
  });

  const secret = (password = vcsim.password): V1Secret => ({
    data: { user: base64(vcsim.username), password: base64(password) },
  });

  const adapterWith = (overrides: { fingerprint?: string; password?: string } = {}) =>
    sourceAdapterFor({
      provider: provider(overrides.fingerprint),
      secret: secret(overrides.password),
      inventory,
      kubeConfig: new KubeConfig(),
      logger,
    });

  /** What vCenter itself says of the VM's power, through the test's own session. */
  const vcenterPower = async (vm: SourceVm) =>
    (await readProperties(admin, { type: 'VirtualMachine', value: vm.id }, ['runtime.powerState']))[
      'runtime.powerState'
    ];

  const sessionCount = async () => {
    const { sessionManager } = await admin.serviceContent();
    const { sessionList } = await readProperties(admin, sessionManager, ['sessionList']);
    const sessions = (sessionList as XmlNode | undefined)?.UserSession;
    return Array.isArray(sessions) ? sessions.length : sessions ? 1 : 0;
  };

  /** vcsim's way to set a guest property: extraConfig `SET.<property>` (VMware Tools report it). */
  const setToolsRunning = (vm: SourceVm) =>
    admin
      .call(
        'ReconfigVM_Task',
        moRefXml('_this', { type: 'VirtualMachine', value: vm.id }) +
          '<spec><extraConfig>' +
          textXml('key', 'SET.guest.toolsRunningStatus') +
          '<value xmlns:xsd="http://www.w3.org/2001/XMLSchema" xsi:type="xsd:string">guestToolsRunning</value>' +
          '</extraConfig></spec>',
      )
      .then(async () => {
        const state = await readProperties(admin, { type: 'VirtualMachine', value: vm.id }, [
          'guest.toolsRunningStatus',
        ]);
        assert.equal(state['guest.toolsRunningStatus'], 'guestToolsRunning');
      });

  const guestShutdownEvents = async (vm: SourceVm): Promise<number> => {
    const eventManager = { type: 'EventManager', value: 'EventManager' };
    const response = await admin.call(
      'QueryEvents',
      moRefXml('_this', eventManager) +
        '<filter><entity>' +
        moRefXml('entity', { type: 'VirtualMachine', value: vm.id }) +
        '<recursion>self</recursion></entity>' +
        textXml('eventTypeId', 'VmGuestShutdownEvent') +
        '</filter>',
    );
    return ((response.returnval as XmlNode[] | undefined) ?? []).length;
  };

  before(async () => {
    vcsim = await startVcsim({ vms: 2 }, undefined, { tls: true });
    const url = new URL(vcsim.sdkUrl);
    thumbprint = (await presentedCertificate(url.hostname, Number(url.port))).thumbprint;
    admin = createSoapClient(vcsim.sdkUrl, { thumbprint });
    await admin.login(vcsim.username, vcsim.password);
    inventory = createVsphereInventory({
      providerUid: 'provider-1',
      sdkUrl: vcsim.sdkUrl,
      username: vcsim.username,
      password: vcsim.password,
      tls: { thumbprint },
      maxWaitSeconds: 1,
    });
    assert.equal(await inventory.waitForParity(30_000), true);
  });

  after(async () => {
    await admin?.logout();
    await admin?.close();
    await inventory?.stop();
    await vcsim?.stop();
  });

  test('reads a VM of the inventory by id, by path and by name', async () => {
    const adapter = adapterWith();
    try {
      const vm = adapter.readVm({ name: '/DC0/vm/DC0_H0_VM0' });
      assert.ok(vm);
      assert.equal(adapter.readVm({ id: vm.id })?.name, 'DC0_H0_VM0');
      assert.equal(adapter.readVm({ name: 'DC0_H0_VM0' })?.id, vm.id);
      assert.equal(adapter.readVm({ id: 'vm-does-not-exist' }), undefined);
      assert.equal(adapter.readVm({ name: '/DC0/vm/nothing' }), undefined);

      assert.equal(vm.providerType, 'vsphere');
      assert.equal(vm.powerState, 'On');
      assert.equal(vm.firmware, 'bios');
      assert.deepEqual(vm.cpu, { sockets: 1, cores: 1 });
      assert.equal(vm.memoryMiB, 32);
      assert.match(vm.uuid ?? '', /^[0-9a-f-]{36}$/);
      assert.match(vm.hostId ?? '', /^host-\d+$/);
      assert.equal(vm.guestOs, 'otherGuest');
      assert.deepEqual(
        vm.disks.map(({ source, capacityBytes, bus, shared }) => ({
          source,
          capacityBytes,
          bus,
          shared,
        })),
        [
          {
            source: '[LocalDS_0] DC0_H0_VM0/disk1.vmdk',
            capacityBytes: 16 * 2 ** 20,
            bus: 'scsi',
            shared: false,
          },
        ],
      );
      const [disk] = vm.disks;
      assert.match(disk!.storage, /^datastore-\d+$/);
      assert.equal(typeof disk!.key, 'number');
      assert.match(disk!.serial ?? '', /^[0-9a-f-]{36}$/);
      const [nic] = vm.nics;
      assert.match(nic!.network, /^(dvportgroup|network)-\d+$/);
      assert.match(nic!.mac ?? '', /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      assert.equal(nic!.startConnected, true);
    } finally {
      await adapter.close();
    }
  });

  test('powers a VM without running tools off with PowerOffVM_Task, and on again', async () => {
    const adapter = adapterWith();
    try {
      const vm = adapter.readVm({ name: '/DC0/vm/DC0_H0_VM0' })!;
      assert.equal(await adapter.powerState(vm), 'On');
      await adapter.powerOff(vm);
      // PowerOffVM_Task is waited for: vCenter says off as soon as the call returns.
      assert.equal(await vcenterPower(vm), 'poweredOff');
      assert.equal(await adapter.powerState(vm), 'Off');
      assert.equal(await guestShutdownEvents(vm), 0);
      // Asking again (a reconcile repeated after a restart) is a no-op, not a vCenter fault.
      await adapter.powerOff(vm);
      await adapter.powerOn(vm);
      assert.equal(await vcenterPower(vm), 'poweredOn');
      assert.equal(await adapter.powerState(vm), 'On');
      await adapter.powerOn(vm);
    } finally {
      await adapter.close();
    }
  });

  test('asks the guest to shut down when its tools run', async () => {
    const adapter = adapterWith();
    try {
      const vm = adapter.readVm({ name: '/DC0/vm/DC0_H0_VM1' })!;
      await setToolsRunning(vm);
      assert.equal(await guestShutdownEvents(vm), 0);
      await adapter.powerOff(vm);
      assert.equal(await guestShutdownEvents(vm), 1);
      // The guest shuts down in its own time; vcsim's does at once.
      let state = await adapter.powerState(vm);
      for (let tries = 0; state !== 'Off' && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = await adapter.powerState(vm);
      }
      assert.equal(state, 'Off');
      await adapter.powerOn(vm);
      assert.equal(await vcenterPower(vm), 'poweredOn');
    } finally {
      await adapter.close();
    }
  });

  test('keeps one session, logs in again when vCenter dropped it, and logs out on close', async () => {
    const before = await sessionCount();
    const adapter = adapterWith();
    const vm = adapter.readVm({ name: '/DC0/vm/DC0_H0_VM0' })!;
    await adapter.powerState(vm);
    await adapter.powerState(vm);
    assert.equal(await sessionCount(), before + 1);

    // vCenter ends every session but the test's own (as an expiry or a restart would).
    const { sessionManager } = await admin.serviceContent();
    const { sessionList, currentSession } = await readProperties(admin, sessionManager, [
      'sessionList',
      'currentSession',
    ]);
    const own = String((currentSession as XmlNode).key);
    const sessions = [(sessionList as XmlNode).UserSession].flat() as XmlNode[];
    for (const session of sessions.filter((candidate) => String(candidate.key) !== own)) {
      await admin.call(
        'TerminateSession',
        moRefXml('_this', sessionManager) + textXml('sessionId', String(session.key)),
      );
    }
    assert.equal(await sessionCount(), 1);
    assert.equal(await adapter.powerState(vm), 'On');
    assert.equal(await sessionCount(), 2);
    await adapter.close();
    assert.equal(await sessionCount(), 1);
  });

  test('the cache keeps one adapter per provider until what it connects with changes', async () => {
    const cache = createSourceAdapterCache();
    const before = await sessionCount();
    const context = {
      provider: provider(),
      secret: secret(),
      inventory,
      kubeConfig: new KubeConfig(),
      logger,
    };
    const first = cache.adapterFor(context);
    const vm = first.readVm({ name: '/DC0/vm/DC0_H0_VM0' })!;
    await first.powerState(vm);
    // The Provider and Secret as read again by the next reconcile: the same adapter and session.
    const again = cache.adapterFor({ ...context, provider: provider(), secret: secret() });
    assert.equal(again, first);
    await again.powerState(vm);
    assert.equal(await sessionCount(), before + 1);

    const changedSecret = secret();
    changedSecret.data = { ...changedSecret.data, insecureSkipVerify: base64('true') };
    const rotated = cache.adapterFor({ ...context, secret: changedSecret });
    assert.notEqual(rotated, first);
    await rotated.powerState(vm);
    // The replaced adapter logs out in the background.
    for (let tries = 0; (await sessionCount()) !== before + 1 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(await sessionCount(), before + 1);
    await cache.closeAll();
    assert.equal(await sessionCount(), before);
  });

  test('errors name the VM and what failed, never the password', async () => {
    const wrongPassword = adapterWith({ password: 'not-the-password-42' });
    const vm = wrongPassword.readVm({ name: '/DC0/vm/DC0_H0_VM0' })!;
    await assert.rejects(wrongPassword.powerOff(vm), (error: Error) => {
      assert.equal(
        error.message,
        `vCenter refused the shutdown of VM DC0_H0_VM0 (${vm.id}): Login failed: incorrect user name or password.`,
      );
      return true;
    });
    await wrongPassword.close();

    const wrongCertificate = adapterWith({ fingerprint: '00'.repeat(20) });
    await assert.rejects(wrongCertificate.powerState(vm), (error: Error) => {
      assert.match(
        error.message,
        new RegExp(
          `^Could not read from vCenter the power state of VM DC0_H0_VM0 \\(${vm.id}\\): .*thumbprint`,
        ),
      );
      return true;
    });
    await wrongCertificate.close();

    const adapter: SourceAdapter = adapterWith();
    await assert.rejects(adapter.powerOn({ ...vm, id: 'vm-999', name: 'gone' }), (error: Error) => {
      assert.equal(
        error.message,
        'vCenter refused to power on VM gone (vm-999): vCenter no longer has this VM',
      );
      return true;
    });
    await adapter.close();

    const logged = logLines.join('');
    assert.doesNotMatch(logged, /not-the-password-42/);
    assert.doesNotMatch(logged, new RegExp(vcsim.password));
  });
});
