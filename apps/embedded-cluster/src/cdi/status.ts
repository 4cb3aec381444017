// Writing a DataVolume's status, and its events, as CDI's datavolume-controller does.
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { DataVolumeModel } from '@forklift-console/api';
import { isApiError, readObject, writeStatus } from '@forklift-console/controller-runtime';
import { recordEvent } from '../workers/events.ts';
import type { DataVolume, DataVolumeStatus } from './data-volume.ts';

export const CDI_COMPONENT = 'datavolume-controller';

export const dvEvent = (
  core: CoreV1Api,
  dv: DataVolume,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
) =>
  recordEvent(
    core,
    {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: { name: dv.metadata.name, namespace: dv.metadata.namespace, uid: dv.metadata.uid },
    },
    { type, reason, message, component: CDI_COMPONENT },
  );

/**
 * Reads the DataVolume afresh and writes `change(status)`, retrying on a conflict; `change` returns
 * undefined to leave it be (the DataVolume moved on, or it is another one of the same name).
 */
export const updateStatus = async (
  custom: CustomObjectsApi,
  { namespace, name, uid }: { namespace: string; name: string; uid: string },
  change: (status: DataVolumeStatus) => DataVolumeStatus | undefined,
): Promise<boolean> => {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const dv = await readObject<DataVolume>(custom, DataVolumeModel, namespace, name);
    if (!dv || dv.metadata.uid !== uid) return false;
    const next = change(dv.status ?? {});
    if (!next) return false;
    try {
      return await writeStatus(custom, DataVolumeModel, dv, next);
    } catch (error) {
      if (!isApiError(error, 409)) throw error;
    }
  }
  throw new Error(`the status of DataVolume ${namespace}/${name} kept changing under the importer`);
};
