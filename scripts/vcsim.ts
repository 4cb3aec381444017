// vcsim, the vSphere API simulator from govmomi, for tests and benchmarks: built from the Go module
// under tools/ into .vcsim/, started on a free port with the model size asked for.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { goProgram } from '../apps/embedded-cluster/src/go-program.ts';

const root = path.resolve(import.meta.dirname, '..');

export type VcsimModel = Partial<
  Record<
    | 'datacenters'
    | 'clusters'
    | 'hosts'
    | 'standalone-hosts'
    | 'vms'
    | 'datastores'
    | 'portgroups'
    // The size of each VM's disk image (tools/vcsim -disk-mib).
    | 'disk-mib',
    number
  >
>;

export type Vcsim = { sdkUrl: string; username: string; password: string; stop(): Promise<void> };

/** A Go tool under tools/ (vcsim, the govmomi baseline), built into .vcsim/ on first use. */
export const buildGoTool = (tool: string): Promise<string> =>
  goProgram({
    moduleDir: path.join(root, 'tools'),
    mainPackage: `./${tool}`,
    binary: path.join(root, '.vcsim', tool),
    name: `tools/${tool}`,
  });

export const buildVcsim = (): Promise<string> => buildGoTool('vcsim');

export const startVcsim = async (
  model: VcsimModel = {},
  credentials = { username: 'administrator@vsphere.local', password: 'vcsim-password' },
  {
    tls = false,
    listen,
    diskImages = {},
  }: {
    tls?: boolean;
    listen?: string;
    /** VM name → a raw disk image that VM's first disk holds (e.g. the sample guest's). */
    diskImages?: Record<string, string>;
  } = {},
): Promise<Vcsim> => {
  const vcsimBinary = await buildVcsim();
  const args = [
    ...(tls ? ['-tls'] : []),
    ...(listen ? [`-listen=${listen}`] : []),
    ...Object.entries(model).map(([flag, value]) => `-${flag}=${value}`),
    ...Object.entries(diskImages).map(([vm, file]) => `-disk-image=${vm}=${file}`),
    `-username=${credentials.username}`,
    `-password=${credentials.password}`,
  ];
  const child: ChildProcess = spawn(vcsimBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const sdkUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.includes('/sdk'));
      if (line) {
        // vcsim prints the URL with the credentials in it; hand them over separately.
        const url = new URL(line.trim());
        url.username = '';
        url.password = '';
        resolve(url.toString());
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`vcsim exited with ${code}: ${output}`)));
  });
  return {
    sdkUrl,
    ...credentials,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
};
