// A remote image of a format to be probed into a volume: nbdkit's curl plugin serves the URL as an
// NBD export on a unix socket, and qemu-img converts from it (raw-image.ts copies a raw one).
// Credentials, headers and the CA go to files in a private scratch folder (never on a command
// line, where `ps` shows them), removed when the transfer ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RemoteImage } from './remote-image.ts';
import { TransferError, ToolMissingError, missingToolMessage } from './tools.ts';
import { convertInto, type TransferOptions, type TransferTarget } from './transfer.ts';

const curlArguments = async (image: RemoteImage, scratch: string): Promise<string[]> => {
  const url = new URL(image.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TransferError(`the URL scheme ${url.protocol} is not http or https`);
  }
  const args = ['curl', `url=${image.url}`, 'protocols=http,https'];
  const secretFile = async (name: string, content: string) => {
    const file = path.join(scratch, name);
    await writeFile(file, content, { mode: 0o600 });
    return file;
  };
  // A cookie (the vddk source's session) is read from a file by the plugin itself. Other headers
  // need `header-script`, for which nbdkit 1.32 leaves an empty /tmp/errorsXXXXXX behind on every
  // run, so it is used only when a DataVolume asks for extra headers.
  const entries = Object.entries(image.headers);
  const cookies = entries.filter(([name]) => name.toLowerCase() === 'cookie');
  if (cookies.length > 0) {
    const cookie = cookies.map(([, value]) => value).join('; ');
    args.push(`cookie=+${await secretFile('cookie', cookie)}`);
  }
  const headerLines = entries
    .filter(([name]) => name.toLowerCase() !== 'cookie')
    .map(([name, value]) => `${name}: ${value}`);
  if (headerLines.length > 0) {
    const file = await secretFile('headers', `${headerLines.join('\n')}\n`);
    args.push(`header-script=cat '${file}'`);
  }
  if (image.basicAuth) {
    args.push(`user=${image.basicAuth.user}`);
    args.push(`password=+${await secretFile('password', image.basicAuth.password)}`);
  }
  if (image.ca) args.push(`cainfo=${await secretFile('ca.pem', image.ca)}`);
  if (image.insecureSkipVerify) args.push('sslverify=false');
  return args;
};

/** The last error nbdkit printed, without its prefix: the cause (404, TLS, 401) in its words. */
const nbdkitCause = (stderr: string): string | undefined =>
  stderr
    .split('\n')
    .filter((line) => /error:/.test(line))
    .at(-1)
    ?.replace(/^nbdkit: [^:]*: error: /, '');

const waitUntilServing = async (child: ChildProcess, pidFile: string, stderr: () => string) => {
  const exited = once(child, 'exit');
  for (;;) {
    if (
      await access(pidFile).then(
        () => true,
        () => false,
      )
    )
      return;
    const done = await Promise.race([exited, new Promise((r) => setTimeout(r, 50, false))]);
    if (done !== false) throw new TransferError(nbdkitCause(stderr()) ?? stderr().trim());
  }
};

export const importRemoteImage = async (
  image: RemoteImage,
  target: TransferTarget,
  scratch: string,
  options: TransferOptions,
): Promise<void> => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true, mode: 0o700 });
  const socket = path.join(scratch, 'nbd.sock');
  const pidFile = path.join(scratch, 'nbdkit.pid');
  let stderr = '';
  let child: ChildProcess | undefined;
  try {
    const args = await curlArguments(image, scratch);
    // --exit-with-parent: a kill -9 of the app takes nbdkit with it, and so the qemu-img reading it.
    child = spawn(
      'nbdkit',
      ['--exit-with-parent', '-f', '-r', '-U', socket, '-P', pidFile, ...args],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    const spawned = new Promise<void>((resolve, reject) => {
      child!.on('spawn', resolve);
      child!.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT' ? new ToolMissingError(missingToolMessage('nbdkit')) : error,
        ),
      );
    });
    await spawned;
    await waitUntilServing(child, pidFile, () => stderr);
    try {
      await convertInto(`nbd+unix:///?socket=${socket}`, target, options);
    } catch (error) {
      // qemu-img only sees a failed read; nbdkit knows why (a truncated image, a dropped server).
      const cause = nbdkitCause(stderr);
      if (error instanceof TransferError && cause) throw new TransferError(cause);
      throw error;
    }
  } finally {
    if (child && child.exitCode === null) {
      child.kill();
      await once(child, 'exit');
    }
    await rm(scratch, { recursive: true, force: true });
  }
};
