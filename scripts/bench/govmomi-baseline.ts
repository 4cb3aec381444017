// The govmomi baseline (tools/govmomi-baseline): built like vcsim, from the Go module tools/ into
// the git-ignored .vcsim/, and run once per sample as its own process.
import { spawn } from 'node:child_process';
import { buildGoTool, type Vcsim } from '../vcsim.ts';
import type { PropertyRequest } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';

export type BaselineSync = { elapsedMs: number; objects: number; heapBytes: number };

let binary: string | undefined;

/** Builds the baseline (once per process; the build itself is skipped when up to date). */
export const buildGovmomiBaseline = async (): Promise<void> => {
  binary = await buildGoTool('govmomi-baseline');
};

/** One full sync by govmomi, from login to the first complete update set. */
export const runGovmomiBaseline = (
  vcsim: Vcsim,
  requests: PropertyRequest[],
): Promise<BaselineSync> =>
  new Promise((resolve, reject) => {
    if (!binary) throw new Error('buildGovmomiBaseline() must run first');
    const child = spawn(binary, ['-url', vcsim.sdkUrl, '-username', vcsim.username, '-insecure'], {
      env: { ...process.env, VSPHERE_PASSWORD: vcsim.password },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as BaselineSync);
      else reject(new Error(`govmomi-baseline exited with ${code}: ${stderr.trim()}`));
    });
    child.stdin.end(JSON.stringify(requests));
  });
