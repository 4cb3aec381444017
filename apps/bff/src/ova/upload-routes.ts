// Uploading an .ova from the browser into an OVA provider's share. Forklift's own endpoint buffers
// whole files with no size limit and validates after the fact; here the body streams to a hidden
// temporary file while a tar reader checks it on the way, and only a complete, valid OVA is
// published, by a hard link that cannot overwrite: a file appears whole or not at all, and of two
// uploads with one name exactly one wins.
import { randomBytes } from 'node:crypto';
import { link, open, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { sendError, sendKubeError } from '../http/errors.ts';
import { dns1123Schema, errorSchema } from '../http/schemas.ts';
import type { KubeConnection } from '../kube/connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
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

/** Failures from @fastify/multipart, by code, as answers. */
const multipartError = (error: unknown, maxBytes: number): UploadError | undefined => {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new UploadError(413, `file is larger than the ${maxBytes} bytes allowed`);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new UploadError(400, 'body must hold exactly one part, the file');
    case 'FST_MP_PREMATURE_CLOSE':
      return new UploadError(400, 'The upload was interrupted before the file was complete');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new UploadError(400, 'body must be multipart/form-data');
    default:
      return undefined;
  }
};

// Socket reads are 64 KiB at most; writing them in batches makes far fewer system calls and far
// fewer change events for the share's watcher, and the next batch is read while one is written.
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Streams one file part into `partial` while checking it is an OVA; throws UploadError with the
 * reason it is not. Returns its size.
 */
const receiveOva = async (
  file: AsyncIterable<Buffer> & { truncated?: boolean },
  partial: string,
  maxBytes: number,
): Promise<number> => {
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
    for await (const chunk of file) {
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
    const ovf = rootOvfEntry(inspector.end()) as CapturedTarEntry;
    parseOvf(ovf.content!.toString('utf8'));
    await flush();
    await writing;
    await handle.sync();
  } catch (error) {
    if (error instanceof TarError)
      throw new UploadError(400, `file is not an OVA: ${error.message}`);
    if (error instanceof OvfError) {
      throw new UploadError(
        422,
        `file has an OVF descriptor that does not parse: ${error.message}`,
      );
    }
    throw error;
  } finally {
    // A write still under way must end before its file handle closes.
    await writing.catch(() => {});
    await handle.close();
  }
  return size;
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
    // One byte over the cap, so that receiveOva sees the excess rather than a silently cut file.
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
        params: {
          type: 'object',
          properties: { namespace: dns1123Schema, name: dns1123Schema },
          required: ['namespace', 'name'],
        },
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
      let shareDir: string;
      let providerUid: string;
      try {
        const userConfig = kubeConfigForRequest(connection, request.caller);
        const provider = (await userConfig
          .makeApiClient(CustomObjectsApi)
          .getNamespacedCustomObject({
            group: ProviderModel.group,
            version: ProviderModel.version,
            plural: ProviderModel.plural,
            namespace,
            name,
          })) as Provider;
        if (provider.spec?.type !== 'ova') {
          return sendError(reply, 409, `Provider ${namespace}/${name} is not an OVA provider`);
        }
        const allowed = await mayDo(userConfig, {
          verb: 'update',
          group: ProviderModel.group,
          resource: ProviderModel.plural,
          namespace,
          name,
        });
        if (!allowed) {
          return sendError(
            reply,
            403,
            `Uploading OVA files needs permission to update provider ${namespace}/${name}, which you do not have`,
          );
        }
        const controller = await findForkliftController(connection.kubeConfig);
        if (controller?.spec?.feature_ova_appliance_management !== 'true') {
          return sendError(
            reply,
            403,
            'OVA appliance management is turned off: the ForkliftController needs feature_ova_appliance_management "true"',
          );
        }
        if (provider.spec.settings?.applianceManagement !== 'true') {
          return sendError(
            reply,
            409,
            `Provider ${namespace}/${name} does not accept uploads: its settings.applianceManagement is not "true"`,
          );
        }
        shareDir = localShareDir(provider.spec.url ?? '', ovaShareRoot);
        providerUid = provider.metadata?.uid ?? '';
      } catch (error) {
        if (error instanceof ShareUrlError) return sendError(reply, 409, error.message);
        return sendKubeError(reply, error);
      }

      let partial: string | undefined;
      // The partial file goes before any answer, so a client never sees one left behind.
      const removePartial = async () => {
        if (partial) await rm(partial, { force: true });
        partial = undefined;
      };
      try {
        const parts = request.parts();
        let received: { name: string; size: number } | undefined;
        for await (const part of parts) {
          if (part.type !== 'file' || part.fieldname !== 'file' || received) {
            throw new UploadError(400, 'body must hold exactly one part, a file named "file"');
          }
          const fileName = part.filename;
          const problem = fileNameProblem(fileName);
          if (problem) throw new UploadError(400, problem);
          const target = path.join(shareDir, fileName);
          // Answers early for the common case; the link below is what guarantees it.
          if (await exists(target)) {
            throw new UploadError(409, `A file named ${fileName} already exists`);
          }
          partial = path.join(shareDir, `.${fileName}.${randomBytes(6).toString('hex')}.partial`);
          received = { name: fileName, size: await receiveOva(part.file, partial, maxUploadBytes) };
        }
        if (!received) throw new UploadError(400, 'body must hold a file part named "file"');
        const target = path.join(shareDir, received.name);
        try {
          await link(partial!, target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new UploadError(409, `A file named ${received.name} already exists`);
          }
          throw error;
        }
        await unlink(partial!);
        partial = undefined;
        await syncDirectory(shareDir);
        request.log.info({ namespace, provider: name, file: received.name }, 'OVA uploaded');
        // The file is already published; should the inventory not hear of it, its rescan finds it.
        await inventories
          .get(providerUid)
          ?.fileAdded?.(target)
          .catch((error: Error) =>
            request.log.warn({ file: received.name, error: error.message }, 'inventory not told'),
          );
        return reply.code(201).send(received);
      } catch (error) {
        await removePartial();
        const failure =
          error instanceof UploadError ? error : multipartError(error, maxUploadBytes);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !failure) {
          return sendError(reply, 409, `The share of provider ${namespace}/${name} does not exist`);
        }
        if (!failure) throw error;
        return sendUploadError(reply, failure);
      } finally {
        await removePartial();
      }
    },
  );
};
