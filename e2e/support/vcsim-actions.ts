// What a vSphere administrator does in vCenter while the console is open, done on vcsim through
// the same vim25 SOAP API.
import { createSoapClient, moRefXml } from '@forklift-console/vsphere';
import { retrieveInventory } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';
import type { Vcsim } from '../../scripts/vcsim.ts';

/** Starts a power task on a VM (by its name) and returns once vCenter has accepted it. */
const powerTask = async (vcsim: Vcsim, vmName: string, method: string): Promise<void> => {
  const client = createSoapClient(vcsim.sdkUrl, { insecureSkipVerify: true });
  try {
    await client.login(vcsim.username, vcsim.password);
    const vms = await retrieveInventory(client, [{ type: 'VirtualMachine', paths: ['name'] }]);
    const vm = vms.find((object) => object.properties.name === vmName);
    if (!vm) throw new Error(`vcsim has no VM named ${vmName}`);
    await client.call(method, moRefXml('_this', vm.ref));
    await client.logout();
  } finally {
    await client.close();
  }
};

export const powerOffVm = (vcsim: Vcsim, vmName: string): Promise<void> =>
  powerTask(vcsim, vmName, 'PowerOffVM_Task');

export const powerOnVm = (vcsim: Vcsim, vmName: string): Promise<void> =>
  powerTask(vcsim, vmName, 'PowerOnVM_Task');

/**
 * Destroys a datastore (by its name) that no VM uses, and returns once vCenter no longer lists it;
 * vCenter refuses to destroy one that holds VMs, which shows here as a timeout naming it.
 */
export const destroyDatastore = async (vcsim: Vcsim, datastoreName: string): Promise<void> => {
  const client = createSoapClient(vcsim.sdkUrl, { insecureSkipVerify: true });
  const datastores = () => retrieveInventory(client, [{ type: 'Datastore', paths: ['name'] }]);
  try {
    await client.login(vcsim.username, vcsim.password);
    const datastore = (await datastores()).find(
      (object) => object.properties.name === datastoreName,
    );
    if (!datastore) throw new Error(`vcsim has no datastore named ${datastoreName}`);
    await client.call('Destroy_Task', moRefXml('_this', datastore.ref));
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const left = await datastores();
      if (!left.some((object) => object.properties.name === datastoreName)) {
        await client.logout();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`vcsim did not destroy datastore ${datastoreName} (does a VM use it?)`);
  } finally {
    await client.close();
  }
};

/**
 * Gives a VM (by its name) a PCI passthrough device, which Forklift's vSphere rules report as a
 * Critical concern; returns once vCenter has accepted the reconfiguration.
 */
export const addPassthroughDevice = async (vcsim: Vcsim, vmName: string): Promise<void> => {
  const client = createSoapClient(vcsim.sdkUrl, { insecureSkipVerify: true });
  try {
    await client.login(vcsim.username, vcsim.password);
    const vms = await retrieveInventory(client, [{ type: 'VirtualMachine', paths: ['name'] }]);
    const vm = vms.find((object) => object.properties.name === vmName);
    if (!vm) throw new Error(`vcsim has no VM named ${vmName}`);
    const device =
      '<device xsi:type="VirtualPCIPassthrough"><key>-1</key>' +
      '<backing xsi:type="VirtualPCIPassthroughDeviceBackingInfo">' +
      '<deviceName>gpu</deviceName><id>0000:3b:00.0</id><deviceId>1eb8</deviceId>' +
      '<systemId>vcsim</systemId><vendorId>4318</vendorId></backing></device>';
    await client.call(
      'ReconfigVM_Task',
      `${moRefXml('_this', vm.ref)}<spec><deviceChange><operation>add</operation>${device}</deviceChange></spec>`,
    );
    await client.logout();
  } finally {
    await client.close();
  }
};
