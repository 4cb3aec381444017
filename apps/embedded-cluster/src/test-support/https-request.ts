// For tests that talk to the embedded API over a real socket, below what client-node shows: raw
// Status bodies, watch streams, oversized bodies. The server is verified with its CA; a client
// certificate, when given, is presented.
import https from 'node:https';

export type TlsClient = { ca: string; certificate?: string; key?: string };

export type RawResponse = { status: number; text: string; json<T = unknown>(): T };

export const httpsRequest = (
  url: string,
  tls: TlsClient,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const request = https.request(url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ca: tls.ca,
      ...(tls.certificate ? { cert: tls.certificate, key: tls.key } : {}),
      // A fresh connection per request, so one test's client certificate is not another's.
      agent: false,
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
