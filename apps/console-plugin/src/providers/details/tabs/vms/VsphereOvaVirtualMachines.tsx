import { useMemo, type FC } from 'react';
import { Alert } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { InventoryUnavailable } from '../../components/InventoryUnavailable.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import {
  toVmRows,
  VM_COLUMNS,
  type InventoryNamed,
  type InventoryVm,
} from '../../../../utils/vm-table.ts';
import { VmTable } from './VmTable.tsx';

/** The provider's VMs from its inventory; vSphere's hosts and folders only lend their names. */
export const VsphereOvaVirtualMachines: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const isOva = provider.spec?.type === 'ova';
  // Forklift lists vSphere VMs in full at any detail; OVA's need asking for (guest OS, file).
  const vms = useProviderInventory<InventoryVm[]>(provider, isOva ? '/vms?detail=all' : '/vms');
  const hosts = useProviderInventory<InventoryNamed[]>(provider, '/hosts?detail=1', !isOva);
  const folders = useProviderInventory<InventoryNamed[]>(provider, '/folders?detail=1', !isOva);
  const vmList = vms.state === 'ready' ? vms.data : undefined;
  const hostList = hosts.state === 'ready' ? hosts.data : undefined;
  const folderList = folders.state === 'ready' ? folders.data : undefined;
  const rows = useMemo(
    () => toVmRows(vmList ?? [], hostList, folderList),
    [vmList, hostList, folderList],
  );
  if (vms.state !== 'ready') return <InventoryUnavailable provider={provider} state={vms} />;
  // A skipped file is a VM missing from this list: say so where the list is.
  const skipped = provider.status?.conditions?.find(
    ({ type, status }) => type === 'InventoryScanErrors' && status === 'True',
  );
  return (
    <>
      {skipped && (
        <Alert
          variant="warning"
          isInline
          title={t('Some files of the share were skipped')}
          className="pf-v6-u-mb-md"
          data-testid="ova-scan-errors"
        >
          {skipped.message}
        </Alert>
      )}
      <VmTable columnKeys={VM_COLUMNS[isOva ? 'ova' : 'vsphere']} rows={rows} />
    </>
  );
};
