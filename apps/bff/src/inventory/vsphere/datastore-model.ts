// Datastores in Forklift's inventory shape (reference inventory.md §1.4 "Datastore"), with
// Forklift's clamping of the storage I/O control settings.
import type { RetrievedObject } from './property-collector.ts';
import type { Resource } from './resource.ts';
import { bool, list, num, rec, records, str } from './values.ts';

export const DATASTORE_PROPERTIES: readonly string[] = [
  'name',
  'parent',
  'summary.type',
  'summary.capacity',
  'summary.freeSpace',
  'summary.maintenanceMode',
  'info',
  'capability.storageIORMSupported',
  'iormConfiguration',
];

export type VsphereDatastore = Resource & {
  type: string;
  capacity: number;
  free: number;
  maintenance: string;
  backingDevicesNames: string[];
  nasRemoteHost?: string;
  nasRemotePath?: string;
  nasRemoteHostNames?: string[];
  storageIORMSupported: boolean;
  iormEnabled: boolean;
  iormCongestionThreshold: number;
  iormCongestionThresholdMode: string;
  iormPercentOfPeakThroughput: number;
};

export const toVsphereDatastore = (
  { properties }: RetrievedObject,
  resource: Resource,
): VsphereDatastore => {
  const info = rec(properties.info);
  const nas = rec(info.nas);
  const iorm = rec(properties.iormConfiguration);
  const threshold = num(iorm.congestionThreshold);
  const percent = num(iorm.percentOfPeakThroughput);
  return {
    ...resource,
    type: str(properties['summary.type']),
    capacity: num(properties['summary.capacity']),
    free: num(properties['summary.freeSpace']),
    maintenance: str(properties['summary.maintenanceMode']),
    backingDevicesNames: records(rec(info.vmfs).extent).map((extent) => str(extent.diskName)),
    ...(info.nas !== undefined
      ? {
          nasRemoteHost: str(nas.remoteHost),
          nasRemotePath: str(nas.remotePath),
          nasRemoteHostNames: list(nas.remoteHostNames).map(str),
        }
      : {}),
    storageIORMSupported: bool(properties['capability.storageIORMSupported']),
    iormEnabled: bool(iorm.enabled),
    // vSphere accepts 5–100 ms; Forklift reads anything lower as the 30 ms default.
    iormCongestionThreshold: threshold < 5 ? 30 : Math.min(threshold, 100),
    iormCongestionThresholdMode: str(iorm.congestionThresholdMode),
    // 50–100 % is valid; Forklift reads anything lower as the 90 % default.
    iormPercentOfPeakThroughput: percent < 50 ? 90 : Math.min(percent, 100),
  };
};
