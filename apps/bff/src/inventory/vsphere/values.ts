// Reading vim25 property values as the collector hands them over (text, references, nested
// records, `ArrayOfX` wrappers) into the plain numbers, strings, lists and Refs the models need.
import { createHash } from 'node:crypto';
import type { ManagedObjectReference } from '@forklift-console/vsphere';
import type { Ref } from '@forklift-console/api';

export type Fields = Record<string, unknown>;

export const num = (value: unknown): number => Number(value ?? 0) || 0;
export const bool = (value: unknown): boolean => String(value) === 'true';
export const str = (value: unknown): string =>
  value === undefined || value === null || typeof value === 'object' ? '' : String(value);

/** A nested record, or an empty one when the value is absent or text (an empty element). */
export const rec = (value: unknown): Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};

/**
 * A list whatever the XML made of it: one repeated element parses as a single value, an empty
 * one as '', and a property of array type comes wrapped as {_type: 'ArrayOfX', X: …}.
 */
export const list = (value: unknown): unknown[] => {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  const record = value as Fields;
  if (typeof value === 'object' && String(record._type ?? '').startsWith('ArrayOf')) {
    const key = Object.keys(record).find((candidate) => candidate !== '_type');
    return key === undefined ? [] : list(record[key]);
  }
  return [value];
};

export const records = (value: unknown): Fields[] => list(value).map(rec);

const REF_KINDS: Record<string, string> = {
  Folder: 'Folder',
  Datacenter: 'Datacenter',
  ClusterComputeResource: 'Cluster',
  ComputeResource: 'Cluster',
  HostSystem: 'Host',
  Network: 'Network',
  DistributedVirtualPortgroup: 'Network',
  OpaqueNetwork: 'Network',
  DistributedVirtualSwitch: 'Network',
  VmwareDistributedVirtualSwitch: 'Network',
  Datastore: 'Datastore',
  VirtualMachine: 'VM',
};

const URL_PATH_SAFE = /^[A-Za-z0-9._~-]+$/;

/**
 * Datastore IDs on a direct ESXi connection can be paths or NFS exports (`10.1.1.1:/vol/x`);
 * those become the md5 hex of the ID so they fit in a URL path segment.
 */
export const datastoreId = (moRefValue: string): string =>
  URL_PATH_SAFE.test(moRefValue) ? moRefValue : createHash('md5').update(moRefValue).digest('hex');

/** The Forklift ID of a managed object: its MoRef value, except for unsafe datastore IDs. */
export const idOf = (ref: ManagedObjectReference): string =>
  ref.type === 'Datastore' ? datastoreId(ref.value) : ref.value;

/** vSphere type names become Forklift's Ref kinds; others keep their vSphere name. */
export const refOf = (value: unknown): Ref => {
  const ref = value as ManagedObjectReference | undefined;
  return ref && typeof ref === 'object' && ref.type
    ? { kind: REF_KINDS[ref.type] ?? ref.type, id: idOf(ref) }
    : { kind: '', id: '' };
};

export const refsOf = (value: unknown): Ref[] => list(value).map(refOf);
