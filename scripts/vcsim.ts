// vcsim, the vSphere API simulator from govmomi, for tests and benchmarks: built from the Go module
// under tools/ into .vcsim/, started on a free port with the model size asked for.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';

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

const builds = new Map<string, Promise<string>>();

/**
 * Builds a Go tool under tools/ into .vcsim/ unless the binary is newer than its Go files and the
 * module's go.mod and go.sum; a minute or two the first time, plus the module downloads on a fresh
 * machine. Callers in one process share one build; test files run in parallel may each build: each
 * writes its own file and renames it into place, so neither ever starts a half-written binary.
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

const goModuleDir = path.join(root, 'tools');
const goModuleFiles = ['go.mod', 'go.sum'].map((file) => path.join(goModuleDir, file));
// Go's own install location comes after PATH, so a shell or service without /usr/local/go/bin
// on its PATH still finds it (spawn looks commands up in the PATH of the env it is given).
const goPath = [process.env.PATH, '/usr/local/go/bin'].filter(Boolean).join(path.delimiter);

const buildOnce = async (tool: string): Promise<string> => {
  const binary = path.join(root, '.vcsim', tool);
  const toolDir = path.join(goModuleDir, tool);
  const goFiles = readdirSync(toolDir).filter((file) => file.endsWith('.go'));
  const sources = [...goFiles.map((file) => path.join(toolDir, file)), ...goModuleFiles];
  const builtAt = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (sources.every((source) => statSync(source).mtimeMs < builtAt)) return binary;
  const partial = `${binary}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  // Without VCS stamping: the binary is a test fixture, and stamping runs git, which fails in a
  // checkout owned by another user.
  await promisify(execFile)('go', ['build', '-buildvcs=false', '-o', partial, `./${tool}`], {
    cwd: goModuleDir,
    env: { ...process.env, PATH: goPath },
  }).catch((error: Error) => {
    throw new Error(
      `Could not build tools/${tool} (needs Go ${requiredGoVersion()} or newer, on PATH or at /usr/local/go, and the Go module proxy for the modules it has not downloaded yet): ${error.message}`,
    );
  });
  await rename(partial, binary);
  return binary;
};

/** The Go version tools/go.mod asks for, so the build error names it. */
const requiredGoVersion = (): string =>
  /^go (\S+)$/m.exec(readFileSync(goModuleFiles[0]!, 'utf8'))?.[1] ?? '(see tools/go.mod)';

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
