// Where a VMDK's bytes are: `[datastore] folder/disk.vmdk` names a descriptor on a datastore, and
// the descriptor names the extent file that holds the disk. VDDK reads through the descriptor;
// here the extent is fetched as a file, so only disks whose bytes lie whole in one flat extent
// can be read, and anything else is refused by name rather than copied wrong.
import { VddkSourceError } from './errors.ts';

export type DatastorePath = { datastore: string; path: string };

/** `[datastore1] vm-1/vm-1.vmdk` → `{ datastore: 'datastore1', path: 'vm-1/vm-1.vmdk' }`. */
export const parseDatastorePath = (backingFile: string): DatastorePath => {
  const match = /^\[([^\]]+)\]\s*(\S.*)$/.exec(backingFile.trim());
  if (!match || match[2]!.split('/').includes('..')) {
    throw new VddkSourceError(
      'InvalidSource',
      `spec.source.vddk.backingFile "${backingFile}" is not a datastore path like "[datastore1] vm-1/vm-1.vmdk"`,
    );
  }
  return { datastore: match[1]!.trim(), path: match[2]!.trim() };
};

export type Extent = {
  access: string;
  sectors: number;
  type: string;
  file: string;
  offset: number;
};

export type DiskDescriptor = { createType: string; extents: Extent[]; parentFileNameHint?: string };

// `RW 20971520 VMFS "disk-flat.vmdk"`, with an optional sector offset for FLAT extents.
const EXTENT = /^(RW|RDONLY|NOACCESS)\s+(\d+)\s+(\w+)(?:\s+"([^"]*)"(?:\s+(\d+))?)?\s*$/;

/** Reads a text descriptor; undefined when the text is not one (a sparse VMDK's binary header). */
export const parseDescriptor = (text: string): DiskDescriptor | undefined => {
  if (!text.startsWith('# Disk DescriptorFile')) return undefined;
  const descriptor: DiskDescriptor = { createType: '', extents: [] };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\0/g, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const extent = EXTENT.exec(line);
    if (extent) {
      descriptor.extents.push({
        access: extent[1]!,
        sectors: Number(extent[2]),
        type: extent[3]!,
        file: extent[4] ?? '',
        offset: Number(extent[5] ?? 0),
      });
      continue;
    }
    const setting = /^([\w.]+)\s*=\s*"?([^"]*)"?$/.exec(line);
    if (setting?.[1] === 'createType') descriptor.createType = setting[2]!;
    if (setting?.[1] === 'parentFileNameHint') descriptor.parentFileNameHint = setting[2]!;
  }
  return descriptor;
};

export type FlatExtent = { path: string; sizeBytes: number };

/**
 * The one file holding the whole disk as raw bytes, as a datastore path beside the descriptor.
 * Snapshot deltas, sparse and split extents and raw device mappings need VDDK's assembly of
 * several files or devices, which a file download cannot do: those are refused, naming why.
 */
export const flatExtentOf = (descriptorPath: string, descriptor: DiskDescriptor): FlatExtent => {
  const refuse = (why: string): never => {
    throw new VddkSourceError(
      'UnsupportedDisk',
      `${descriptorPath} ${why}; without VDDK only a disk held whole in one flat extent can be read`,
    );
  };
  if (descriptor.parentFileNameHint) {
    refuse(`is a snapshot delta of ${descriptor.parentFileNameHint} (consolidate the snapshots)`);
  }
  if (descriptor.extents.length !== 1) {
    refuse(`has ${descriptor.extents.length} extents`);
  }
  const [extent] = descriptor.extents as [Extent];
  if (!['VMFS', 'FLAT'].includes(extent.type) || extent.offset !== 0 || !extent.file) {
    refuse(`has a ${extent.type} extent (createType "${descriptor.createType}")`);
  }
  if (extent.file.includes('/')) refuse(`names an extent outside its folder (${extent.file})`);
  const folder = descriptorPath.includes('/')
    ? descriptorPath.slice(0, descriptorPath.lastIndexOf('/') + 1)
    : '';
  return { path: folder + extent.file, sizeBytes: extent.sectors * 512 };
};
