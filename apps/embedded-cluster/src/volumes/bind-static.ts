// Static provisioning, as the PV controller binds it: a claim naming a PV someone made
// (`spec.volumeName`, as Forklift's per-plan NFS volume for an OVA share) is bound to it once the
// PV exists, is free or already meant for this claim, and fits it (class, volume mode, access
// modes, size). A PV that does not fit leaves the claim Pending with a FailedBinding event saying
// why, in the PV controller's words.
import type {
  CoreV1Api,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import { quantityBytes } from '@forklift-console/api';
import {
  isApiError,
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { recordEvent } from '../workers/events.ts';

const COMPONENT = 'persistentvolume-controller';

const claimSubject = (claim: V1PersistentVolumeClaim) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: claim.metadata?.name ?? '',
    namespace: claim.metadata?.namespace ?? '',
    uid: claim.metadata?.uid,
  },
});

/** Why `pv` cannot serve `claim`, or undefined when it can. */
export const staticBindingProblem = (
  claim: V1PersistentVolumeClaim,
  pv: V1PersistentVolume,
): string | undefined => {
  const name = pv.metadata?.name ?? '';
  const reference = pv.spec?.claimRef;
  if (
    reference &&
    (reference.namespace !== claim.metadata?.namespace ||
      reference.name !== claim.metadata?.name ||
      (reference.uid !== undefined && reference.uid !== claim.metadata?.uid))
  ) {
    return `volume "${name}" already bound to a different claim.`;
  }
  if ((pv.spec?.storageClassName ?? '') !== (claim.spec?.storageClassName ?? '')) {
    return `Cannot bind to requested volume "${name}": storageClassName does not match`;
  }
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) {
    return `Cannot bind to requested volume "${name}": volumeMode does not match`;
  }
  const offered = new Set(pv.spec?.accessModes ?? []);
  if (!(claim.spec?.accessModes ?? []).every((mode) => offered.has(mode))) {
    return `Cannot bind to requested volume "${name}": incompatible accessMode`;
  }
  const requested = claim.spec?.resources?.requests?.storage;
  const capacity = pv.spec?.capacity?.storage;
  if (
    requested !== undefined &&
    quantityBytes(String(capacity ?? '0')) < quantityBytes(String(requested))
  ) {
    return `Cannot bind to requested volume "${name}": requested PV is too small`;
  }
  return undefined;
};

const bindBoth = async (
  core: CoreV1Api,
  claim: V1PersistentVolumeClaim,
  pv: V1PersistentVolume,
) => {
  const name = pv.metadata?.name ?? '';
  const reference = pv.spec?.claimRef;
  let volume = pv;
  if (!reference?.uid) {
    volume = await core.replacePersistentVolume({
      name,
      body: {
        ...pv,
        metadata: {
          ...pv.metadata,
          annotations: {
            ...pv.metadata?.annotations,
            'pv.kubernetes.io/bound-by-controller': 'yes',
          },
        },
        spec: {
          ...pv.spec,
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            namespace: claim.metadata?.namespace,
            name: claim.metadata?.name,
            uid: claim.metadata?.uid,
            resourceVersion: claim.metadata?.resourceVersion,
          },
        },
      },
    });
  }
  if (volume.status?.phase !== 'Bound') {
    await core.replacePersistentVolumeStatus({
      name,
      body: { ...volume, status: { phase: 'Bound' } },
    });
  }
  const namespace = claim.metadata?.namespace ?? '';
  const claimName = claim.metadata?.name ?? '';
  const annotated = await core.replaceNamespacedPersistentVolumeClaim({
    namespace,
    name: claimName,
    body: {
      ...claim,
      metadata: {
        ...claim.metadata,
        annotations: { ...claim.metadata?.annotations, 'pv.kubernetes.io/bind-completed': 'yes' },
      },
    },
  });
  await core.replaceNamespacedPersistentVolumeClaimStatus({
    namespace,
    name: claimName,
    body: {
      ...annotated,
      status: {
        phase: 'Bound',
        accessModes: volume.spec?.accessModes,
        capacity: volume.spec?.capacity,
      },
    },
  });
};

/** Binds a claim pre-bound to `volumeName`, or says why it waits. */
export const bindPreBound = async (
  core: CoreV1Api,
  claim: V1PersistentVolumeClaim,
  volumeName: string,
): Promise<ReconcileResult> => {
  let pv: V1PersistentVolume;
  try {
    pv = await core.readPersistentVolume({ name: volumeName });
  } catch (error) {
    // The PV may come later: its creation queues the claim again (provisioner.ts).
    if (isApiError(error, 404)) return { requeueAfterMs: LONG_REQUEUE_MS };
    throw error;
  }
  const problem = staticBindingProblem(claim, pv);
  if (problem) {
    await recordEvent(core, claimSubject(claim), {
      type: 'Warning',
      reason: 'FailedBinding',
      message: problem,
      component: COMPONENT,
    });
    return { requeueAfterMs: LONG_REQUEUE_MS };
  }
  try {
    await bindBoth(core, claim, pv);
  } catch (error) {
    if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
    throw error;
  }
  return {};
};
