// Keeps an in-memory copy of a vCenter's inventory: one property filter over a ContainerView,
// then WaitForUpdatesEx in a loop, applying enter/modify/leave to the cache with a revision per
// object. Any failure drops the session and resyncs from scratch after a growing pause, so a
// vCenter that comes back is picked up without a restart; the resync reports what changed
// meanwhile (objects gone leave, revisions keep counting) rather than starting the cache over.
import {
  createSoapClient,
  moRefXml,
  textXml,
  toMoRef,
  type ServiceContent,
  type SoapClient,
  type TlsOptions,
  type XmlNode,
} from '@forklift-console/vsphere';
import {
  createInventoryView,
  filterSpecXml,
  toPlain,
  type PropertyRequest,
  type RetrievedObject,
} from './property-collector.ts';

export type CachedObject = RetrievedObject & { revision: number };

export type CollectorChange = { kind: 'enter' | 'modify' | 'leave'; object: CachedObject };

export type CollectorOptions = {
  sdkUrl: string;
  username: string;
  password: string;
  tls?: TlsOptions;
  /** What to read; a function when it depends on the server's version. */
  requests: PropertyRequest[] | ((about: ServiceContent['about']) => PropertyRequest[]);
  /** Called once per applied update set, after the cache and isInSync() reflect it. */
  onChanges?: (changes: CollectorChange[]) => void;
  onError?: (error: Error) => void;
  /** How long one WaitForUpdatesEx call may block; also bounds how long stop() waits. */
  maxWaitSeconds?: number;
};

const RECONNECT_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

const keyOf = (ref: { type: string; value: string }) => `${ref.type}:${ref.value}`;

export const startVsphereCollector = (options: CollectorOptions) => {
  const cache = new Map<string, CachedObject>();
  let stopped = false;
  let inSync = false;
  let about: ServiceContent['about'] | undefined;
  /** Objects cached by an earlier session that the current one has not entered yet. */
  let unseen = new Set<string>();
  let wake: (() => void) | undefined;
  const parityWaiters: (() => void)[] = [];

  const applyUpdateSet = (updateSet: XmlNode): CollectorChange[] => {
    const changes: CollectorChange[] = [];
    for (const filterUpdate of (updateSet.filterSet as XmlNode[] | undefined) ?? []) {
      for (const objectUpdate of (filterUpdate.objectSet as XmlNode[] | undefined) ?? []) {
        const ref = toMoRef(objectUpdate.obj);
        const key = keyOf(ref);
        const kind = String(objectUpdate.kind) as CollectorChange['kind'];
        if (kind === 'leave') {
          const gone = cache.get(key);
          cache.delete(key);
          if (gone) changes.push({ kind, object: gone });
          continue;
        }
        const previous = cache.get(key);
        unseen.delete(key);
        const properties = { ...(kind === 'enter' ? {} : previous?.properties) };
        for (const change of (objectUpdate.changeSet as XmlNode[] | undefined) ?? []) {
          const name = String(change.name);
          if (change.op === 'remove' || change.op === 'indirectRemove') delete properties[name];
          else properties[name] = toPlain(change.val);
        }
        const object = { ref, properties, revision: (previous?.revision ?? 0) + 1 };
        cache.set(key, object);
        changes.push({ kind, object });
      }
    }
    return changes;
  };

  /** After a resync's full read, what the earlier session had and this one lacks is gone. */
  const sweepUnseen = (): CollectorChange[] => {
    const gone = [...unseen].flatMap((key) => {
      const object = cache.get(key);
      cache.delete(key);
      return object ? [{ kind: 'leave' as const, object }] : [];
    });
    unseen = new Set();
    return gone;
  };

  const runSession = async () => {
    const client = createSoapClient(options.sdkUrl, options.tls);
    try {
      await syncSession(client);
    } finally {
      await client.logout().catch(() => undefined);
      await client.close();
    }
  };

  const syncSession = async (client: SoapClient) => {
    await client.login(options.username, options.password);
    const content = await client.serviceContent();
    about = content.about;
    const requests =
      typeof options.requests === 'function' ? options.requests(content.about) : options.requests;
    const view = await createInventoryView(
      client,
      requests.map((request) => request.type),
    );
    // A property collector of this session's own, as govmomi's waiters do: the default one is
    // shared, and vcsim hands its updates to whichever session waited last, starving the others.
    const collector = toMoRef(
      (
        (await client.call('CreatePropertyCollector', moRefXml('_this', content.propertyCollector)))
          .returnval as XmlNode[]
      )[0],
    );
    await client.call(
      'CreateFilter',
      moRefXml('_this', collector) +
        `<spec>${filterSpecXml(requests, view)}</spec>` +
        '<partialUpdates>false</partialUpdates>',
    );
    // A new session's first update sets enter every object again; what they leave out is gone.
    unseen = new Set(cache.keys());
    let version = '';
    while (!stopped) {
      const response = await client.call(
        'WaitForUpdatesEx',
        moRefXml('_this', collector) +
          textXml('version', version) +
          `<options><maxWaitSeconds>${options.maxWaitSeconds ?? 10}</maxWaitSeconds>` +
          '<maxObjectUpdates>10000</maxObjectUpdates></options>',
      );
      const updateSet = (response.returnval as XmlNode[] | undefined)?.[0];
      if (!updateSet) continue; // the wait timed out: nothing changed
      version = String(updateSet.version ?? '');
      const changes = applyUpdateSet(updateSet);
      const reachedParity = String(updateSet.truncated) !== 'true' && !inSync;
      if (reachedParity) {
        changes.push(...sweepUnseen());
        inSync = true;
      }
      // Parity is reported even when nothing changed: an empty inventory is a loaded one.
      if (changes.length > 0 || reachedParity) options.onChanges?.(changes);
      if (reachedParity) parityWaiters.splice(0).forEach((resolve) => resolve());
    }
  };

  const loop = async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await runSession();
        failures = 0;
      } catch (error) {
        inSync = false;
        options.onError?.(error as Error);
        const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;
        failures += 1;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delay).unref();
        });
      }
    }
  };
  const running = loop();

  return {
    objects: (): CachedObject[] => [...cache.values()],
    get: (type: string, id: string) => cache.get(keyOf({ type, value: id })),
    isInSync: () => inSync,
    /** The server's About info from the last session (API version, product, instance UUID). */
    about: () => about,
    /** Resolves once the whole inventory has been read (the first complete update set). */
    inSync: () =>
      inSync ? Promise.resolve() : new Promise<void>((resolve) => parityWaiters.push(resolve)),
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
};

export type VsphereCollector = ReturnType<typeof startVsphereCollector>;
