// One CDI DataVolume per mapped disk (reference engine.md §8.2): named by the PVC name template,
// sized by the disk, stored as the storage map says, filled from vCenter through VDDK (vSphere with
// CDI), by cloning the source claim (OpenShift), or left blank for virt-v2v to write (vSphere with
// virt-v2v transfer, OVA).
import type { SourceDisk } from '../source-vm.ts';
import {
  hasSeparateCopyAndConversion,
  isDestinationRemote,
  migrationServiceAccount,
  vmLabels,
  type TargetContext,
} from './context.ts';
import { storageEntryFor } from './maps.ts';
import { pvcName } from './names.ts';

/** A DataVolume as `cdi.kubevirt.io/v1beta1` defines it; the fields the builders set. */
export type DataVolume = {
  apiVersion: 'cdi.kubevirt.io/v1beta1';
  kind: 'DataVolume';
  metadata: {
    name?: string;
    generateName?: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: {
    source: Record<string, Record<string, unknown>>;
    storage: {
      resources: { requests: { storage: string } };
      storageClassName: string;
      accessModes?: string[];
      volumeMode?: string;
    };
  };
};

const MIB = 1024 * 1024;

export const DISK_SOURCE_ANNOTATION = 'forklift.konveyor.io/disk-source';
export const DISK_INDEX_ANNOTATION = 'forklift.konveyor.io/disk-index';

/** vSphere disks are rounded up to the 1 MiB alignment block; others keep their size. */
const sizeOf = (ctx: TargetContext, disk: SourceDisk): number =>
  ctx.vm.providerType === 'vsphere'
    ? Math.ceil(disk.capacityBytes / MIB) * MIB
    : disk.capacityBytes;

const quantity = (bytes: number): string =>
  bytes % MIB === 0 ? `${bytes / MIB}Mi` : String(bytes);

const sourceOf = (
  ctx: TargetContext,
  disk: SourceDisk,
  secretName: string,
): DataVolume['spec']['source'] => {
  if (ctx.vm.providerType === 'openshift') {
    const [namespace = '', name = ''] = disk.source.split('/');
    return { pvc: { namespace, name } };
  }
  if (ctx.vm.providerType === 'vsphere' && ctx.transfer === 'cdi') {
    return {
      vddk: {
        backingFile: disk.source,
        uuid: ctx.vm.uuid ?? '',
        url: ctx.sourceProvider.spec?.url ?? '',
        secretRef: secretName,
        thumbprint: ctx.sourceProvider.status?.fingerprint ?? '',
      },
    };
  }
  return { blank: {} };
};

const labelsOf = (ctx: TargetContext, disk: SourceDisk): Record<string, string> => ({
  ...vmLabels(ctx),
  ...(hasSeparateCopyAndConversion(ctx) && ctx.vm.uuid ? { vmUUID: ctx.vm.uuid } : {}),
  ...(ctx.vm.providerType === 'vsphere' && disk.shared ? { shareable: 'true' } : {}),
});

const annotationsOf = (
  ctx: TargetContext,
  disk: SourceDisk,
  diskIndex: number,
): Record<string, string> => {
  const serviceAccount = migrationServiceAccount(ctx);
  const transferNetwork = ctx.plan.spec?.transferNetwork;
  const immediate = ctx.vm.providerType === 'openshift' || isDestinationRemote(ctx);
  return {
    ...vmLabels(ctx),
    'cdi.kubevirt.io/storage.deleteAfterCompletion': 'false',
    ...(immediate ? { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' } : {}),
    ...(ctx.settings?.controller_retain_precopy_importer_pods === 'true'
      ? { 'cdi.kubevirt.io/storage.pod.retainAfterCompletion': 'true' }
      : {}),
    ...(serviceAccount ? { 'cdi.kubevirt.io/storage.pod.serviceAccountName': serviceAccount } : {}),
    // Without the NAD at hand its default route is unknown: the legacy annotation is the one that
    // needs none (§8.2 "Transfer network").
    ...(transferNetwork?.name
      ? {
          'v1.multus-cni.io/default-network': `${transferNetwork.namespace || ctx.plan.metadata?.namespace}/${transferNetwork.name}`,
        }
      : {}),
    [DISK_SOURCE_ANNOTATION]: disk.source,
    ...(ctx.vm.providerType === 'vsphere' ? { [DISK_INDEX_ANNOTATION]: String(diskIndex) } : {}),
  };
};

/**
 * The VM's DataVolumes, one per disk whose storage the map covers (an unmapped disk is skipped, as
 * validation has already refused it). `secretName` is the DataVolume Secret's name (VDDK only).
 */
export const dataVolumes = (
  ctx: TargetContext,
  { secretName }: { secretName: string },
): DataVolume[] =>
  ctx.vm.disks.flatMap((disk, diskIndex) => {
    const entry = storageEntryFor(ctx.storageMap, disk.storage, ctx.vm.providerType);
    if (!entry) return [];
    const { storageClass, accessMode, volumeMode } = entry.destination;
    const name = pvcName(ctx, disk, diskIndex);
    return [
      {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: {
          ...(name.name ? { name: name.name } : { generateName: name.generateName }),
          namespace: ctx.targetNamespace,
          labels: labelsOf(ctx, disk),
          annotations: annotationsOf(ctx, disk, diskIndex),
        },
        spec: {
          source: sourceOf(ctx, disk, secretName),
          storage: {
            resources: { requests: { storage: quantity(sizeOf(ctx, disk)) } },
            storageClassName: storageClass,
            ...(accessMode ? { accessModes: [accessMode] } : {}),
            ...(volumeMode ? { volumeMode } : {}),
          },
        },
      },
    ];
  });
