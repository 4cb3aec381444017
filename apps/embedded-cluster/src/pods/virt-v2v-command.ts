// Forklift's conversion image, run with Debian's virt-v2v: the pod's environment decides the command
// as the image's entrypoint decides it (V2V_source vSphere → `-i libvirt -ic V2V_libvirtURL` with the
// password file the pod mounts at /etc/secret/secretKey; ova → `-i ova V2V_diskPath`; V2V_inPlace →
// virt-v2v-in-place on the disks already copied, `-i libvirtxml` from /mnt/v2v/input.xml when the pod
// mounts one, else `-i disk`). The disks are the pod's PVCs at /dev/block<N> (Block) or
// /mnt/disks/disk<N>/disk.img (Filesystem); virt-v2v writes `-o kubevirt` into a folder of links
// `<vm>-sd<letter>` to them, so the converted bytes land in the claims' files. What the image does
// after virt-v2v (virt-v2v-inspector, virt-customize, the HTTP server on :8080) is not run here.
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hostPathOf, type ContainerView } from './container-config.ts';
import { ContainerCannotRun, requireTool, type LocalCommand } from './local-command.ts';

const V2V_PACKAGES = 'virt-v2v libnbd-bin';
const SECRET_KEY_PATH = '/etc/secret/secretKey';
const IN_PLACE_XML_PATH = '/mnt/v2v/input.xml';
const LUKS_FOLDER = '/etc/luks';

/** virt-v2v disk names: a, b, …, z, aa, ab, … */
export const diskLetters = (index: number): string =>
  (index >= 26 ? diskLetters(Math.floor(index / 26) - 1) : '') +
  String.fromCharCode(97 + (index % 26));

export type ConversionDisk = { index: number; containerPath: string; hostPath: string };

/** The pod's disks in Forklift's order: /dev/block<N> and /mnt/disks/disk<N>, by N. */
export const conversionDisks = (view: ContainerView): ConversionDisk[] =>
  view.mounts
    .flatMap(({ containerPath, hostPath }) => {
      const block = /^\/dev\/block(\d+)$/.exec(containerPath);
      if (block) return [{ index: Number(block[1]), containerPath, hostPath }];
      const folder = /^\/mnt\/disks\/disk(\d+)$/.exec(containerPath);
      if (folder) {
        return [
          {
            index: Number(folder[1]),
            containerPath: `${containerPath}/disk.img`,
            hostPath: path.join(hostPath, 'disk.img'),
          },
        ];
      }
      return [];
    })
    .sort((a, b) => a.index - b.index);

const required = (env: Record<string, string>, names: string[]) => {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ContainerCannotRun(
      `Following environment variables need to be defined: ${missing.join(', ')}`,
      1,
    );
  }
};

const hostFile = (view: ContainerView, containerPath: string, what: string): string => {
  const found = hostPathOf(view, containerPath);
  if (!found) throw new ContainerCannotRun(`the pod mounts no ${what} at ${containerPath}`, 1);
  return found;
};

const extraArgs = (env: Record<string, string>): string[] => {
  if (!env.V2V_extra_args) return [];
  try {
    const parsed: unknown = JSON.parse(env.V2V_extra_args);
    if (Array.isArray(parsed) && parsed.every((arg) => typeof arg === 'string')) return parsed;
  } catch {
    // reported below
  }
  throw new ContainerCannotRun(
    'Error parsing extra arguments: V2V_extra_args is not a JSON list',
    1,
  );
};

const luksKeys = async (view: ContainerView): Promise<string[]> => {
  const folder = hostPathOf(view, LUKS_FOLDER);
  if (!folder) return [];
  const files = (await readdir(folder, { withFileTypes: true })).filter(
    (entry) => entry.isFile() && !entry.name.startsWith('..'),
  );
  return files.flatMap((file) => ['--key', `all:file:${path.join(folder, file.name)}`]);
};

/** The libvirt XML with each disk path the container knows replaced by this machine's path. */
const localisedDomainXml = async (view: ContainerView, workDir: string): Promise<string> => {
  const xml = await readFile(hostFile(view, IN_PLACE_XML_PATH, 'libvirt XML'), 'utf8');
  const localised = xml.replace(
    /(\b(?:file|dev)=)(['"])([^'"]+)\2/g,
    (whole, attr, quote, value) => {
      const local = hostPathOf(view, value);
      return local ? `${attr}${quote}${local}${quote}` : whole;
    },
  );
  const target = path.join(workDir, 'input.xml');
  await writeFile(target, localised, { mode: 0o600 });
  return target;
};

const inPlaceCommand = async (
  env: Record<string, string>,
  view: ContainerView,
  workDir: string,
): Promise<LocalCommand> => {
  const command = requireTool('virt-v2v-in-place', V2V_PACKAGES);
  const args = ['-v', '-x', '--root', env.V2V_RootDisk || 'first'];
  if (hostPathOf(view, IN_PLACE_XML_PATH)) {
    return {
      command,
      args: [...args, '-i', 'libvirtxml', await localisedDomainXml(view, workDir)],
    };
  }
  const disks = conversionDisks(view);
  if (disks.length === 0) {
    throw new ContainerCannotRun(
      'no disks: the pod mounts no /dev/block<N> or /mnt/disks/disk<N>',
      1,
    );
  }
  return { command, args: [...args, '-i', 'disk', ...disks.map((disk) => disk.hostPath)] };
};

/** Links `<vm>-sd<letter>` in workDir to the disks, where `-o kubevirt -os workDir` writes. */
const linkOutputDisks = async (view: ContainerView, workDir: string, vmName: string) => {
  for (const [position, disk] of conversionDisks(view).entries()) {
    await symlink(disk.hostPath, path.join(workDir, `${vmName}-sd${diskLetters(position)}`));
  }
};

const remoteCommand = async (
  env: Record<string, string>,
  view: ContainerView,
  workDir: string,
): Promise<LocalCommand> => {
  const source = env.V2V_source ?? '';
  if (source !== 'vSphere' && source !== 'ova') {
    throw new ContainerCannotRun(
      `virt-v2v supports the following providers: {vSphere, ova}. Provided: ${source}`,
      1,
    );
  }
  required(
    env,
    source === 'vSphere'
      ? ['V2V_libvirtURL', 'V2V_secretKey', 'V2V_vmName']
      : ['V2V_diskPath', 'V2V_vmName'],
  );
  const command = requireTool('virt-v2v', V2V_PACKAGES);
  const outputName = env.V2V_NewName || env.V2V_vmName!;
  await linkOutputDisks(view, workDir, outputName);
  const args = ['-v', '-x', '-o', 'kubevirt', '-os', workDir];
  if (env.V2V_NewName) args.push('-on', env.V2V_NewName);
  if (source === 'ova') {
    return { command, args: [...args, '-i', 'ova', hostFile(view, env.V2V_diskPath!, 'OVA')] };
  }
  args.push('--root', env.V2V_RootDisk || 'first');
  args.push('-i', 'libvirt', '-ic', env.V2V_libvirtURL!);
  args.push('-ip', hostFile(view, SECRET_KEY_PATH, 'password file'));
  for (const macToIp of (env.V2V_staticIPs ?? '').split('_').filter(Boolean)) {
    args.push('--mac', macToIp);
  }
  args.push(...(await luksKeys(view)), ...extraArgs(env));
  return { command, args: [...args, '--', env.V2V_vmName!] };
};

/** The command for one run of the conversion container; workDir is emptied first. */
export const virtV2vCommand = async (
  env: Record<string, string>,
  view: ContainerView,
  workDir: string,
): Promise<LocalCommand> => {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const local =
    'V2V_inPlace' in env
      ? await inPlaceCommand(env, view, workDir)
      : await remoteCommand(env, view, workDir);
  return {
    ...local,
    cwd: workDir,
    // Nested KVM is broken on these machines: libguestfs's appliance runs under TCG.
    env: { LIBGUESTFS_BACKEND: 'direct', LIBGUESTFS_BACKEND_SETTINGS: 'force_tcg' },
  };
};
