// vcsim, the vSphere API simulator from govmomi, for tests and benchmarks: built from Debian's
// packages (golang-go, golang-github-vmware-govmomi-dev) in GOPATH mode into .vcsim/, started on a
// free port with the model size asked for.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');

export type VcsimModel = Partial<
  Record<
    'datacenters' | 'clusters' | 'hosts' | 'standalone-hosts' | 'vms' | 'datastores' | 'portgroups',
    number
  >
>;

export type Vcsim = { sdkUrl: string; username: string; password: string; stop(): Promise<void> };

const builds = new Map<string, Promise<string>>();

/**
 * Builds a Go tool under tools/ into .vcsim/ unless the binary is newer than its main.go; about
 * 30 s the first time. Callers in one process share one build; test files run in parallel may
 * each build: each writes its own file and renames it into place, so neither ever starts a
 * half-written binary.
 */
export const buildGoTool = (tool: string): Promise<string> => {
  let build = builds.get(tool);
  if (!build) {
    build = buildOnce(tool);
    builds.set(tool, build);
    // A failed build is tried again by the next caller.
    build.catch(() => builds.delete(tool));
  }
  return build;
};

const buildOnce = async (tool: string): Promise<string> => {
  const sourceDir = path.join(root, 'tools', tool);
  const binary = path.join(root, '.vcsim', tool);
  const source = path.join(sourceDir, 'main.go');
  if (existsSync(binary) && statSync(binary).mtimeMs > statSync(source).mtimeMs) return binary;
  const partial = `${binary}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await promisify(execFile)('go', ['build', '-o', partial, '.'], {
    cwd: sourceDir,
    env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode' },
  }).catch((error: Error) => {
    throw new Error(
      `Could not build tools/${tool} (needs: apt-get install golang-go golang-github-vmware-govmomi-dev): ${error.message}`,
    );
  });
  await rename(partial, binary);
  return binary;
};

export const buildVcsim = (): Promise<string> => buildGoTool('vcsim');

export const startVcsim = async (
  model: VcsimModel = {},
  credentials = { username: 'administrator@vsphere.local', password: 'vcsim-password' },
  { tls = false, listen }: { tls?: boolean; listen?: string } = {},
): Promise<Vcsim> => {
  const vcsimBinary = await buildVcsim();
  const args = [
    ...(tls ? ['-tls'] : []),
    ...(listen ? [`-listen=${listen}`] : []),
    ...Object.entries(model).map(([flag, value]) => `-${flag}=${value}`),
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
