// Go programs of this repository, built from source on first use with the Go the machine has: the
// CDI importer's raw reader here, vcsim and the govmomi baseline for tests and benchmarks.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export type GoProgram = {
  /** The folder holding the module's go.mod (and go.sum, when it has modules to download). */
  moduleDir: string;
  /** The main package, relative to the module: `.` or `./vcsim`. */
  mainPackage: string;
  /** Where the binary goes. */
  binary: string;
  /** Named in a build error: "tools/vcsim". */
  name: string;
};

const builds = new Map<string, Promise<string>>();

// Go's own install location comes after PATH, so a shell or service without /usr/local/go/bin
// on its PATH still finds it (spawn looks commands up in the PATH of the env it is given).
const goPath = [process.env.PATH, '/usr/local/go/bin'].filter(Boolean).join(path.delimiter);

/** The Go version go.mod asks for, so the build error names it. */
const requiredGoVersion = (moduleDir: string): string =>
  /^go (\S+)$/m.exec(readFileSync(path.join(moduleDir, 'go.mod'), 'utf8'))?.[1] ??
  `(see ${path.join(moduleDir, 'go.mod')})`;

const buildOnce = async ({ moduleDir, mainPackage, binary, name }: GoProgram) => {
  const packageDir = path.join(moduleDir, mainPackage);
  const sources = [
    ...readdirSync(packageDir)
      .filter((file) => file.endsWith('.go'))
      .map((file) => path.join(packageDir, file)),
    ...['go.mod', 'go.sum'].map((file) => path.join(moduleDir, file)).filter(existsSync),
  ];
  const builtAt = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (sources.every((source) => statSync(source).mtimeMs < builtAt)) return binary;
  await mkdir(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  // Without VCS stamping: stamping runs git, which fails in a checkout owned by another user.
  await promisify(execFile)('go', ['build', '-buildvcs=false', '-o', partial, mainPackage], {
    cwd: moduleDir,
    env: { ...process.env, PATH: goPath },
  }).catch((error: Error) => {
    throw new Error(
      `Could not build ${name} (needs Go ${requiredGoVersion(moduleDir)} or newer, on PATH or at /usr/local/go, and the Go module proxy for the modules it has not downloaded yet): ${error.message}`,
    );
  });
  await rename(partial, binary);
  return binary;
};

/**
 * The program's binary, built unless it is newer than the package's Go files and the module's
 * go.mod and go.sum: a minute or two the first time, plus the module downloads on a fresh machine.
 * Callers in one process share one build; processes that build at once each write their own file
 * and rename it into place, so none ever starts a half-written binary.
 */
export const goProgram = (program: GoProgram): Promise<string> => {
  let build = builds.get(program.binary);
  if (!build) {
    build = buildOnce(program);
    builds.set(program.binary, build);
    // A failed build is tried again by the next caller.
    build.catch(() => builds.delete(program.binary));
  }
  return build;
};
