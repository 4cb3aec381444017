// The sample guest's root file tree: Debian's minimal base from debootstrap with a kernel, GRUB for
// BIOS and initramfs-tools, set up to boot from a root file system found by UUID with its console
// on the first serial port, where systemd starts a getty, so a booted guest prints `login:` there.
// GRUB's config is written here, not by update-grub, which cannot probe a device outside a disk;
// /etc/default/grub says the same, for an update-grub run inside the guest later.
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from './run-tool.ts';

export const DEBIAN_SUITE = 'bookworm';
const MIRROR = 'http://deb.debian.org/debian';
const PACKAGES = ['linux-image-amd64', 'grub-pc', 'initramfs-tools', 'systemd-sysv'];
const HOSTNAME = 'sample-guest';
const KERNEL_CONSOLE = 'console=ttyS0,115200';

const fstab = (rootUuid: string) =>
  `# <file system> <mount point> <type> <options> <dump> <pass>\nUUID=${rootUuid} / ext4 errors=remount-ro 0 1\n`;

const defaultGrub = [
  'GRUB_DEFAULT=0',
  'GRUB_TIMEOUT=1',
  'GRUB_DISTRIBUTOR=Debian',
  'GRUB_CMDLINE_LINUX_DEFAULT=""',
  `GRUB_CMDLINE_LINUX="${KERNEL_CONSOLE}"`,
  'GRUB_TERMINAL=serial',
  'GRUB_SERIAL_COMMAND="serial --unit=0 --speed=115200"',
  '',
].join('\n');

/** The boot menu update-grub would write for one kernel on a root file system found by UUID. */
const grubConfig = (rootUuid: string, kernel: string, initrd: string) =>
  [
    'serial --unit=0 --speed=115200',
    'terminal_input serial',
    'terminal_output serial',
    'set timeout=1',
    'insmod part_msdos',
    'insmod ext2',
    `search --no-floppy --fs-uuid --set=root ${rootUuid}`,
    "menuentry 'Debian GNU/Linux' {",
    `  linux /boot/${kernel} root=UUID=${rootUuid} ro ${KERNEL_CONSOLE}`,
    `  initrd /boot/${initrd}`,
    '}',
    '',
  ].join('\n');

const onlyFile = async (folder: string, prefix: string) => {
  const found = (await readdir(folder)).filter((name) => name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${prefix}* in ${folder}, found ${found}`);
  return found[0]!;
};

const chroot = (logFile: string, tree: string, args: string[]) =>
  runTool(logFile, 'chroot', [tree, ...args], {
    env: { DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' },
  });

/** debootstrap's path (on PATH, or in the sbin folders a non-root PATH lacks); fails clearly. */
export const findDebootstrap = (): string => {
  const folders = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin'];
  const found = folders
    .filter(Boolean)
    .map((folder) => path.join(folder, 'debootstrap'))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (!found) {
    throw new Error(
      'debootstrap is not installed: the sample guest is built with it (apt-get install debootstrap)',
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error('the sample guest is built as root (debootstrap and chroot need it)');
  }
  return found;
};

/** Installs the packages into `tree` (created) with `.deb` files kept in `debCache`. */
export const bootstrapTree = async (
  debootstrap: string,
  tree: string,
  debCache: string,
  logFile: string,
) => {
  await mkdir(debCache, { recursive: true });
  await runTool(logFile, debootstrap, [
    '--variant=minbase',
    `--cache-dir=${debCache}`,
    `--include=${PACKAGES.join(',')}`,
    DEBIAN_SUITE,
    tree,
    MIRROR,
  ]);
};

/** Files the boot needs, a getty on ttyS0, root without a password, and no package lists. */
export const configureTree = async (tree: string, rootUuid: string, logFile: string) => {
  const boot = path.join(tree, 'boot');
  const kernel = await onlyFile(boot, 'vmlinuz-');
  const initrd = await onlyFile(boot, 'initrd.img-');
  await writeFile(path.join(tree, 'etc/hostname'), `${HOSTNAME}\n`);
  await writeFile(path.join(tree, 'etc/hosts'), `127.0.0.1 localhost\n127.0.1.1 ${HOSTNAME}\n`);
  await writeFile(path.join(tree, 'etc/fstab'), fstab(rootUuid));
  await writeFile(path.join(tree, 'etc/default/grub'), defaultGrub);
  await mkdir(path.join(boot, 'grub'), { recursive: true });
  await writeFile(path.join(boot, 'grub/grub.cfg'), grubConfig(rootUuid, kernel, initrd));
  // systemd starts a getty on the kernel's console by itself; enabled too, so it does not hang
  // on the kernel command line virt-v2v's regenerated GRUB config carries.
  const wants = path.join(tree, 'etc/systemd/system/getty.target.wants');
  await mkdir(wants, { recursive: true });
  await rm(path.join(wants, 'serial-getty@ttyS0.service'), { force: true });
  await symlink(
    '/lib/systemd/system/serial-getty@.service',
    path.join(wants, 'serial-getty@ttyS0.service'),
  );
  // A fixture on an emulated serial console, with no network service: an empty root password lets
  // whoever watches the console log in, and nothing else reaches it.
  await chroot(logFile, tree, ['passwd', '--delete', 'root']);
  await chroot(logFile, tree, ['apt-get', 'clean']);
  await rm(path.join(tree, 'var/lib/apt/lists'), { recursive: true, force: true });
  await mkdir(path.join(tree, 'var/lib/apt/lists/partial'), { recursive: true });
};

const UPDATE_INITRAMFS = 'usr/sbin/update-initramfs';

/**
 * The CI fixture's update-initramfs, which builds nothing. virt-v2v rebuilds the guest's initramfs
 * with it, which under emulation is most of a conversion (about 1,100 s of 20 minutes). The
 * initramfs the kernel package built already has the virtio drivers (initramfs-tools'
 * MODULES=most), but virt-v2v moves it aside first (`<initrd>.pre-v2v`) to have it rebuilt, so
 * the shim puts that copy back; without it the converted guest has no initramfs to boot.
 */
const UPDATE_INITRAMFS_SHIM = `#!/bin/sh
# The forklift-console sample guest's CI fixture (scripts/sample-guest): builds no initramfs, and
# restores one a caller moved aside to have it rebuilt (virt-v2v keeps it as <initrd>.pre-v2v).
for backup in /boot/initrd.img-*.pre-v2v; do
  [ -e "$backup" ] || continue
  initrd="\${backup%.pre-v2v}"
  [ -e "$initrd" ] || cp -p "$backup" "$initrd"
done
exit 0
`;

export const shimUpdateInitramfs = async (tree: string) => {
  const file = path.join(tree, UPDATE_INITRAMFS);
  await rm(file, { force: true });
  await writeFile(file, UPDATE_INITRAMFS_SHIM);
  await chmod(file, 0o755);
};
