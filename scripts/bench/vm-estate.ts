// Gives vcsim's uniform VMs (all "DC0_C0_RP0_VM<n>", 32 MiB, powered on) the variety of a real
// estate before the inventory reads it: roles in the names (web, app, db, cache), memory from
// 2 to 16 GiB, and a quarter powered off. Done through the vim25 API, as an administrator would.
import { createSoapClient, moRefXml, textXml } from '@forklift-console/vsphere';
import { retrieveInventory } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';
import type { Vcsim } from '../vcsim.ts';

const ROLES = ['web', 'app', 'db', 'cache'] as const;
const MEMORY_MB = [2048, 4096, 8192, 16384] as const;
// vcsim answers each call in turn; a few in flight keep it busy without queueing thousands.
const CONCURRENCY = 16;

/** The name, memory and power state VM number `index` gets. */
export const estateShape = (index: number) => ({
  name: `${ROLES[index % ROLES.length]}-${String(index).padStart(5, '0')}`,
  // A stride other than the roles' keeps every role on every memory size.
  memoryMB: MEMORY_MB[Math.floor(index / ROLES.length) % MEMORY_MB.length]!,
  poweredOff: index % 4 === 1 || index % 7 === 0,
});

export const shapeEstate = async (vcsim: Vcsim): Promise<number> => {
  const client = createSoapClient(vcsim.sdkUrl, { insecureSkipVerify: true });
  try {
    await client.login(vcsim.username, vcsim.password);
    const vms = await retrieveInventory(client, [{ type: 'VirtualMachine', paths: ['name'] }]);
    let next = 0;
    const worker = async () => {
      while (next < vms.length) {
        const index = next++;
        const vm = vms[index]!;
        const shape = estateShape(index);
        await client.call(
          'ReconfigVM_Task',
          moRefXml('_this', vm.ref) +
            `<spec>${textXml('name', shape.name)}${textXml('memoryMB', String(shape.memoryMB))}</spec>`,
        );
        if (shape.poweredOff) await client.call('PowerOffVM_Task', moRefXml('_this', vm.ref));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await client.logout();
    return vms.length;
  } finally {
    await client.close();
  }
};
