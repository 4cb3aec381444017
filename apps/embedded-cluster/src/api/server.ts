// HTTP layer of the embedded API server: each request is authenticated, authorized, then routed to
// a review, a non-resource path (discovery, version, health), a collection or an object. Writes go
// through ResourceService, which holds the semantics.
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { kindKey, apiVersionOfKind, type Kind, type KindRegistry } from './kinds.ts';
import type { KubeObject, Store } from './store.ts';
import type { ResourceService, WriteOptions } from './resources.ts';
import { jsonPatch, mergePatch, PatchError } from './patch.ts';
import {
  fieldLookup,
  labelLookup,
  matches,
  parseFieldSelector,
  parseSelector,
  SelectorError,
} from './selectors.ts';
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions } from './discovery.ts';
import {
  authorize,
  forbiddenMessage,
  type NonResourceAttributes,
  type RequestAttributes,
} from './authorization.ts';
import type { Credentials, UserInfo } from './authentication.ts';
import { hasBody, readBody, readRawBody, sendJson } from './body.ts';
import { decodeSelfSubjectAccessReview, PROTOBUF_CONTENT_TYPE } from './protobuf.ts';
import { reviewAttributes, selfSubjectAccessReview, selfSubjectReview } from './reviews.ts';
import { serveWatch } from './watch.ts';
import { servePodLog, type LoggedPod } from './pod-log.ts';
import { uploadTokenRequest } from './upload-tokens.ts';
import type { CertifiedKey } from './certificates.ts';
import {
  badRequest,
  forbidden,
  methodNotAllowed,
  pathNotFound,
  StatusError,
  unauthorized,
  unsupportedMediaType,
} from './status.ts';

export type ServerLogger = {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

type Target = {
  kind: Kind;
  namespace?: string;
  name?: string;
  subresource?: string;
};

/** A request as the steps after authentication see it. */
type ApiRequest = {
  request: IncomingMessage;
  response: ServerResponse;
  path: string;
  segments: string[];
  query: URLSearchParams;
  method: string;
};

/** Splits `/api/v1/...` or `/apis/<group>/<version>/...` into the resource it names. */
const resolveTarget = (kinds: KindRegistry, segments: string[]): Target | undefined => {
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, rest] = ['', segments[1]!, segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, rest] = [segments[1]!, segments[2]!, segments.slice(3)];
  } else return undefined;

  // `namespaces/<ns>/<plural>/...` is a namespaced resource; `namespaces/<ns>[/status]` is a Namespace.
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    rest[2] !== 'status' &&
    rest[2] !== 'finalize'
  ) {
    const kind = kinds.find(group, version, rest[2]!);
    if (!kind || !kind.namespaced) return undefined;
    return { kind, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const kind = kinds.find(group, version, rest[0]!);
  if (!kind) return undefined;
  if (kind.namespaced && rest.length > 1) return undefined;
  return { kind, name: rest[1], subresource: rest[2] };
};

const isWatch = (query: URLSearchParams) => ['true', '1'].includes(query.get('watch') ?? '');

/** The RBAC verb of a request on a resource path, as the Kubernetes API server names it. */
const verbOf = (method: string, target: Target, query: URLSearchParams): string => {
  const collection = target.name === undefined;
  switch (method) {
    case 'GET':
      if (isWatch(query)) return 'watch';
      return collection ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return collection ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
};

const resourceAttributes = (
  method: string,
  target: Target,
  query: URLSearchParams,
): RequestAttributes => ({
  verb: verbOf(method, target, query),
  group: target.kind.group,
  resource: target.kind.plural,
  ...(target.subresource ? { subresource: target.subresource } : {}),
  ...(target.namespace ? { namespace: target.namespace } : {}),
  ...(target.name ? { name: target.name } : {}),
});

/** The subresources a kind serves: status where declared, finalize on namespaces, a pod's log. */
const servesSubresource = (kind: Kind, subresource: string) =>
  (subresource === 'status' && kind.statusSubresource) ||
  (subresource === 'finalize' && kind.kind === 'Namespace') ||
  (subresource === 'log' && kind.group === '' && kind.kind === 'Pod');

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

type ClientCertificate = NonNullable<Credentials['clientCertificate']>;

/**
 * A connection's client certificate is fixed once its handshake is done, and reading it parses
 * the certificate: a kept-alive connection has it read once, not on each of its requests.
 */
const certificates = new WeakMap<TLSSocket, ClientCertificate | null>();

const clientCertificateOf = (socket: TLSSocket): ClientCertificate | undefined => {
  const known = certificates.get(socket);
  if (known !== undefined) return known ?? undefined;
  const peer = socket.getPeerCertificate?.();
  const presented = peer !== undefined && Object.keys(peer).length > 0;
  const certificate = presented
    ? {
        verified: socket.authorized,
        commonName: first(peer.subject?.CN),
        organizations: all(peer.subject?.O),
      }
    : null;
  certificates.set(socket, certificate);
  return certificate ?? undefined;
};

/** The Authorization header and the TLS client certificate a request came with. */
const credentialsOf = (request: IncomingMessage): Credentials => {
  const clientCertificate = clientCertificateOf(request.socket as TLSSocket);
  return {
    ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    ...(clientCertificate ? { clientCertificate } : {}),
  };
};

const patchFunction = (contentType: string, body: unknown) => {
  if (contentType.startsWith('application/json-patch+json')) {
    return (current: KubeObject) => jsonPatch(current, body);
  }
  if (
    contentType.startsWith('application/merge-patch+json') ||
    contentType.startsWith('application/strategic-merge-patch+json')
  ) {
    return (current: KubeObject) => mergePatch(current, body);
  }
  throw unsupportedMediaType(contentType);
};

export type EmbeddedApiHandlerDeps = {
  kinds: KindRegistry;
  store: Store;
  resources: ResourceService;
  logger?: ServerLogger;
  /** DATA_DIR: pod logs are read from under it. */
  dataDir: string;
  serverAddress: () => string;
  /** The caller for these credentials; undefined when they are not valid. */
  authenticate: (credentials: Credentials) => UserInfo | undefined;
  /** Signs the tokens UploadTokenRequests are answered with (DATA_DIR/pki/upload-token.key). */
  uploadTokenKey: Buffer;
};

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export const createApiHandler = ({
  kinds,
  store,
  resources,
  logger,
  dataDir,
  serverAddress,
  authenticate,
  uploadTokenKey,
}: EmbeddedApiHandlerDeps) => {
  const rbac = {
    list: (plural: 'roles' | 'clusterroles' | 'rolebindings' | 'clusterrolebindings') =>
      store.list(kindKey({ group: RBAC_GROUP, plural })),
  };
  const allowed = (user: UserInfo, attributes: RequestAttributes | NonResourceAttributes) =>
    authorize(rbac, user, attributes);

  const authenticateRequest = (request: IncomingMessage): UserInfo => {
    const user = authenticate(credentialsOf(request));
    if (!user) throw unauthorized();
    return user;
  };

  /** What RBAC is asked about a request on a resource or a plain path. */
  const attributesOf = (
    { method, path, query }: ApiRequest,
    target: Target | undefined,
  ): RequestAttributes | NonResourceAttributes =>
    target
      ? resourceAttributes(method, target, query)
      : { verb: method === 'HEAD' ? 'get' : method.toLowerCase(), path };

  const authorizeRequest = (
    user: UserInfo,
    attributes: RequestAttributes | NonResourceAttributes,
  ) => {
    if (!allowed(user, attributes)) throw forbidden(forbiddenMessage(user, attributes));
  };

  const serveReview = async (
    { request, response }: ApiRequest,
    review: RequestAttributes,
    user: UserInfo,
  ) => {
    if (review.resource === 'selfsubjectreviews') {
      // A SelfSubjectReview asks nothing but "who am I": its body (protobuf from kubectl) is
      // read, within the size limit, and not decoded.
      await readRawBody(request);
      return sendJson(response, 201, selfSubjectReview(user));
    }
    const body = (request.headers['content-type'] ?? '').startsWith(PROTOBUF_CONTENT_TYPE)
      ? decodeSelfSubjectAccessReview(await readRawBody(request))
      : await readBody(request);
    sendJson(
      response,
      201,
      selfSubjectAccessReview(body, (attributes) => allowed(user, attributes)),
    );
  };

  /** Discovery, /version, the OpenAPI stub and the health checks. */
  const serveNonResource = ({ request, response, path, segments, method }: ApiRequest) => {
    if (method !== 'GET') throw pathNotFound(path);
    if (path === '/api') return sendJson(response, 200, apiVersions(serverAddress()));
    if (path === '/apis') return sendJson(response, 200, apiGroupList(kinds.all));
    if (path === '/version') {
      return sendJson(response, 200, {
        major: '1',
        minor: '33',
        gitVersion: 'v1.33.0-forklift-console-embedded',
        platform: `${process.platform}/${process.arch}`,
      });
    }
    if (path === '/openapi/v2') {
      // Schemas are enforced by this server (422 with the field path), not published: an empty
      // document tells kubectl there is nothing to check on the client side.
      if ((request.headers.accept ?? '').includes('protobuf')) {
        response.writeHead(200, {
          'content-type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
          'content-length': '0',
        });
        return response.end();
      }
      return sendJson(response, 200, {
        swagger: '2.0',
        info: { title: 'Forklift Console embedded API', version: 'v1' },
        paths: {},
        definitions: {},
      });
    }
    if (path === '/healthz' || path === '/readyz' || path === '/livez') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      return response.end('ok');
    }
    const document =
      segments[0] === 'api' && segments.length === 2
        ? apiResourceList(kinds.all, '', segments[1]!)
        : segments[0] === 'apis' && segments.length === 2
          ? apiGroupDocument(kinds.all, segments[1]!)
          : segments[0] === 'apis' && segments.length === 3
            ? apiResourceList(kinds.all, segments[1]!, segments[2]!)
            : undefined;
    if (!document) throw pathNotFound(path);
    return sendJson(response, 200, document);
  };

  const listObjects = (target: Target, selects: (object: KubeObject) => boolean) => ({
    apiVersion: apiVersionOfKind(target.kind),
    kind: `${target.kind.kind}List`,
    metadata: { resourceVersion: String(store.resourceVersion) },
    items: store
      .list(kindKey(target.kind), target.namespace)
      .filter(selects)
      .sort((a, b) =>
        `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
          `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
        ),
      ),
  });

  /** The label and field selectors of a list, watch or deletecollection, as one predicate. */
  const selectorsOf = (kind: Kind, query: URLSearchParams) => {
    const labels = parseSelector(query.get('labelSelector') ?? undefined);
    const fields = parseFieldSelector(query.get('fieldSelector') ?? undefined, kind.fieldLabels);
    return (object: KubeObject) =>
      matches(labels, labelLookup(object)) &&
      matches(fields, fieldLookup(object, kind.fieldLabels));
  };

  const writeOptions = (query: URLSearchParams): WriteOptions => ({
    strictFields: query.get('fieldValidation') === 'Strict',
  });

  /** list, watch, create and deletecollection. */
  const serveCollection = async (
    { request, response, query, method }: ApiRequest,
    target: Target,
  ) => {
    const { kind, namespace } = target;
    if (kind.createOnly) {
      if (method !== 'POST' || !namespace) throw methodNotAllowed(method);
      const answer = uploadTokenRequest(uploadTokenKey, namespace, await readBody(request));
      return sendJson(response, 201, answer);
    }
    const selects = selectorsOf(kind, query);
    switch (method) {
      case 'GET':
        if (isWatch(query)) {
          return serveWatch(store, request, response, {
            kind,
            ...(namespace ? { namespace } : {}),
            query,
            selects,
            initialObjects: () => listObjects(target, selects).items,
          });
        }
        return sendJson(response, 200, listObjects(target, selects));
      case 'POST':
        if (kind.namespaced && !namespace) throw methodNotAllowed(method);
        return sendJson(
          response,
          201,
          resources.create(kind, namespace, await readBody(request), writeOptions(query)),
        );
      case 'DELETE': {
        const doomed = listObjects(target, selects).items;
        for (const object of doomed) {
          resources.delete(kind, object.metadata.namespace, object.metadata.name);
        }
        return sendJson(response, 200, { ...listObjects(target, selects), items: doomed });
      }
      default:
        throw methodNotAllowed(method);
    }
  };

  /** get, update, patch and delete of one object or its subresource. */
  const serveObject = async (
    { request, response, query, method }: ApiRequest,
    target: Target & { name: string },
  ) => {
    const { kind, namespace, name } = target;
    const subresource = target.subresource as 'status' | 'finalize' | undefined;
    switch (method) {
      case 'GET':
        return sendJson(response, 200, resources.get(kind, namespace, name));
      case 'PUT':
        return sendJson(
          response,
          200,
          resources.update(
            kind,
            namespace,
            name,
            await readBody(request),
            subresource,
            writeOptions(query),
          ),
        );
      case 'PATCH': {
        const apply = patchFunction(request.headers['content-type'] ?? '', await readBody(request));
        return sendJson(
          response,
          200,
          resources.patch(kind, namespace, name, apply, subresource, writeOptions(query)),
        );
      }
      case 'DELETE': {
        const body = hasBody(request)
          ? ((await readBody(request)) as {
              propagationPolicy?: string;
              preconditions?: { resourceVersion?: string };
            } | null)
          : null;
        const policy = query.get('propagationPolicy') ?? body?.propagationPolicy ?? 'Background';
        return sendJson(
          response,
          200,
          resources.delete(kind, namespace, name, policy, body?.preconditions?.resourceVersion),
        );
      }
      default:
        throw methodNotAllowed(method);
    }
  };

  const serveResource = (apiRequest: ApiRequest, target: Target) => {
    if (target.subresource !== undefined) {
      if (!servesSubresource(target.kind, target.subresource)) throw pathNotFound(apiRequest.path);
      if (target.subresource === 'finalize' && apiRequest.method !== 'PUT') {
        throw methodNotAllowed(apiRequest.method);
      }
      if (target.subresource === 'log') {
        if (apiRequest.method !== 'GET' || target.name === undefined) {
          throw methodNotAllowed(apiRequest.method);
        }
        const { kind, namespace, name } = { ...target, name: target.name };
        const readPod = () => {
          try {
            return resources.get(kind, namespace, name) as unknown as LoggedPod;
          } catch {
            return undefined;
          }
        };
        return servePodLog({
          response: apiRequest.response,
          query: apiRequest.query,
          pod: resources.get(kind, namespace, name) as unknown as LoggedPod,
          dataDir,
          readPod,
          closed: () => apiRequest.response.destroyed || apiRequest.request.destroyed,
        });
      }
    }
    if (target.kind.createOnly && target.name !== undefined) {
      throw methodNotAllowed(apiRequest.method);
    }
    return target.name === undefined
      ? serveCollection(apiRequest, target)
      : serveObject(apiRequest, { ...target, name: target.name });
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'https://embedded');
    const apiRequest: ApiRequest = {
      request,
      response,
      path: url.pathname.replace(/(.)\/$/, '$1'),
      segments: url.pathname.split('/').filter(Boolean).map(decodeURIComponent),
      query: url.searchParams,
      method: request.method ?? 'GET',
    };
    const user = authenticateRequest(request);
    const review = apiRequest.method === 'POST' ? reviewAttributes(apiRequest.path) : undefined;
    const target = resolveTarget(kinds, apiRequest.segments);
    authorizeRequest(user, review ?? attributesOf(apiRequest, target));
    if (review) return serveReview(apiRequest, review, user);
    if (!target) return serveNonResource(apiRequest);
    return serveResource(apiRequest, target);
  };

  const sendError = (request: IncomingMessage, response: ServerResponse, error: unknown) => {
    if (response.headersSent) {
      response.end();
      return;
    }
    if (error instanceof StatusError) return sendJson(response, error.status.code, error.status);
    if (error instanceof PatchError) {
      return sendJson(response, 422, {
        ...badRequest(`the patch could not be applied: ${error.message}`).status,
        code: 422,
        reason: 'Invalid',
      });
    }
    if (error instanceof SelectorError) {
      return sendJson(response, 400, badRequest(error.message).status);
    }
    logger?.error(
      { err: String(error), url: request.url, method: request.method },
      'embedded API request failed',
    );
    sendJson(response, 500, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Internal error in the embedded API server',
      reason: 'InternalError',
      code: 500,
    });
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => sendError(request, response, error));
  };
};

/**
 * HTTPS with the serving certificate. Client certificates are asked for but not required: the
 * authenticator decides what a missing or unverified one means, as kube-apiserver does.
 */
export const createHttpsServer = (
  handler: ReturnType<typeof createApiHandler>,
  { serving, caCertificate }: { serving: CertifiedKey; caCertificate: string },
) =>
  https.createServer(
    {
      key: serving.key,
      cert: serving.certificate,
      ca: caCertificate,
      requestCert: true,
      rejectUnauthorized: false,
    },
    handler,
  );
