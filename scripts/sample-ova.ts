// Sample OVAs for tests and the standalone demo: real VMDK disks made by qemu-img, a VMware-style
// OVF envelope describing them, a SHA-256 manifest, and the OVA tar written here (OVF first, then
// the manifest, then the disks, the order the OVF specification requires) so no tar tool is needed.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TAR_END, tarPadding, ustarHeader } from './ustar.ts';

/** A blank disk of capacityMiB, or the bytes of a raw disk image (its size in whole MiB). */
export type SampleDisk = { capacityMiB: number; rawImage?: string };
export type SampleNic = { network: string; mac?: string };

export type SampleVm = {
  /** VirtualSystem/Name; any text, escaped in the OVF. */
  name: string;
  cpus?: number;
  coresPerSocket?: number;
  memoryMiB?: number;
  disks?: SampleDisk[];
  nics?: SampleNic[];
  /** vmw:osType, e.g. rhel9_64Guest or windows2019srv_64Guest. */
  osType?: string;
  firmware?: 'bios' | 'efi';
  secureBoot?: boolean;
  /** VirtualSystem/@ovf:id; Forklift uses it as the VM ID when it is a UUID. Defaults to the name. */
  virtualSystemId?: string;
  /** The DMTF envelope namespace: OVF 1.x or 2.x. */
  ovfVersion?: 1 | 2;
};

export type SampleOvaOptions = SampleVm & {
  directory: string;
  /** Defaults to `<name>.ova`. */
  fileName?: string;
};

export type SampleOvfOptions = SampleVm & {
  /** The package folder; created when missing. */
  directory: string;
  /** Defaults to `<name>.ovf`; the manifest and disks are named after it. */
  fileName?: string;
};

const DEFAULT_DISKS: SampleDisk[] = [{ capacityMiB: 16 }];
const DEFAULT_NICS: SampleNic[] = [{ network: 'VM Network' }];

const ENVELOPE_NAMESPACE = {
  1: 'http://schemas.dmtf.org/ovf/envelope/1',
  2: 'http://schemas.dmtf.org/ovf/envelope/2',
};
const VMDK_FORMAT = 'http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized';

const run = promisify(execFile);

const createVmdk = async (file: string, { capacityMiB, rawImage }: SampleDisk) => {
  if (!Number.isInteger(capacityMiB) || capacityMiB < 1) {
    throw new Error(`disk capacityMiB must be a positive integer, got ${capacityMiB}`);
  }
  if (rawImage && (await stat(rawImage)).size !== capacityMiB * 1024 * 1024) {
    throw new Error(`${rawImage} is not ${capacityMiB} MiB, the disk's capacityMiB`);
  }
  const streamOptimized = ['-o', 'subformat=streamOptimized'];
  await run(
    'qemu-img',
    rawImage
      ? ['convert', '-q', '-f', 'raw', '-O', 'vmdk', ...streamOptimized, rawImage, file]
      : ['create', '-q', '-f', 'vmdk', ...streamOptimized, file, `${capacityMiB}M`],
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new Error(
        'qemu-img is not installed: sample OVAs need it (apt-get install qemu-utils)',
      );
    }
    throw error;
  });
};

// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const escapeXml = (value: string | number) => {
  const text = String(value);
  if (NOT_XML.test(text))
    throw new Error(`${JSON.stringify(text)} has a character XML cannot hold`);
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!,
  );
};

// VMware's OUI; derived from the VM name so a sample is the same on every run.
const defaultMac = (vmName: string, index: number) => {
  const digest = createHash('sha256').update(`${vmName}\0${index}`).digest();
  return [
    '00',
    '50',
    '56',
    (digest[0]! & 0x3f).toString(16),
    digest[1]!.toString(16),
    digest[2]!.toString(16),
  ]
    .map((octet) => octet.padStart(2, '0'))
    .join(':');
};

/** A disk file of the package: its name, size in bytes and capacity. */
export type SampleDiskFile = { href: string; size: number; capacityMiB: number };

// Callers list the fields in alphabetical order, the order the CIM schema requires.
const rasdItem = (fields: [string, string | number][], extra = '') =>
  [
    '      <Item>',
    ...fields.map(([key, value]) => `        <rasd:${key}>${escapeXml(value)}</rasd:${key}>`),
    ...(extra ? [extra] : []),
    '      </Item>',
  ].join('\n');

/** The OVF envelope for one VM whose disk files are `disks`, in order. */
export const sampleOvfXml = (vm: SampleVm, disks: SampleDiskFile[]): string => {
  const cpus = vm.cpus ?? 1;
  const coresPerSocket = vm.coresPerSocket ?? 1;
  const memoryMiB = vm.memoryMiB ?? 1024;
  const nics = vm.nics ?? DEFAULT_NICS;
  const networks = [...new Set(nics.map((nic) => nic.network))];
  const namespace = ENVELOPE_NAMESPACE[vm.ovfVersion ?? 1];
  const systemId = vm.virtualSystemId ?? vm.name;
  const controllerId = 3;
  let instanceId = controllerId;

  const items = [
    rasdItem(
      [
        ['AllocationUnits', 'hertz * 10^6'],
        ['Description', 'Number of Virtual CPUs'],
        ['ElementName', `${cpus} virtual CPU(s)`],
        ['InstanceID', 1],
        ['ResourceType', 3],
        ['VirtualQuantity', cpus],
      ],
      `        <vmw:CoresPerSocket ovf:required="false">${coresPerSocket}</vmw:CoresPerSocket>`,
    ),
    rasdItem([
      ['AllocationUnits', 'byte * 2^20'],
      ['Description', 'Memory Size'],
      ['ElementName', `${memoryMiB}MB of memory`],
      ['InstanceID', 2],
      ['ResourceType', 4],
      ['VirtualQuantity', memoryMiB],
    ]),
    rasdItem([
      ['Address', 0],
      ['Description', 'SCSI Controller'],
      ['ElementName', 'SCSI controller 0'],
      ['InstanceID', controllerId],
      ['ResourceSubType', 'VirtualSCSI'],
      ['ResourceType', 6],
    ]),
    ...disks.map((_, index) =>
      rasdItem([
        ['AddressOnParent', index],
        ['ElementName', `Hard disk ${index + 1}`],
        ['HostResource', `ovf:/disk/vmdisk${index + 1}`],
        ['InstanceID', ++instanceId],
        ['Parent', controllerId],
        ['ResourceType', 17],
      ]),
    ),
    ...nics.map((nic, index) =>
      rasdItem([
        ['Address', nic.mac ?? defaultMac(vm.name, index)],
        ['AddressOnParent', 7 + index],
        ['AutomaticAllocation', 'true'],
        ['Connection', nic.network],
        ['Description', `VmxNet3 ethernet adapter on "${nic.network}"`],
        ['ElementName', `Network adapter ${index + 1}`],
        ['InstanceID', ++instanceId],
        ['ResourceSubType', 'VmxNet3'],
        ['ResourceType', 10],
      ]),
    ),
  ];

  const config = (key: string, value: string) =>
    `      <vmw:Config ovf:required="false" vmw:key="${escapeXml(key)}" vmw:value="${escapeXml(value)}"/>`;

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Envelope xmlns="${namespace}" xmlns:ovf="${namespace}"` +
      ' xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"' +
      ' xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"' +
      ' xmlns:vmw="http://www.vmware.com/schema/ovf"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ` ovf:version="${vm.ovfVersion === 2 ? '2.0' : '1.0'}">`,
    '  <References>',
    ...disks.map(
      (disk, index) =>
        `    <File ovf:href="${escapeXml(disk.href)}" ovf:id="file${index + 1}" ovf:size="${disk.size}"/>`,
    ),
    '  </References>',
    '  <DiskSection>',
    '    <Info>Virtual disk information</Info>',
    ...disks.map(
      (disk, index) =>
        `    <Disk ovf:capacity="${disk.capacityMiB}" ovf:capacityAllocationUnits="byte * 2^20"` +
        ` ovf:diskId="vmdisk${index + 1}" ovf:fileRef="file${index + 1}" ovf:format="${VMDK_FORMAT}"/>`,
    ),
    '  </DiskSection>',
    '  <NetworkSection>',
    '    <Info>The list of logical networks</Info>',
    ...networks.map(
      (network) =>
        `    <Network ovf:name="${escapeXml(network)}">\n` +
        `      <Description>The ${escapeXml(network)} network</Description>\n` +
        '    </Network>',
    ),
    '  </NetworkSection>',
    `  <VirtualSystem ovf:id="${escapeXml(systemId)}">`,
    '    <Info>A virtual machine</Info>',
    `    <Name>${escapeXml(vm.name)}</Name>`,
    // CIM OS type 102 is "Other 64-Bit", 1 is "Other": vmw:osType is what consumers read.
    `    <OperatingSystemSection ovf:id="${(vm.osType ?? 'other').includes('64') ? 102 : 1}"` +
      ` vmw:osType="${escapeXml(vm.osType ?? 'otherGuest')}">`,
    '      <Info>The kind of installed guest operating system</Info>',
    '    </OperatingSystemSection>',
    '    <VirtualHardwareSection>',
    '      <Info>Virtual hardware requirements</Info>',
    '      <System>',
    '        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>',
    '        <vssd:InstanceID>0</vssd:InstanceID>',
    `        <vssd:VirtualSystemIdentifier>${escapeXml(vm.name)}</vssd:VirtualSystemIdentifier>`,
    '        <vssd:VirtualSystemType>vmx-19</vssd:VirtualSystemType>',
    '      </System>',
    ...items,
    config('firmware', vm.firmware ?? 'bios'),
    ...(vm.secureBoot ? [config('bootOptions.efiSecureBootEnabled', 'true')] : []),
    '    </VirtualHardwareSection>',
    '  </VirtualSystem>',
    '</Envelope>',
    '',
  ].join('\n');
};

const sha256File = async (file: string) => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

const manifestLine = (name: string, sha256: string) => `SHA256(${name})= ${sha256}\n`;

const checkPositiveInteger = (field: string, value: number | undefined) => {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new Error(`${field} must be a positive integer, got ${value}`);
  }
};

/** Writes the disks, the OVF and the manifest into `directory` and returns their paths, OVF first. */
const writePackage = async (vm: SampleVm, directory: string, baseName: string) => {
  checkPositiveInteger('cpus', vm.cpus);
  checkPositiveInteger('coresPerSocket', vm.coresPerSocket);
  checkPositiveInteger('memoryMiB', vm.memoryMiB);
  const disks: SampleDiskFile[] = [];
  for (const [index, disk] of (vm.disks ?? DEFAULT_DISKS).entries()) {
    const href = `${baseName}-disk${index + 1}.vmdk`;
    await createVmdk(path.join(directory, href), disk);
    disks.push({
      href,
      capacityMiB: disk.capacityMiB,
      size: (await stat(path.join(directory, href))).size,
    });
  }
  const ovf = path.join(directory, `${baseName}.ovf`);
  const manifest = path.join(directory, `${baseName}.mf`);
  const diskPaths = disks.map((disk) => path.join(directory, disk.href));
  const ovfText = sampleOvfXml(vm, disks);
  const lines = [
    manifestLine(path.basename(ovf), createHash('sha256').update(ovfText).digest('hex')),
  ];
  for (const disk of disks)
    lines.push(manifestLine(disk.href, await sha256File(path.join(directory, disk.href))));
  await writeFile(manifest, lines.join(''));
  // Written last and renamed into place, so a scanner never sees an OVF whose files are missing.
  const partialOvf = `${ovf}.${process.pid}.partial`;
  await writeFile(partialOvf, ovfText);
  await rename(partialOvf, ovf);
  return [ovf, manifest, ...diskPaths];
};

const baseNameOf = (fileName: string, extension: string) =>
  fileName.toLowerCase().endsWith(extension) ? fileName.slice(0, -extension.length) : fileName;

/** Writes `files` as a tar at `target`: a temporary file, fsynced, then renamed into place. */
const writeTar = async (target: string, files: string[]) => {
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`,
  );
  const handle = await open(partial, 'wx');
  try {
    const mtime = Math.floor(Date.now() / 1000);
    for (const file of files) {
      const { size } = await stat(file);
      await handle.write(ustarHeader(path.basename(file), size, mtime));
      let written = 0;
      for await (const chunk of createReadStream(file)) {
        await handle.write(chunk as Buffer);
        written += (chunk as Buffer).length;
      }
      if (written !== size) throw new Error(`${file} changed size while being archived`);
      await handle.write(tarPadding(size));
    }
    await handle.write(TAR_END);
    await handle.sync();
    await handle.close();
    await rename(partial, target);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
};

/** Writes one OVA into `directory` (created when missing) and returns its path. */
export const makeSampleOva = async ({
  directory,
  fileName,
  ...vm
}: SampleOvaOptions): Promise<string> => {
  const name = fileName ?? `${vm.name}.ova`;
  const target = path.join(directory, name);
  await mkdir(directory, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'sample-ova-'));
  try {
    await writeTar(target, await writePackage(vm, work, baseNameOf(name, '.ova')));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return target;
};

/** Writes an extracted OVF package (.ovf, .mf and .vmdk files) into `directory`; returns the .ovf path. */
export const makeSampleOvf = async ({
  directory,
  fileName,
  ...vm
}: SampleOvfOptions): Promise<string> => {
  await mkdir(directory, { recursive: true });
  const [ovf] = await writePackage(vm, directory, baseNameOf(fileName ?? `${vm.name}.ovf`, '.ovf'));
  return ovf!;
};
