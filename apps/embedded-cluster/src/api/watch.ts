// A watch: the backlog the client asks for (a list, or the events since its resourceVersion, or
// 410 Gone when history no longer reaches back that far), then every new event it selects, as one
// JSON object per line.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOfKind, kindKey, type Kind } from './kinds.ts';
import type { KubeObject, Store, StoreEvent } from './store.ts';
import { gone } from './status.ts';

const BOOKMARK_INTERVAL_MS = 30_000;

export type WatchRequest = {
  kind: Kind;
  namespace?: string;
  query: URLSearchParams;
  /** The label and field selectors. */
  selects: (object: KubeObject) => boolean;
  /** What a watch from "now" (no resourceVersion, or 0) starts with. */
  initialObjects: () => KubeObject[];
};

export const serveWatch = (
  store: Store,
  request: IncomingMessage,
  response: ServerResponse,
  { kind, namespace, query, selects, initialObjects }: WatchRequest,
) => {
  const wanted = (event: StoreEvent) =>
    event.kindKey === kindKey(kind) &&
    (namespace === undefined || event.object.metadata.namespace === namespace) &&
    selects(event.object);
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
  // Clients (client-node's informer among them) wait for the headers before they count a watch as
  // started; with nothing to send yet, Node would otherwise hold them back.
  response.flushHeaders();
  const send = (type: string, object: unknown) =>
    response.write(`${JSON.stringify({ type, object })}\n`);

  const from = query.get('resourceVersion');
  let backlog: { type: string; object: KubeObject }[];
  if (!from || from === '0') {
    backlog = initialObjects().map((object) => ({ type: 'ADDED', object }));
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
    timers.push(
      setInterval(
        () =>
          send('BOOKMARK', {
            kind: kind.kind,
            apiVersion: apiVersionOfKind(kind),
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
