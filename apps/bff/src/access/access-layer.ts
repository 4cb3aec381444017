// Every request passes here before any route: is it addressed to us, who is asking, and does a
// write come from our own page. Routes then act only as `request.caller`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_REQUEST_HEADER } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { sendError } from '../http/errors.ts';
import { ADMINISTRATOR, type Caller } from './caller.ts';
import { createTokenCheck } from './token-check.ts';
import { SIGN_IN_MESSAGE, SIGN_IN_PAGE } from './sign-in-page.ts';

export type AccessLayerOptions = {
  connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>;
  /** Standalone: the token in DATA_DIR/access-token, which acts as the administrator. */
  accessToken?: string;
  /** Standalone, loopback only: a request without credentials is the administrator. */
  noAuth?: boolean;
  /** Standalone: the host names the console answers to (see consoleHostNames). */
  allowedHosts?: ReadonlySet<string>;
};

export const SESSION_COOKIE = 'forklift-console-session';

/** Probes carry no credentials and reveal nothing. */
const PUBLIC_PATHS = new Set(['/healthz', '/readyz']);

/** The names a standalone console answers to; any other Host header may be DNS rebinding. */
export const consoleHostNames = (host: string, extra: readonly string[]): Set<string> => {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  // A wildcard address is not a name anyone types; other names must be given with --allowed-hosts.
  if (!['0.0.0.0', '::', ''].includes(host)) names.add(hostName(host));
  for (const name of extra) names.add(hostName(name));
  return names;
};

/** `Example.com:9000` → `example.com`, `[::1]:9000` → `::1`. */
const hostName = (host: string): string => {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  if (bracketed) return bracketed[1]!.toLowerCase();
  const parts = host.split(':');
  // More than one colon and no brackets: a bare IPv6 address, no port.
  return (parts.length > 2 ? host : parts[0]!).toLowerCase();
};

const isPage = (request: FastifyRequest) =>
  request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');

const cookieValue = (request: FastifyRequest, name: string): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
};

const bearerToken = (request: FastifyRequest): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

/** The `token` query parameter of a page link, and the URL without it. */
const linkToken = (request: FastifyRequest): { token: string; cleanUrl: string } | undefined => {
  if (request.method !== 'GET' || !request.url.includes('token=')) return undefined;
  const url = new URL(request.url, 'http://console.invalid');
  const token = url.searchParams.get('token');
  if (!token) return undefined;
  url.searchParams.delete('token');
  return { token, cleanUrl: `${url.pathname}${url.search}` };
};

const refuseUnauthenticated = (request: FastifyRequest, reply: FastifyReply) =>
  isPage(request)
    ? reply.code(401).type('text/html; charset=utf-8').send(SIGN_IN_PAGE)
    : sendError(reply, 401, SIGN_IN_MESSAGE);

/** Why a write does not come from our page, or undefined when it does. */
const foreignWriteReason = (request: FastifyRequest, checkOrigin: boolean): string | undefined => {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  if (checkOrigin) {
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return `A ${fetchSite} request may not change anything here`;
    }
    const { origin } = request.headers;
    if (origin !== undefined && !sameOrigin(origin, request.headers.host)) {
      return `Requests from ${origin} may not change anything here`;
    }
  }
  // The OpenShift console's own fetch sends its CSRF header; our pages send ours.
  if (!request.headers[CONSOLE_REQUEST_HEADER] && !request.headers['x-csrftoken']) {
    return `A write must carry the ${CONSOLE_REQUEST_HEADER} header that the console's pages send`;
  }
  return undefined;
};

const sameOrigin = (origin: string, host: string | undefined): boolean => {
  try {
    return new URL(origin).host.toLowerCase() === host?.toLowerCase();
  } catch {
    return false;
  }
};

/**
 * Adds the access checks to every route of `app`. Not a plugin of its own: Fastify would keep its
 * hook inside that plugin, while it must run before every route.
 */
export const registerAccessLayer = (
  app: FastifyInstance,
  { connection, accessToken, noAuth = false, allowedHosts = new Set() }: AccessLayerOptions,
): void => {
  const standalone = connection.mode === 'embedded';
  const isUserToken = createTokenCheck(connection);

  /** Who the credential is; undefined when it is not one we know. */
  const standaloneCaller = async (token: string): Promise<Caller | undefined> => {
    if (token === accessToken) return ADMINISTRATOR;
    return (await isUserToken(token)) ? { kind: 'user', token } : undefined;
  };

  const callerOrNobody = async (token: string | undefined): Promise<Caller | undefined> =>
    token ? standaloneCaller(token) : noAuth ? ADMINISTRATOR : undefined;

  app.addHook('onRequest', async (request, reply) => {
    if (PUBLIC_PATHS.has(request.routeOptions.url ?? '')) return;
    if (!standalone) {
      // In a cluster the console proxy forwards the user's token; plugin assets are fetched by the
      // console itself, without one, and hold no data.
      if (request.url.startsWith('/plugin/')) return;
      const token = bearerToken(request);
      if (!token) return refuseUnauthenticated(request, reply);
      request.caller = { kind: 'user', token };
      const reason = foreignWriteReason(request, false);
      return reason ? sendError(reply, 403, reason) : undefined;
    }

    if (!allowedHosts.has(hostName(request.headers.host ?? ''))) {
      return sendError(
        reply,
        421,
        `This console does not answer to the host name "${request.headers.host ?? ''}"; start it with --allowed-hosts to add it`,
      );
    }
    const link = linkToken(request);
    const token = link?.token ?? bearerToken(request) ?? cookieValue(request, SESSION_COOKIE);
    let caller: Caller | undefined;
    try {
      caller = await callerOrNobody(token);
    } catch (error) {
      request.log.warn({ err: error }, 'could not check a bearer token');
      return sendError(
        reply,
        503,
        'The Kubernetes API server cannot be reached to check the token',
      );
    }
    if (!caller) return refuseUnauthenticated(request, reply);
    if (link) {
      // The token leaves the address bar and the history at once; the cookie carries it from now.
      return reply
        .header(
          'set-cookie',
          `${SESSION_COOKIE}=${encodeURIComponent(link.token)}; Path=/; HttpOnly; SameSite=Strict`,
        )
        .header('cache-control', 'no-store')
        .redirect(link.cleanUrl, 303);
    }
    request.caller = caller;
    const reason = foreignWriteReason(request, true);
    return reason ? sendError(reply, 403, reason) : undefined;
  });
};
