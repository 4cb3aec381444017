// Running the Debian tools the importer relies on: a missing one is named with its package, and
// a child never outlives the transfer that started it.
import { spawn } from 'node:child_process';

/** A failure whose message is the cause a user should read in the DataVolume. */
export class TransferError extends Error {}

const PACKAGES: Record<string, string> = { 'qemu-img': 'qemu-utils', nbdkit: 'nbdkit' };

export const missingToolMessage = (tool: string): string =>
  `${tool} is not installed on this machine: install the Debian package ${PACKAGES[tool] ?? tool}`;

export class ToolMissingError extends TransferError {}

export type ToolRun = { stdout: string; stderr: string };

/** A tool that exited with a failure; `stderr` is the end of what it said. */
export class ToolFailedError extends TransferError {
  readonly stderr: string;
  constructor(tool: string, code: number | string, stderr: string) {
    super(`${tool} failed (${code}): ${stderr.trim()}`);
    this.stderr = stderr;
  }
}

/**
 * Runs `tool`, resolving with its output when it exits 0; stdout chunks go to `onOutput`. An
 * `input` is written to its stdin, which then stays open until it exits: a tool that reads it to
 * the end learns so that the app is gone.
 */
export const runTool = (
  tool: string,
  args: string[],
  {
    signal,
    onOutput,
    input,
  }: { signal?: AbortSignal; onOutput?: (chunk: string) => void; input?: string } = {},
): Promise<ToolRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      signal,
    });
    if (input !== undefined) {
      // A tool that exits at once leaves the write to fail; its exit says why.
      child.stdin!.on('error', () => undefined);
      child.stdin!.write(input);
    }
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (onOutput) onOutput(chunk);
      else stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new ToolMissingError(missingToolMessage(tool)));
      else if (error.name === 'AbortError') reject(new TransferError('the transfer was stopped'));
      else reject(error);
    });
    child.on('close', (code, killedBy) => {
      if (code === 0) resolve({ stdout, stderr });
      else if (!signal?.aborted) reject(new ToolFailedError(tool, code ?? killedBy!, stderr));
    });
  });
