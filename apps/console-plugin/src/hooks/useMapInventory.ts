// The inventory reads behind the map forms, for whichever providers the user has chosen. Each is
// off until its provider is known and kept fresh by the pushes for that provider.
import { useMemo } from 'react';
import type { OpenshiftResource, Provider } from '@forklift-console/api';
import {
  networksUsedByVms,
  openshiftNetworkOptions,
  openshiftStorageOptions,
  optionsFromResources,
  storagesUsedByVms,
  targetNetworks,
  targetStorageClasses,
  type SourceOption,
  type TargetNetwork,
  type TargetStorageClass,
  type VmUsage,
} from '../utils/map-inventory.ts';
import { NotLoadedYetError } from '../utils/bff.ts';
import { useInventory } from './useInventory.ts';

/** A derived inventory list with the state of the reads it comes from. */
export type InventoryList<T> = { items: T[]; isLoading: boolean; error: Error | null };

const useProviderCollection = <T>(provider: Provider | undefined, subpath: string, when = true) => {
  const uid = provider?.metadata?.uid;
  const type = provider?.spec?.type;
  return useInventory<T[]>(`providers/${type}/${uid}/${subpath}`, {
    providerUid: uid,
    enabled: when && Boolean(uid && type),
  });
};

// A provider's first inventory load answers "not yet" (206); a push refetches once it is done.
const listOf = <T>(
  query: { isLoading: boolean; error: Error | null },
  items: T[],
): InventoryList<T> =>
  query.error instanceof NotLoadedYetError
    ? { items, isLoading: true, error: null }
    : { items, isLoading: query.isLoading, error: query.error };

/** The source provider's networks: vSphere and OVA `networks`, an OpenShift source's NADs. */
export const useSourceNetworks = (provider: Provider | undefined): InventoryList<SourceOption> => {
  const isOpenshift = provider?.spec?.type === 'openshift';
  const resources = useProviderCollection<{ id: string; name: string }>(
    provider,
    'networks',
    !isOpenshift,
  );
  const nads = useProviderCollection<OpenshiftResource>(
    provider,
    'networkattachmentdefinitions',
    isOpenshift,
  );
  const query = isOpenshift ? nads : resources;
  const items = useMemo(
    () =>
      isOpenshift
        ? openshiftNetworkOptions(nads.data ?? [])
        : optionsFromResources(resources.data ?? []),
    [isOpenshift, nads.data, resources.data],
  );
  return listOf(query, provider ? items : []);
};

const STORAGE_COLLECTION: Record<string, string> = {
  vsphere: 'datastores',
  ova: 'storages',
  openshift: 'storageclasses',
};

/** The source provider's storages: vSphere datastores, OVA storages, OpenShift storage classes. */
export const useSourceStorages = (provider: Provider | undefined): InventoryList<SourceOption> => {
  const type = provider?.spec?.type ?? '';
  const query = useProviderCollection<{ id: string; name: string } & OpenshiftResource>(
    provider,
    STORAGE_COLLECTION[type] ?? 'storages',
    type in STORAGE_COLLECTION,
  );
  const items = useMemo(
    () =>
      type === 'openshift'
        ? openshiftStorageOptions(query.data ?? [])
        : optionsFromResources(query.data ?? []),
    [type, query.data],
  );
  return listOf(query, provider ? items : []);
};

/** Which source networks and storages the provider's VMs use (vSphere and OVA sources). */
export const useSourceUsage = (provider: Provider | undefined) => {
  const type = provider?.spec?.type;
  const supported = type === 'vsphere' || type === 'ova';
  const vms = useProviderCollection<VmUsage>(provider, 'vms?detail=4', supported);
  const state = listOf(vms, []);
  return useMemo(
    () => ({
      isSupported: supported,
      isLoading: state.isLoading,
      error: state.error,
      networkIds: networksUsedByVms(type, vms.data ?? []),
      storageIds: storagesUsedByVms(type, vms.data ?? []),
    }),
    [supported, type, state.isLoading, state.error, vms.data],
  );
};

/** The target cluster's NetworkAttachmentDefinitions. */
export const useTargetNetworks = (provider: Provider | undefined): InventoryList<TargetNetwork> => {
  const query = useProviderCollection<OpenshiftResource>(
    provider,
    'networkattachmentdefinitions?detail=1',
  );
  const items = useMemo(() => targetNetworks(query.data ?? []), [query.data]);
  return listOf(query, provider ? items : []);
};

/** The target cluster's storage classes, its default one marked. */
export const useTargetStorageClasses = (
  provider: Provider | undefined,
): InventoryList<TargetStorageClass> => {
  const query = useProviderCollection<OpenshiftResource>(provider, 'storageclasses?detail=1');
  const items = useMemo(() => targetStorageClasses(query.data ?? []), [query.data]);
  return listOf(query, provider ? items : []);
};

/** A vSphere source's ESXi hosts, for the offload options' dedicated migration hosts. */
export const useSourceHosts = (provider: Provider | undefined): InventoryList<SourceOption> => {
  const isVsphere = provider?.spec?.type === 'vsphere';
  const query = useProviderCollection<{ id: string; name: string }>(provider, 'hosts', isVsphere);
  const items = useMemo(() => optionsFromResources(query.data ?? []), [query.data]);
  return listOf(query, isVsphere ? items : []);
};
