// What the pod runner runs for a container: a command on this machine, or the reason it cannot,
// with the exit code the container ends with (127 for a tool that is not installed, as a shell says).
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export type LocalCommand = {
  command: string;
  args: string[];
  /** Added to the container's own environment. */
  env?: Record<string, string>;
  cwd?: string;
};

/** A container that ends before it starts: the message goes to its log and its status. */
export class ContainerCannotRun extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

export const TOOL_MISSING_EXIT_CODE = 127;

/** The tool's path on PATH, as a shell finds it, or undefined. */
export const findTool = (name: string, searchPath = process.env.PATH ?? ''): string | undefined => {
  for (const folder of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
};

export const requireTool = (name: string, debianPackages: string): string => {
  const found = findTool(name);
  if (!found) {
    throw new ContainerCannotRun(
      `${name} is not installed: apt-get install ${debianPackages}`,
      TOOL_MISSING_EXIT_CODE,
    );
  }
  return found;
};
