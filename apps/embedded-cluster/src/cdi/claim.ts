// The PVC a DataVolume fills: named like it, owned by it (so that deleting the DataVolume deletes
// it), shaped by `spec.storage` or `spec.pvc`, with the annotations CDI puts on it. The annotation
// `cdi.kubevirt.io/storage.pod.phase: Succeeded` is the importer's word that the bytes are whole.
import type { CoreV1Api, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';
import type { DataVolume, DataVolumeSource } from './data-volume.ts';

export const POD_PHASE_ANNOTATION = 'cdi.kubevirt.io/storage.pod.phase';
/** CDI's mark of a claim an upload fills; the upload proxy serves no other. */
export const UPLOAD_TARGET_ANNOTATION = 'cdi.kubevirt.io/storage.upload.target';
/** "true" once the claim takes an upload (CDI: its upload server pod is Ready). */
export const POD_READY_ANNOTATION = 'cdi.kubevirt.io/storage.pod.ready';

const readClaim = async (core: CoreV1Api, namespace: string, name: string) => {
  try {
    return await core.readNamespacedPersistentVolumeClaim({ namespace, name });
  } catch (error) {
    if (isApiError(error, 404)) return undefined;
    throw error;
  }
};

const sourceAnnotations = (source: DataVolumeSource): Record<string, string> => {
  switch (source.kind) {
    case 'http':
      return {
        'cdi.kubevirt.io/storage.import.source': 'http',
        'cdi.kubevirt.io/storage.import.endpoint': source.http.url,
      };
    case 'blank':
      return { 'cdi.kubevirt.io/storage.import.source': 'none' };
    case 'upload':
      return { [UPLOAD_TARGET_ANNOTATION]: '' };
    case 'pvc':
      return { 'k8s.io/CloneRequest': `${source.namespace}/${source.name}` };
    default:
      return {};
  }
};

/** The claim, created when missing; a string says why it cannot be. */
export const ensureClaim = async (
  core: CoreV1Api,
  dv: DataVolume,
  source: DataVolumeSource,
): Promise<V1PersistentVolumeClaim | string> => {
  const { name, namespace, uid } = dv.metadata;
  const existing = await readClaim(core, namespace, name);
  if (existing) {
    const owned = existing.metadata?.ownerReferences?.some((owner) => owner.uid === uid);
    return owned ? existing : `PVC ${name} already exists and is not managed by DataVolume`;
  }
  const field = dv.spec?.storage ? 'spec.storage' : 'spec.pvc';
  const wanted = dv.spec?.storage ?? dv.spec?.pvc ?? {};
  let size = wanted.resources?.requests?.storage;
  if (size === undefined && source.kind === 'pvc') {
    size = (await readClaim(core, source.namespace, source.name))?.status?.capacity?.storage;
  }
  if (size === undefined) return `${field}.resources.requests.storage is required`;
  return core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: {
      metadata: {
        name,
        labels: { app: 'containerized-data-importer', 'app.kubernetes.io/component': 'storage' },
        annotations: {
          'cdi.kubevirt.io/storage.contentType': dv.spec?.contentType ?? 'kubevirt',
          'cdi.kubevirt.io/createdForDataVolume': uid,
          ...sourceAnnotations(source),
        },
        ownerReferences: [
          {
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            name,
            uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        accessModes: wanted.accessModes ?? ['ReadWriteOnce'],
        volumeMode: wanted.volumeMode ?? 'Filesystem',
        ...(wanted.storageClassName ? { storageClassName: wanted.storageClassName } : {}),
        resources: { requests: { storage: size } },
      },
    },
  });
};

const annotateClaim = async (
  core: CoreV1Api,
  namespace: string,
  name: string,
  annotations: Record<string, string>,
  keep: (current: Record<string, string>) => boolean = () => false,
) => {
  const claim = await core.readNamespacedPersistentVolumeClaim({ namespace, name });
  const current = claim.metadata?.annotations ?? {};
  if (keep(current)) return;
  if (Object.entries(annotations).every(([key, value]) => current[key] === value)) return;
  await core.replaceNamespacedPersistentVolumeClaim({
    namespace,
    name,
    body: {
      ...claim,
      metadata: { ...claim.metadata, annotations: { ...current, ...annotations } },
    },
  });
};

/** Marks the claim's bytes whole; only after the disk image is renamed into place and synced. */
export const markImported = (
  core: CoreV1Api,
  namespace: string,
  name: string,
  restartCount: number,
) =>
  annotateClaim(core, namespace, name, {
    [POD_PHASE_ANNOTATION]: 'Succeeded',
    'cdi.kubevirt.io/storage.pod.restarts': String(restartCount),
  });

/**
 * Opens an upload target to the upload proxy, as CDI's upload server pod being Ready does; a claim
 * an upload has just filled stays marked so.
 */
export const openForUpload = (core: CoreV1Api, namespace: string, name: string) =>
  annotateClaim(
    core,
    namespace,
    name,
    { [POD_PHASE_ANNOTATION]: 'Running', [POD_READY_ANNOTATION]: 'true' },
    (current) => current[POD_PHASE_ANNOTATION] === 'Succeeded',
  );
