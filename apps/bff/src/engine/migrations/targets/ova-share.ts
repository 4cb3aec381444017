// An OVA provider's NFS share as the conversion pods see it (reference engine.md §7.3, §8.2): one
// PersistentVolume per plan with the share's server and path, and a claim in the target namespace
// bound to it by name, both read-only and labelled with the plan so that archive finds them.
import { NFS_SHARE_MESSAGES, parseNfsShare } from '@forklift-console/api';
import type { V1PersistentVolume, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { planLabels, type TargetContext } from './context.ts';

/** A PV asks for a capacity; nothing is provisioned, so any size the claim fits in will do. */
const SHARE_CAPACITY = '1Gi';

export class OvaShareError extends Error {}

export const ovaShareVolume = (
  ctx: TargetContext,
): { persistentVolume: V1PersistentVolume; claim: V1PersistentVolumeClaim } => {
  const url = ctx.sourceProvider.spec?.url ?? '';
  const { share, problem } = parseNfsShare(url);
  if (!share)
    throw new OvaShareError(
      `The OVA provider's URL "${url}" is not an NFS share: ${NFS_SHARE_MESSAGES[problem]}`,
    );
  const planUid = ctx.plan.metadata?.uid ?? '';
  // Per plan and stable, so that a restarted engine finds the pair instead of making another.
  const name = `ova-store-${planUid}`;
  const labels = { ...planLabels(ctx), ova: 'nfs' };
  return {
    persistentVolume: {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, labels },
      spec: {
        capacity: { storage: SHARE_CAPACITY },
        accessModes: ['ReadOnlyMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: '',
        nfs: { server: share.server, path: share.exportPath, readOnly: true },
      },
    },
    claim: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace: ctx.targetNamespace, labels },
      spec: {
        accessModes: ['ReadOnlyMany'],
        resources: { requests: { storage: SHARE_CAPACITY } },
        storageClassName: '',
        volumeName: name,
      },
    },
  };
};
