// Uploading an .ova from the browser into an OVA provider's share. Forklift's own endpoint buffers
// whole files with no size limit and validates after the fact; here the body streams to a hidden
// temporary file while a tar reader checks it on the way, and only a complete, valid OVA is
// published, by a hard link that cannot overwrite: a file appears whole or not at all, and of two
// uploads with one name exactly one wins.
import { randomBytes } from 'node:crypto';
import { link, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import multipart, { type Multipart } from '@fastify/multipart';
import type { KubeConfig } from '@kubernetes/client-node';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { sendError, sendKubeError } from '../http/errors.ts';
import { errorSchema, objectParamsSchema } from '../http/schemas.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import { mayDo } from '../kube/access-review.ts';
import { findForkliftController } from '../overview/access.ts';
import {
  createTarInspector,
  memberPath,
  rootOvfEntry,
  TarError,
  type CapturedTarEntry,
} from '../inventory/ova/tar.ts';
import { OvfError, parseOvf } from '../inventory/ova/ovf.ts';
import { localShareDir, ShareUrlError } from '../inventory/ova/share.ts';
import type { InventoryRegistry } from '../inventory/registry.ts';

export type OvaUploadOptions = {
  connection: KubeConnection;
  /** The running inventories, told of a published file so that it lists at once. */
  inventories: InventoryRegistry;
  ovaShareRoot: string;
  /** Largest accepted file, in bytes. */
  maxUploadBytes?: number;
};

const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 ** 3;
// A descriptor is a few kilobytes; this bounds what one upload may hold in memory.
const MAX_OVF_BYTES = 16 * 1024 * 1024;
const MAX_FILE_NAME_BYTES = 255;

/** Why an uploaded file name cannot be used, or undefined when it can. */
export const fileNameProblem = (name: string): string | undefined => {
  if (name === '') return 'file must have a file name';
  if (/[/\\\0]/.test(name)) return 'file name must not contain path separators';
  if (name.startsWith('.')) return 'file name must not start with a dot';
  if (!name.toLowerCase().endsWith('.ova')) return 'file name must end with .ova';
  if (Buffer.byteLength(name) > MAX_FILE_NAME_BYTES) {
    return `file name must be at most ${MAX_FILE_NAME_BYTES} bytes`;
  }
  return undefined;
};

/** A failure that ends an upload with this answer. */
class UploadError extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

const sendUploadError = (reply: FastifyReply, { statusCode, message }: UploadError) =>
  // 413 is answered only here, so errors.ts does not know its name.
  statusCode === 413
    ? reply.code(413).send({ statusCode, error: 'Payload Too Large', message })
    : sendError(reply, statusCode, message);

const isRootOvf = (entry: CapturedTarEntry) =>
  entry.type === 'file' &&
  !memberPath(entry).includes('/') &&
  memberPath(entry).toLowerCase().endsWith('.ovf');

const exists = async (file: string) => {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
};

const syncDirectory = async (directory: string) => {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * What reading the multipart body failed on, as an answer. Everything the parser throws is about
 * the body the client sent: @fastify/multipart's own failures by code, busboy's (a missing
 * boundary, a part cut short) as plain errors naming the fault.
 */
const multipartError = (error: unknown, maxBytes: number): UploadError => {
  if (error instanceof UploadError) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new UploadError(413, `file is larger than the ${maxBytes} bytes allowed`);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new UploadError(400, 'body must hold exactly one part, the file');
    case 'FST_MP_PREMATURE_CLOSE':
      return new UploadError(400, 'The upload was interrupted before the file was complete');
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new UploadError(400, `body is not well-formed multipart/form-data: ${reason}`);
    }
  }
};

/** Iterates what the multipart parser yields, turning its failures into the body's 400 or 413. */
async function* fromMultipart<T>(source: AsyncIterable<T>, maxBytes: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        ended = true;
        throw multipartError(error, maxBytes);
      }
      if (next.done) {
        ended = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A consumer that stops early (a refused file) stops the parser's stream, as for await would.
    if (!ended) await iterator.return?.();
  }
}

// RFC 2046 boundaries have 1 to 70 characters. Busboy takes one as it finds it, and an empty or
// overlong one fails deep inside the parser with a message about its search buffer instead.
const MAX_BOUNDARY_LENGTH = 70;

/** Why the content-type cannot carry a multipart body, or undefined when it can. */
const contentTypeProblem = (contentType: string | undefined): string | undefined => {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
    return 'body must be multipart/form-data';
  }
  const boundary = /;\s*boundary=(?:"([^"]*)"|([^\s;]*))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2] ?? '';
  if (value === '') return 'content-type multipart/form-data must have a boundary parameter';
  if (value.length > MAX_BOUNDARY_LENGTH) {
    return `content-type boundary must be at most ${MAX_BOUNDARY_LENGTH} characters`;
  }
  return undefined;
};

// Socket reads are 64 KiB at most; writing them in batches makes far fewer system calls and far
// fewer change events for the share's watcher, and the next batch is read while one is written.
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Streams one file part into `partial` while a tar reader inspects it; throws UploadError when it
 * is too large or not a tar archive. Returns its size and the archive's entries, the root .ovf
 * descriptor captured.
 */
const streamAndInspect = async (
  file: AsyncIterable<Buffer> & { truncated?: boolean },
  partial: string,
  maxBytes: number,
): Promise<{ size: number; entries: CapturedTarEntry[] }> => {
  const inspector = createTarInspector({ capture: isRootOvf, maxCaptureBytes: MAX_OVF_BYTES });
  const handle = await open(partial, 'wx', 0o640);
  // libuv stops at a short write and reports the bytes written; writing the rest again either
  // finishes or fails with the reason (a full disk, say).
  const writeAll = async (buffers: Buffer[]) => {
    let rest = buffers;
    while (rest.length > 0) {
      let { bytesWritten } = await handle.writev(rest);
      if (bytesWritten === 0) throw new Error(`No bytes could be written to ${partial}`);
      while (rest.length > 0 && bytesWritten >= rest[0]!.length) {
        bytesWritten -= rest[0]!.length;
        rest = rest.slice(1);
      }
      if (bytesWritten > 0) rest = [rest[0]!.subarray(bytesWritten), ...rest.slice(1)];
    }
  };
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    writing = writeAll(batch);
    // Awaited before the next write and before the close; until then it must not count as an
    // unhandled rejection.
    writing.catch(() => {});
    batch = [];
    batchBytes = 0;
  };
  let size = 0;
  try {
    for await (const chunk of fromMultipart(file, maxBytes)) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new UploadError(413, `file is larger than the ${maxBytes} bytes allowed`);
      }
      inspector.push(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    }
    // The parser's own limit, should it ever cut the file before the count above sees the excess.
    if (file.truncated) {
      throw new UploadError(413, `file is larger than the ${maxBytes} bytes allowed`);
    }
    const entries = inspector.end();
    await flush();
    await writing;
    await handle.sync();
    return { size, entries };
  } catch (error) {
    if (error instanceof TarError) {
      throw new UploadError(400, `file is not an OVA: ${error.message}`);
    }
    throw error;
  } finally {
    // A write still under way must end before its file handle closes.
    await writing.catch(() => {});
    await handle.close();
  }
};

/** Throws UploadError unless the archive holds exactly one root .ovf descriptor that parses. */
const validateOva = (entries: CapturedTarEntry[]) => {
  try {
    const ovf = rootOvfEntry(entries) as CapturedTarEntry;
    parseOvf(ovf.content!.toString('utf8'));
  } catch (error) {
    if (error instanceof TarError) {
      throw new UploadError(400, `file is not an OVA: ${error.message}`);
    }
    if (error instanceof OvfError) {
      throw new UploadError(
        422,
        `file has an OVF descriptor that does not parse: ${error.message}`,
      );
    }
    throw error;
  }
};

/** Where an upload may go: the provider's share, and the provider whose inventory to tell. */
type UploadTarget = { shareDir: string; providerUid: string };

/**
 * Reads the provider and checks that the caller may upload into its share; throws UploadError for
 * a refusal, and the Kubernetes client's or ShareUrlError's failures as they are.
 */
const authorizeUpload = async (
  connection: KubeConnection,
  userConfig: KubeConfig,
  { namespace, name }: { namespace: string; name: string },
  ovaShareRoot: string,
): Promise<UploadTarget> => {
  const provider = await objectsOf<Provider>(userConfig, ProviderModel).get({ namespace, name });
  if (provider.spec?.type !== 'ova') {
    throw new UploadError(409, `Provider ${namespace}/${name} is not an OVA provider`);
  }
  const allowed = await mayDo(userConfig, {
    verb: 'update',
    group: ProviderModel.group,
    resource: ProviderModel.plural,
    namespace,
    name,
  });
  if (!allowed) {
    throw new UploadError(
      403,
      `Uploading OVA files needs permission to update provider ${namespace}/${name}, which you do not have`,
    );
  }
  const controller = await findForkliftController(connection.kubeConfig);
  if (controller?.spec?.feature_ova_appliance_management !== 'true') {
    throw new UploadError(
      403,
      'OVA appliance management is turned off: the ForkliftController needs feature_ova_appliance_management "true"',
    );
  }
  if (provider.spec.settings?.applianceManagement !== 'true') {
    throw new UploadError(
      409,
      `Provider ${namespace}/${name} does not accept uploads: its settings.applianceManagement is not "true"`,
    );
  }
  return {
    shareDir: localShareDir(provider.spec.url ?? '', ovaShareRoot),
    providerUid: provider.metadata?.uid ?? '',
  };
};

/** A complete, valid OVA in its hidden temporary file, waiting to be published. */
type ReceivedOva = { name: string; size: number; partial: string };

/**
 * Reads the one file part of the body into a hidden temporary file in the share and checks it is
 * an OVA; on any failure the temporary file is gone before the error leaves.
 */
const receiveOva = async (
  parts: AsyncIterable<Multipart>,
  shareDir: string,
  maxBytes: number,
): Promise<ReceivedOva> => {
  let received: ReceivedOva | undefined;
  try {
    for await (const part of fromMultipart(parts, maxBytes)) {
      if (part.type !== 'file' || part.fieldname !== 'file' || received) {
        throw new UploadError(400, 'body must hold exactly one part, a file named "file"');
      }
      const fileName = part.filename;
      const problem = fileNameProblem(fileName);
      if (problem) throw new UploadError(400, problem);
      // Answers early for the common case; the link in publishOva is what guarantees it.
      if (await exists(path.join(shareDir, fileName))) {
        throw new UploadError(409, `A file named ${fileName} already exists`);
      }
      const partial = path.join(shareDir, `.${fileName}.${randomBytes(6).toString('hex')}.partial`);
      received = { name: fileName, size: 0, partial };
      const { size, entries } = await streamAndInspect(part.file, partial, maxBytes);
      validateOva(entries);
      received.size = size;
    }
  } catch (error) {
    if (received) await rm(received.partial, { force: true });
    throw error;
  }
  if (!received) throw new UploadError(400, 'body must hold a file part named "file"');
  return received;
};

/**
 * Publishes the received file under its name by a hard link, which cannot overwrite: of two
 * uploads with one name exactly one wins. The temporary file is gone either way.
 */
const publishOva = async ({ name, partial }: ReceivedOva, shareDir: string): Promise<string> => {
  const target = path.join(shareDir, name);
  try {
    await link(partial, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UploadError(409, `A file named ${name} already exists`);
    }
    throw error;
  } finally {
    await rm(partial, { force: true });
  }
  await syncDirectory(shareDir);
  return target;
};

/**
 * `POST /api/v1/namespaces/:namespace/providers/:name/ova-files`: a multipart body with one file
 * part. Answers 201 `{ name, size }` once the file is in the provider's share.
 */
export const ovaUploadRoutes: FastifyPluginAsync<OvaUploadOptions> = async (
  app,
  { connection, inventories, ovaShareRoot, maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES },
) => {
  await app.register(multipart, {
    // One byte over the cap, so that streamAndInspect sees the excess rather than a silently cut
    // file.
    limits: { files: 1, fields: 0, parts: 1, fileSize: maxUploadBytes + 1 },
    throwFileSizeLimit: true,
  });

  // The page checks a file against the cap before sending it: once a server refuses a body midway,
  // a client on a real network may see the connection reset rather than the 413 that says why.
  app.get(
    '/api/v1/ova-files/limits',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { maxFileBytes: { type: 'integer' } },
            required: ['maxFileBytes'],
          },
        },
      },
    },
    async () => ({ maxFileBytes: maxUploadBytes }),
  );

  app.post<{ Params: { namespace: string; name: string } }>(
    '/api/v1/namespaces/:namespace/providers/:name/ova-files',
    {
      schema: {
        params: objectParamsSchema,
        response: {
          201: {
            type: 'object',
            properties: { name: { type: 'string' }, size: { type: 'integer' } },
            required: ['name', 'size'],
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
          413: errorSchema,
          422: errorSchema,
          500: errorSchema,
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { namespace, name } = request.params;
      // Checked before anything is read or asked of the API server: without a usable boundary the
      // parser cannot even find the file part.
      const unusable = contentTypeProblem(request.headers['content-type']);
      if (unusable) return sendError(reply, 400, unusable);
      let target: UploadTarget;
      try {
        const userConfig = kubeConfigForRequest(connection, request.caller);
        target = await authorizeUpload(connection, userConfig, request.params, ovaShareRoot);
      } catch (error) {
        if (error instanceof UploadError) return sendUploadError(reply, error);
        if (error instanceof ShareUrlError) return sendError(reply, 409, error.message);
        return sendKubeError(reply, error);
      }
      const { shareDir, providerUid } = target;
      try {
        const received = await receiveOva(request.parts(), shareDir, maxUploadBytes);
        const published = await publishOva(received, shareDir);
        request.log.info({ namespace, provider: name, file: received.name }, 'OVA uploaded');
        // The file is already published; should the inventory not hear of it, its rescan finds it.
        await inventories
          .get(providerUid)
          ?.fileAdded?.(published)
          .catch((error: Error) =>
            request.log.warn({ file: received.name, error: error.message }, 'inventory not told'),
          );
        return await reply.code(201).send({ name: received.name, size: received.size });
      } catch (error) {
        if (error instanceof UploadError) return sendUploadError(reply, error);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return sendError(reply, 409, `The share of provider ${namespace}/${name} does not exist`);
        }
        throw error;
      }
    },
  );
};
