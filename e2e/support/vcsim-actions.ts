// What a vSphere administrator does in vCenter while the console is open, done on vcsim through
// the same vim25 SOAP API.
import { createSoapClient, moRefXml } from '../../apps/bff/src/inventory/vsphere/soap-client.ts';
import { retrieveInventory } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';
import type { Vcsim } from '../../scripts/vcsim.ts';

/** Powers a VM off (by its name) and returns once vCenter has accepted the task. */
export const powerOffVm = async (vcsim: Vcsim, vmName: string): Promise<void> => {
  const client = createSoapClient(vcsim.sdkUrl, { insecureSkipVerify: true });
  try {
    await client.login(vcsim.username, vcsim.password);
    const vms = await retrieveInventory(client, [{ type: 'VirtualMachine', paths: ['name'] }]);
    const vm = vms.find((object) => object.properties.name === vmName);
    if (!vm) throw new Error(`vcsim has no VM named ${vmName}`);
    await client.call('PowerOffVM_Task', moRefXml('_this', vm.ref));
    await client.logout();
  } finally {
    await client.close();
  }
};
