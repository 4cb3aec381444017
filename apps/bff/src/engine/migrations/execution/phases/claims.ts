// The claims that hold a VM's migrated disks: the DataVolumes' PVCs while the DataVolumes exist,
// and afterwards the PVCs themselves, which CreateVM labels for the VM before the DataVolumes go.
import type { V1OwnerReference, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import type { SourceDisk } from '../../source-vm.ts';
import { CLAIM } from '../cluster.ts';
import {
  migrationVmLabels,
  targetNamespaceOf,
  type RunContext,
  type VmContext,
} from '../context.ts';
import { DISK_SOURCE_ANNOTATION } from '../../targets/index.ts';
import { diskIndexOf, listDataVolumes } from './disks.ts';

export type Claim = {
  disk: SourceDisk;
  claimName: string;
  volumeMode: 'Block' | 'Filesystem';
};

const volumeModeOf = (claim: V1PersistentVolumeClaim | undefined): Claim['volumeMode'] =>
  claim?.spec?.volumeMode === 'Block' ? 'Block' : 'Filesystem';

/** One claim per disk, in the VM's disk order; disks without one yet are left out. */
export const claimsOf = async (run: RunContext, vm: VmContext): Promise<Claim[]> => {
  const namespace = targetNamespaceOf(run);
  const names = new Map<number, string>();
  const labelled = await run.cluster.list<V1PersistentVolumeClaim>(
    CLAIM,
    namespace,
    migrationVmLabels(run, vm.status),
  );
  for (const claim of labelled) names.set(diskIndexOf(vm, claim), claim.metadata?.name ?? '');
  for (const dataVolume of await listDataVolumes(run, vm)) {
    const claimName =
      (dataVolume.status as { claimName?: string } | undefined)?.claimName ??
      dataVolume.metadata?.name ??
      '';
    names.set(diskIndexOf(vm, dataVolume), claimName);
  }
  const claims: Claim[] = [];
  for (const [index, disk] of vm.sourceVm.disks.entries()) {
    const claimName = names.get(index);
    if (!claimName) continue;
    const claim = await run.cluster.read<V1PersistentVolumeClaim>(CLAIM, namespace, claimName);
    if (!claim) continue;
    claims.push({ disk, claimName, volumeMode: volumeModeOf(claim) });
  }
  return claims;
};

/** The VM's labels and disk annotation on each claim, so it is found once its DataVolume is gone. */
export const labelClaims = async (
  run: RunContext,
  claims: readonly Claim[],
  labels: Record<string, string>,
  ownerReference?: V1OwnerReference,
): Promise<void> => {
  for (const { disk, claimName } of claims) {
    await run.cluster.mergePatch({
      apiVersion: CLAIM.apiVersion,
      kind: CLAIM.kind,
      metadata: {
        name: claimName,
        namespace: targetNamespaceOf(run),
        labels,
        annotations: { [DISK_SOURCE_ANNOTATION]: disk.source },
        ...(ownerReference ? { ownerReferences: [ownerReference] } : {}),
      },
    });
  }
};
