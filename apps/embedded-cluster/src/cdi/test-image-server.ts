// For the importer's tests: disk images served over HTTP(S) as a web server serves files, with
// byte ranges (nbdkit's curl plugin reads by range), and the failures a real server shows: 404, a
// password, a slow line, a line that stalls, a file cut short.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { once } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export type ServedImage = {
  file: string;
  /** Basic auth the request must carry. */
  auth?: { user: string; password: string };
  /** A header the request must carry ("Name: value"). */
  header?: string;
  /** Milliseconds of delay per 64 KiB sent: a slow line. */
  delayPer64KiB?: number;
  /** Bytes of the file to serve, claiming they are all of it: a file cut short. */
  truncateTo?: number;
  /** Bytes of the file after which the connection is dropped, whatever was promised: a body cut short. */
  dropAfter?: number;
  /**
   * Bytes sent of this image, over all requests, after which nothing more is sent until
   * `release()`: a copy that is under way and cannot finish, however slowly the test looks.
   */
  holdAfter?: number;
};

export type ImageServer = {
  url(path: string): string;
  /** Whether a reply is waiting at an image's `holdAfter`. */
  holding(): boolean;
  /** Lets every held image be sent on. */
  release(): void;
  close(): Promise<void>;
};

/** What a range waits for before each chunk it sends. */
type Pace = {
  delayPer64KiB: number;
  dropAfter: number;
  beforeChunk: (bytes: number) => Promise<void>;
};

/** Sends the requested range of the file's first `size` bytes, read a chunk at a time. */
const sendRange = async (
  request: IncomingMessage,
  response: ServerResponse,
  file: FileHandle,
  size: number,
  { delayPer64KiB, dropAfter, beforeChunk }: Pace,
) => {
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  response.writeHead(range ? 206 : 200, {
    'accept-ranges': 'bytes',
    'content-length': end + 1 - start,
    'content-type': 'application/octet-stream',
    ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (request.method === 'HEAD') return response.end();
  // The headers go out whatever follows, so that a dropped body is one cut short, not no reply.
  if (start >= dropAfter) response.flushHeaders();
  const chunkBytes = delayPer64KiB > 0 ? 65536 : 1024 * 1024;
  for (let offset = start; offset <= end; offset += chunkBytes) {
    if (delayPer64KiB > 0) await new Promise((resolve) => setTimeout(resolve, delayPer64KiB));
    if (response.destroyed) return;
    if (offset >= dropAfter) return response.destroy();
    const length = Math.min(chunkBytes, end + 1 - offset);
    await beforeChunk(length);
    if (response.destroyed) return;
    const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, offset);
    if (!response.write(buffer.subarray(0, bytesRead))) await once(response, 'drain');
  }
  response.end();
};

export const startImageServer = async (
  images: Record<string, ServedImage>,
  tls?: { key: string; cert: string },
): Promise<ImageServer> => {
  const sent = new Map<ServedImage, number>();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const holding = (image: ServedImage) => async (bytes: number) => {
    if ((sent.get(image) ?? 0) >= (image.holdAfter ?? Infinity)) {
      held += 1;
      await released;
      held -= 1;
    }
    sent.set(image, (sent.get(image) ?? 0) + bytes);
  };
  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    const image = images[new URL(request.url ?? '/', 'http://x').pathname];
    if (!image) return response.writeHead(404).end('not found');
    if (image.auth) {
      const expected = Buffer.from(`${image.auth.user}:${image.auth.password}`).toString('base64');
      if (request.headers.authorization !== `Basic ${expected}`) {
        return response.writeHead(401, { 'www-authenticate': 'Basic' }).end();
      }
    }
    if (image.header) {
      const [name = '', value = ''] = image.header.split(/:\s*/);
      if (request.headers[name.toLowerCase()] !== value) return response.writeHead(403).end();
    }
    const file = await open(image.file, 'r');
    try {
      const { size } = await file.stat();
      const served = Math.min(size, image.truncateTo ?? size);
      await sendRange(request, response, file, served, {
        delayPer64KiB: image.delayPer64KiB ?? 0,
        dropAfter: image.dropAfter ?? Infinity,
        beforeChunk: holding(image),
      });
    } finally {
      await file.close();
    }
  };
  // A long copy keeps connections busy for minutes: no request or header deadline cuts it off.
  const options = { requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 60_000 };
  const server = tls
    ? createHttpsServer({ ...tls, ...options }, (q, s) => void handler(q, s))
    : createHttpServer(options, (q, s) => void handler(q, s));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: (path) => `${base}${path}`,
    holding: () => held > 0,
    release: () => release(),
    close: () =>
      new Promise((resolve) => {
        // A held reply ends with its connection and closes its file.
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
