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
 * The request's JSON body. One over the limit is read to its end and thrown away before the 413 is
 * sent: a server that stops reading and closes leaves the client writing into a reset connection,
 * and it never sees the answer.
 */
export const readBody = (request: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    // Bodies are JSON only (protobuf and CBOR are for built-in clients that fall back to JSON).
    const contentType = request.headers['content-type'] ?? 'application/json';
    if (!/json/.test(contentType)) {
      request.resume();
      request.once('end', () => reject(unsupportedMediaType(contentType, ['application/json'])));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(requestEntityTooLarge(MAX_BODY_BYTES));
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(badRequest(`the request body is not valid JSON: ${(error as Error).message}`));
      }
    });
    request.on('error', reject);
  });
