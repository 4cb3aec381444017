import { CONSOLE_REQUEST_HEADER } from '@forklift-console/api';

/** An error the BFF answered, with its own message (it names the field or resource at fault). */
export class BffError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

// The OpenShift console refuses writes through its plugin proxy without the CSRF token it keeps in a
// cookie; the standalone shell has no such cookie. The BFF refuses writes without our own header,
// which a page on another site cannot send.
const writeHeaders = (): Record<string, string> => {
  const token = /(?:^|;\s*)csrf-token=([^;]+)/.exec(globalThis.document?.cookie ?? '')?.[1];
  return {
    [CONSOLE_REQUEST_HEADER]: '1',
    ...(token ? { 'X-CSRFToken': decodeURIComponent(token) } : {}),
  };
};

/**
 * The inventory answers 206 with no body while a provider's first full load is still running
 * (Forklift's parity wait); that is "not yet", not a failure, and a push refetches later.
 */
export class NotLoadedYetError extends BffError {}

const callBff = async <T>(bffBaseUrl: string, path: string, init: RequestInit): Promise<T> => {
  const response = await fetch(`${bffBaseUrl}${path}`, init);
  if (response.status === 206) {
    throw new NotLoadedYetError(206, 'The inventory is still loading');
  }
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!response.ok) {
    throw new BffError(
      response.status,
      answer?.message ?? `${response.status} ${response.statusText}`,
    );
  }
  return answer as T;
};

export const fetchBffJson = <T>(bffBaseUrl: string, path: string): Promise<T> =>
  callBff(bffBaseUrl, path, { headers: { accept: 'application/json' } });

/** Sends a write; a refusal becomes a BffError carrying the API server's own words. */
export const sendBffJson = <T>(
  bffBaseUrl: string,
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> =>
  callBff(bffBaseUrl, path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      accept: 'application/json',
      ...writeHeaders(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

export type UploadProgress = { loaded: number; total: number };

/**
 * POSTs one file as multipart/form-data and reports how much of it has been sent. fetch() cannot
 * report upload progress, so this is the one call made with XMLHttpRequest; the browser streams
 * the File from disk, however large. Aborting the signal cancels the upload.
 */
export const uploadBffFile = <T>(
  bffBaseUrl: string,
  path: string,
  field: string,
  file: File,
  { onProgress, signal }: { onProgress: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${bffBaseUrl}${path}`);
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(writeHeaders()))
      request.setRequestHeader(name, value);
    request.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () => {
      let answer: { message?: string } | undefined;
      try {
        answer = JSON.parse(request.responseText) as { message?: string };
      } catch {
        answer = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(answer as T);
      else {
        reject(
          new BffError(
            request.status,
            answer?.message ?? `${request.status} ${request.statusText}`,
          ),
        );
      }
    };
    // The server may close the connection as soon as it has refused a body (too large, say).
    request.onerror = () =>
      reject(new BffError(0, 'The connection to the console server broke during the upload'));
    request.onabort = () => reject(new BffError(0, 'The upload was cancelled'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    body.append(field, file, file.name);
    request.send(body);
  });
