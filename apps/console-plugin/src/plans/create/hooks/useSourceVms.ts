// The source provider's VMs for the Virtual machines step, one inventory read for all of them
// (no per-row calls), filtered on the server by the query bar's query. The previous answer stays
// on screen while a new query is answered, so the table never flashes empty between keystrokes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OpenshiftResource, Provider } from '@forklift-console/api';
import { INVENTORY_API, inventoryQueryKey } from '../../../hooks/useInventory.ts';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { fetchBffJson } from '../../../utils/bff.ts';
import { blankVmRow, toVmRows, type InventoryVm, type VmRow } from '../../../utils/vm-table.ts';
import type { VmUsage } from '../../../utils/map-inventory.ts';

export type SourceVm = InventoryVm & VmUsage;

const rowsOf = (type: string | undefined, vms: readonly SourceVm[]): VmRow[] =>
  type === 'openshift'
    ? (vms as unknown as OpenshiftResource[]).map((vm) => ({
        ...blankVmRow(vm.id, vm.name),
        project: vm.namespace ?? '',
      }))
    : toVmRows(vms);

/** `query` is a valid VM query or '' for all VMs. */
export const useSourceVms = (provider: Provider | undefined, query: string) => {
  const { bffBaseUrl } = useConsoleHost();
  const uid = provider?.metadata?.uid;
  const type = provider?.spec?.type;
  // Networks and disks (detail 4) seed the map steps from the selected VMs without more calls.
  const base = `providers/${type}/${uid}/vms?detail=4`;
  const path = query ? `${base}&query=${encodeURIComponent(query)}` : base;
  const answer = useQuery({
    queryKey: inventoryQueryKey(uid, path),
    queryFn: () => fetchBffJson<SourceVm[]>(bffBaseUrl, `${INVENTORY_API}/${path}`),
    enabled: Boolean(uid && type),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => rowsOf(type, answer.data ?? []), [type, answer.data]);
  const byId = useMemo(() => new Map((answer.data ?? []).map((vm) => [vm.id, vm])), [answer.data]);
  return {
    rows,
    byId,
    isLoading: answer.isLoading,
    isFetching: answer.isFetching,
    error: answer.error,
  };
};
