// The raw disk: an MBR with one bootable Linux partition at 1 MiB, whose ext4 file system
// `mkfs.ext4 -d` fills from the guest's tree straight into the image file (`-E offset`), and
// GRUB's BIOS stages written where grub-install puts them: boot.img in the MBR's code area and
// core.img in the gap before the partition, which boot.img's and core.img's default block
// pointers (sector 1, then sector 2 on) already name. No loop device, no mount.
import { copyFile, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from './run-tool.ts';

const SECTOR = 512;
const PARTITION_START = 1 << 20;
const MIB = 1 << 20;
/** The MBR's boot code area; the disk signature and partition table follow it. */
const MBR_CODE_BYTES = 440;
const GRUB_PLATFORM = 'usr/lib/grub/i386-pc';

/** Room for the tree and what a conversion adds (virt-v2v wants free space on /), in whole MiB. */
export const fileSystemBytes = (treeBytes: number): number =>
  Math.ceil((treeBytes * 1.25 + 384 * MIB) / (64 * MIB)) * 64 * MIB;

/** core.img, made by the tree's own grub-mkimage: it finds /boot/grub on the first partition. */
const makeCoreImage = async (tree: string, logFile: string) => {
  await runTool(logFile, 'chroot', [
    tree,
    'grub-mkimage',
    '--format=i386-pc',
    '--output=/tmp/core.img',
    '--prefix=(hd0,msdos1)/boot/grub',
    'biosdisk',
    'part_msdos',
    'ext2',
  ]);
  const coreImage = await readFile(path.join(tree, 'tmp/core.img'));
  await rm(path.join(tree, 'tmp/core.img'));
  if (coreImage.length > PARTITION_START - SECTOR) {
    throw new Error(
      `GRUB's core.img (${coreImage.length} bytes) does not fit before the partition`,
    );
  }
  return coreImage;
};

/** GRUB's modules where core.img's prefix looks for them, as grub-install copies them. */
const copyGrubModules = async (tree: string) => {
  const from = path.join(tree, GRUB_PLATFORM);
  const to = path.join(tree, 'boot/grub/i386-pc');
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (/\.(mod|lst)$/.test(name)) await copyFile(path.join(from, name), path.join(to, name));
  }
};

/** Writes the disk image `file` from `tree`, its root file system labelled with `rootUuid`. */
export const writeDiskImage = async ({
  tree,
  treeBytes,
  rootUuid,
  file,
  logFile,
}: {
  tree: string;
  treeBytes: number;
  rootUuid: string;
  file: string;
  logFile: string;
}): Promise<number> => {
  await copyGrubModules(tree);
  const coreImage = await makeCoreImage(tree, logFile);
  const bootImage = await readFile(path.join(tree, GRUB_PLATFORM, 'boot.img'));
  const fsBytes = fileSystemBytes(treeBytes);
  const diskBytes = PARTITION_START + fsBytes;
  const image = await open(file, 'w');
  try {
    await image.truncate(diskBytes);
  } finally {
    await image.close();
  }
  await runTool(logFile, 'sfdisk', ['--quiet', file], {
    input: `label: dos\nstart=${PARTITION_START / SECTOR}, type=83, bootable\n`,
  });
  // GRUB 2.06 cannot read ext4's newer orphan_file and metadata_csum_seed features.
  await runTool(logFile, 'mkfs.ext4', [
    '-q',
    '-F',
    '-L',
    'root',
    '-U',
    rootUuid,
    '-O',
    '^orphan_file,^metadata_csum_seed',
    '-E',
    `offset=${PARTITION_START}`,
    '-d',
    tree,
    file,
    `${fsBytes / 1024}k`,
  ]);
  const disk = await open(file, 'r+');
  try {
    await disk.write(bootImage, 0, MBR_CODE_BYTES, 0);
    await disk.write(coreImage, 0, coreImage.length, SECTOR);
  } finally {
    await disk.close();
  }
  return diskBytes;
};
