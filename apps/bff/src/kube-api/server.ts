// HTTP layer of the embedded API server: Kubernetes REST paths, discovery, list and watch. Writes
// go through ResourceService, which holds the semantics.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { kindKey, type Kind, type KindRegistry } from './kinds.ts';
import type { KubeObject, Store, StoreEvent } from './store.ts';
import type { ResourceService } from './resources.ts';
import { jsonPatch, mergePatch, PatchError } from './patch.ts';
import { matches, parseSelector, SelectorError, type Requirement } from './selectors.ts';
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions } from './discovery.ts';
import { authorize, forbiddenMessage, type RequestAttributes } from './authorization.ts';
import type { UserInfo } from './authentication.ts';
import {
  badRequest,
  forbidden,
  gone,
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

const MAX_BODY_BYTES = 3 * 1024 * 1024;
const BOOKMARK_INTERVAL_MS = 30_000;

const sendJson = (response: ServerResponse, code: number, body: unknown) => {
  const text = JSON.stringify(body);
  response.writeHead(code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
};

const readBody = (request: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    // Bodies are JSON only (protobuf and CBOR are for built-in clients that fall back to JSON).
    const contentType = request.headers['content-type'] ?? 'application/json';
    if (!/json/.test(contentType)) {
      reject(unsupportedMediaType(contentType, ['application/json']));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(badRequest('the request body is too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(badRequest(`the request body is not valid JSON: ${(error as Error).message}`));
      }
    });
    request.on('error', reject);
  });

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

const labelLookup = (object: KubeObject) => (key: string) => object.metadata.labels?.[key];
const fieldLookup = (object: KubeObject) => (key: string) =>
  key === 'metadata.name'
    ? object.metadata.name
    : key === 'metadata.namespace'
      ? object.metadata.namespace
      : undefined;

export type EmbeddedApiHandlerDeps = {
  kinds: KindRegistry;
  store: Store;
  resources: ResourceService;
  logger?: ServerLogger;
  serverAddress: () => string;
  /** The caller for an Authorization header; undefined when its credentials are not valid. */
  authenticate: (authorization: string | undefined) => UserInfo | undefined;
};

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The RBAC verb of a request on a resource path, as the Kubernetes API server names it. */
const verbOf = (method: string, target: Target, query: URLSearchParams): string => {
  const collection = target.name === undefined;
  switch (method) {
    case 'GET': {
      const watching = query.get('watch');
      if (watching === 'true' || watching === '1') return 'watch';
      return collection ? 'list' : 'get';
    }
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

export const createApiHandler = ({
  kinds,
  store,
  resources,
  logger,
  serverAddress,
  authenticate,
}: EmbeddedApiHandlerDeps) => {
  const rbac = {
    list: (plural: 'roles' | 'clusterroles' | 'rolebindings' | 'clusterrolebindings') =>
      store.list(kindKey({ group: RBAC_GROUP, plural })),
  };
  const allowed = (user: UserInfo, attributes: RequestAttributes) =>
    authorize(rbac, user, attributes);

  /** Answers a SelfSubjectAccessReview: may the caller do what its spec describes? */
  const selfSubjectAccessReview = async (request: IncomingMessage, user: UserInfo) => {
    const review = (await readBody(request)) as {
      spec?: { resourceAttributes?: Partial<RequestAttributes> };
    };
    const wanted = review?.spec?.resourceAttributes;
    if (!wanted?.verb || wanted.resource === undefined) {
      throw badRequest('spec.resourceAttributes.verb and .resource are required');
    }
    const attributes: RequestAttributes = {
      verb: wanted.verb,
      group: wanted.group ?? '',
      resource: wanted.resource,
      ...(wanted.subresource ? { subresource: wanted.subresource } : {}),
      ...(wanted.namespace ? { namespace: wanted.namespace } : {}),
      ...(wanted.name ? { name: wanted.name } : {}),
    };
    return {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: { creationTimestamp: null },
      spec: review.spec,
      status: { allowed: allowed(user, attributes) },
    };
  };

  const list = (target: Target, labels: Requirement[], fields: Requirement[]) => {
    const items = store
      .list(kindKey(target.kind), target.namespace)
      .filter((o) => matches(labels, labelLookup(o)) && matches(fields, fieldLookup(o)))
      .sort((a, b) =>
        `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
          `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
        ),
      );
    return {
      apiVersion: target.kind.group
        ? `${target.kind.group}/${target.kind.version}`
        : target.kind.version,
      kind: `${target.kind.kind}List`,
      metadata: { resourceVersion: String(store.resourceVersion) },
      items,
    };
  };

  const watch = (
    request: IncomingMessage,
    response: ServerResponse,
    target: Target,
    query: URLSearchParams,
    labels: Requirement[],
    fields: Requirement[],
  ) => {
    const wanted = (event: StoreEvent) =>
      event.kindKey === kindKey(target.kind) &&
      (target.namespace === undefined || event.object.metadata.namespace === target.namespace) &&
      matches(labels, labelLookup(event.object)) &&
      matches(fields, fieldLookup(event.object));
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
    // Clients (client-node's informer among them) wait for the headers before they count a watch as
    // started; with nothing to send yet, Node would otherwise hold them back.
    response.flushHeaders();
    const send = (type: string, object: unknown) =>
      response.write(`${JSON.stringify({ type, object })}\n`);

    const from = query.get('resourceVersion');
    let backlog: { type: string; object: KubeObject }[];
    if (!from || from === '0') {
      backlog = list(target, labels, fields).items.map((object) => ({ type: 'ADDED', object }));
    } else {
      const events = store.eventsSince(Number(from));
      if (events === 'expired' || !/^\d+$/.test(from)) {
        send('ERROR', gone(`too old resource version: ${from} (${store.resourceVersion})`).status);
        response.end();
        return;
      }
      backlog = events.filter(wanted);
    }
    for (const event of backlog) send(event.type, event.object);
    const unsubscribe = store.subscribe((event) => {
      if (wanted(event)) send(event.type, event.object);
    });
    const timers: NodeJS.Timeout[] = [];
    const timeoutSeconds = Number(query.get('timeoutSeconds'));
    if (timeoutSeconds > 0) timers.push(setTimeout(() => response.end(), timeoutSeconds * 1000));
    if (query.get('allowWatchBookmarks') === 'true') {
      const apiVersion = target.kind.group
        ? `${target.kind.group}/${target.kind.version}`
        : target.kind.version;
      timers.push(
        setInterval(
          () =>
            send('BOOKMARK', {
              kind: target.kind.kind,
              apiVersion,
              metadata: { resourceVersion: String(store.resourceVersion) },
            }),
          BOOKMARK_INTERVAL_MS,
        ),
      );
    }
    const stop = () => {
      unsubscribe();
      timers.forEach((timer) => clearTimeout(timer));
    };
    request.on('close', stop);
    response.on('close', stop);
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

  const handleResource = async (
    request: IncomingMessage,
    response: ServerResponse,
    target: Target,
    query: URLSearchParams,
    user: UserInfo,
  ) => {
    const { kind, namespace, name, subresource } = target;
    const method = request.method ?? 'GET';
    const attributes: RequestAttributes = {
      verb: verbOf(method, target, query),
      group: kind.group,
      resource: kind.plural,
      ...(subresource ? { subresource } : {}),
      ...(namespace ? { namespace } : {}),
      ...(name ? { name } : {}),
    };
    if (!allowed(user, attributes)) throw forbidden(forbiddenMessage(user, attributes));
    const options = { strictFields: query.get('fieldValidation') === 'Strict' };
    if (subresource !== undefined && subresource !== 'status')
      throw pathNotFound(request.url ?? '');
    if (subresource === 'status' && !kind.statusSubresource) throw pathNotFound(request.url ?? '');
    const statusOnly = subresource === 'status' ? 'status' : undefined;

    if (name === undefined) {
      const labels = parseSelector(query.get('labelSelector') ?? undefined);
      const fields = parseSelector(query.get('fieldSelector') ?? undefined);
      if (method === 'GET') {
        const watching = query.get('watch');
        if (watching === 'true' || watching === '1')
          return watch(request, response, target, query, labels, fields);
        return sendJson(response, 200, list(target, labels, fields));
      }
      if (method === 'POST') {
        if (kind.namespaced && !namespace) throw methodNotAllowed(method);
        return sendJson(
          response,
          201,
          resources.create(kind, namespace, await readBody(request), options),
        );
      }
      if (method === 'DELETE') {
        const doomed = list(target, labels, fields).items;
        for (const object of doomed)
          resources.delete(kind, object.metadata.namespace, object.metadata.name);
        return sendJson(response, 200, { ...list(target, labels, fields), items: doomed });
      }
      throw methodNotAllowed(method);
    }

    switch (method) {
      case 'GET':
        return sendJson(response, 200, resources.get(kind, namespace, name));
      case 'PUT':
        return sendJson(
          response,
          200,
          resources.update(kind, namespace, name, await readBody(request), statusOnly, options),
        );
      case 'PATCH': {
        const apply = patchFunction(request.headers['content-type'] ?? '', await readBody(request));
        return sendJson(
          response,
          200,
          resources.patch(kind, namespace, name, apply, statusOnly, options),
        );
      }
      case 'DELETE': {
        const body =
          (request.headers['content-length'] ?? '0') !== '0' || request.headers['transfer-encoding']
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

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://embedded');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const path = url.pathname.replace(/\/$/, '');
    const user = authenticate(request.headers.authorization);
    if (!user) throw unauthorized();
    if (
      request.method === 'POST' &&
      path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'
    ) {
      return sendJson(response, 201, await selfSubjectAccessReview(request, user));
    }
    if (request.method === 'GET') {
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
      if (segments[0] === 'api' && segments.length === 2) {
        const document = apiResourceList(kinds.all, '', segments[1]!);
        if (document) return sendJson(response, 200, document);
      }
      if (segments[0] === 'apis' && segments.length === 2) {
        const document = apiGroupDocument(kinds.all, segments[1]!);
        if (document) return sendJson(response, 200, document);
      }
      if (segments[0] === 'apis' && segments.length === 3) {
        const document = apiResourceList(kinds.all, segments[1]!, segments[2]!);
        if (document) return sendJson(response, 200, document);
      }
    }
    const target = resolveTarget(kinds, segments);
    if (!target) throw pathNotFound(url.pathname);
    return handleResource(request, response, target, url.searchParams, user);
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof StatusError) return sendJson(response, error.status.code, error.status);
      if (error instanceof PatchError)
        return sendJson(response, 422, {
          ...badRequest(`the patch could not be applied: ${error.message}`).status,
          code: 422,
          reason: 'Invalid',
        });
      if (error instanceof SelectorError)
        return sendJson(response, 400, badRequest(error.message).status);
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
    });
  };
};

export const createHttpServer = (handler: ReturnType<typeof createApiHandler>) =>
  http.createServer(handler);
