import { useMemo, type FC } from 'react';
import type { OpenshiftVm, Provider } from '@forklift-console/api';
import { InventoryUnavailable } from '../../components/InventoryUnavailable.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import { toOpenshiftVmRows } from '../../utils/openshift-vm.ts';
import { VM_COLUMNS } from '../../../../utils/vm-table.ts';
import { VmTable } from './VmTable.tsx';

/** The cluster's KubeVirt VMs; detail 1 brings each VM's object, with its instance while it runs. */
export const OpenshiftVirtualMachines: FC<{ provider: Provider }> = ({ provider }) => {
  const vms = useProviderInventory<OpenshiftVm[]>(provider, '/vms?detail=1');
  const vmList = vms.state === 'ready' ? vms.data : undefined;
  const rows = useMemo(() => toOpenshiftVmRows(vmList ?? []), [vmList]);
  if (vms.state !== 'ready') return <InventoryUnavailable provider={provider} state={vms} />;
  return <VmTable columnKeys={VM_COLUMNS.openshift} rows={rows} />;
};
