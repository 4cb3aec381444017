import type { FC } from 'react';
import type { Provider } from '@forklift-console/api';
import { InventoryUnavailable } from '../../components/InventoryUnavailable.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import type { InventoryNamed, InventoryVm } from '../../utils/vm-table.ts';
import { VmTable } from './VmTable.tsx';

/** The provider's VMs from its inventory; hosts and folders only lend their names. */
export const VirtualMachinesTab: FC<{ provider: Provider }> = ({ provider }) => {
  const vms = useProviderInventory<InventoryVm[]>(provider, '/vms');
  const hosts = useProviderInventory<InventoryNamed[]>(provider, '/hosts?detail=1');
  const folders = useProviderInventory<InventoryNamed[]>(provider, '/folders?detail=1');
  if (vms.state !== 'ready') return <InventoryUnavailable provider={provider} state={vms} />;
  return (
    <VmTable
      vms={vms.data}
      hosts={hosts.state === 'ready' ? hosts.data : undefined}
      folders={folders.state === 'ready' ? folders.data : undefined}
    />
  );
};
