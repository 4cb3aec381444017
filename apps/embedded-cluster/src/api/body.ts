// Request and response bodies of the embedded API server: JSON in, JSON out, with
// kube-apiserver's size limit on what comes in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from './status.ts';

/** kube-apiserver's limit on a request body (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export const sendJson = (response: ServerResponse, code: number, body: unknown) => {
  const text = JSON.stringify(body);
  response.writeHead(code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
};

/** Whether the request carries a body at all (a DELETE may or may not). */
export const hasBody = (request: IncomingMessage) =>
  (request.headers['content-length'] ?? '0') !== '0' ||
  request.headers['transfer-encoding'] !== undefined;

/** Reads the body to its end and throws it away, for requests whose body says nothing. */
export const discardBody = (request: IncomingMessage): Promise<void> =>
  new Promise((resolve, reject) => {
    request.resume();
    request.once('end', resolve);
    request.once('error', reject);
  });

/**
 * The request's body as bytes. One over the limit is read to its end and thrown away before the
 * 413 is sent: a server that stops reading and closes leaves the client writing into a reset
 * connection, and it never sees the answer.
 */
export const readRawBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(requestEntityTooLarge(MAX_BODY_BYTES));
      else resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });

/** The request's JSON body. */
export const readBody = async (request: IncomingMessage): Promise<unknown> => {
  // Bodies are JSON only (protobuf and CBOR are for built-in clients that fall back to JSON).
  const contentType = request.headers['content-type'] ?? 'application/json';
  if (!/json/.test(contentType)) {
    await discardBody(request);
    throw unsupportedMediaType(contentType, ['application/json']);
  }
  const body = await readRawBody(request);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(`the request body is not valid JSON: ${(error as Error).message}`);
  }
};
