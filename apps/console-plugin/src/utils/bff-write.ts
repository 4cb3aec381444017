import { BffError } from './bff.ts';

// The OpenShift console refuses writes through its plugin proxy without the CSRF token it keeps in a
// cookie; the standalone shell has no such cookie and needs none.
const csrfHeader = (): Record<string, string> => {
  const token = /(?:^|;\s*)csrf-token=([^;]+)/.exec(globalThis.document?.cookie ?? '')?.[1];
  return token ? { 'X-CSRFToken': decodeURIComponent(token) } : {};
};

/** Sends a write to the BFF; a refusal becomes a BffError carrying the API server's own words. */
export const sendBffJson = async <T>(
  bffBaseUrl: string,
  method: 'PUT' | 'PATCH' | 'POST',
  path: string,
  body: unknown,
): Promise<T> => {
  const response = await fetch(`${bffBaseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...csrfHeader() },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!response.ok) {
    throw new BffError(
      response.status,
      answer?.message ?? `${response.status} ${response.statusText}`,
    );
  }
  return answer as T;
};
