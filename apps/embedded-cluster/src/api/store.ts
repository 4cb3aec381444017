// Durable object storage for the embedded API server, on Node's built-in SQLite. Every write and
// the global resourceVersion counter commit in one transaction with synchronous=FULL, so a write the
// server has acknowledged survives `kill -9`. Objects are also held in memory for fast reads, and a
// bounded in-memory event history serves watches that resume from a recent resourceVersion.
// The database holds Secrets: it and its -wal and -shm files are the owner's only (0600).
import { DatabaseSync } from 'node:sqlite';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import type { ObjectMeta } from '@forklift-console/api';
import { ensurePrivateDirectory, restrictToOwner } from './private-files.ts';

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  // A stored object always has a name; other metadata fields (managedFields…) are kept as given.
  metadata: ObjectMeta & { name: string; [key: string]: unknown };
  [key: string]: unknown;
};

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type StoreEvent = {
  type: WatchEventType;
  kindKey: string;
  resourceVersion: number;
  object: KubeObject;
};

const objectKey = (kindKey: string, namespace: string | undefined, name: string) =>
  `${kindKey}|${namespace ?? ''}|${name}`;

export class Store {
  private readonly db: DatabaseSync;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly historyLimit: number;
  private revision: number;
  /** Watches from before this resourceVersion cannot be resumed (history starts here). */
  private historyStart: number;

  constructor(dataDir: string, historyLimit = 10000) {
    ensurePrivateDirectory(dataDir);
    this.historyLimit = historyLimit;
    const file = path.join(dataDir, 'kube-api.sqlite');
    // Created 0600 before SQLite opens it, because SQLite gives its -wal and -shm files the
    // database file's mode; existing ones (from an older start) are narrowed here.
    closeSync(openSync(file, 'a', 0o600));
    for (const suffix of ['', '-wal', '-shm']) restrictToOwner(`${file}${suffix}`);
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, kind_key TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0);
    `);
    const row = this.db.prepare(`SELECT value FROM meta WHERE name = 'revision'`).get() as
      { value: number } | undefined;
    this.revision = Number(row?.value ?? 0);
    this.historyStart = this.revision;
    const rows = this.db.prepare(`SELECT kind_key, json FROM objects`).all() as {
      kind_key: string;
      json: string;
    }[];
    for (const { kind_key: kindKey, json } of rows) {
      const object = JSON.parse(json) as KubeObject;
      this.bucket(kindKey).set(
        objectKey(kindKey, object.metadata.namespace, object.metadata.name),
        object,
      );
    }
  }

  get resourceVersion(): number {
    return this.revision;
  }

  close() {
    this.db.close();
  }

  get(kindKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(kindKey)?.get(objectKey(kindKey, namespace, name));
  }

  list(kindKey: string, namespace?: string): KubeObject[] {
    const all = [...(this.objects.get(kindKey)?.values() ?? [])];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** Every object of every kind, for garbage collection. */
  *entries(): Generator<[string, KubeObject]> {
    for (const [kindKey, bucket] of this.objects) {
      for (const object of bucket.values()) yield [kindKey, object];
    }
  }

  /** Stores `object` with the next resourceVersion and tells watchers. */
  put(kindKey: string, object: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const next = this.revision + 1;
    const stored: KubeObject = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(next) },
    };
    const key = objectKey(kindKey, stored.metadata.namespace, stored.metadata.name);
    this.commit(next, () =>
      this.db
        .prepare(`INSERT OR REPLACE INTO objects (key, kind_key, json) VALUES (?, ?, ?)`)
        .run(key, kindKey, JSON.stringify(stored)),
    );
    this.bucket(kindKey).set(key, stored);
    this.publish({ type, kindKey, resourceVersion: next, object: stored });
    return stored;
  }

  remove(kindKey: string, object: KubeObject): KubeObject {
    const next = this.revision + 1;
    const key = objectKey(kindKey, object.metadata.namespace, object.metadata.name);
    this.commit(next, () => this.db.prepare(`DELETE FROM objects WHERE key = ?`).run(key));
    this.objects.get(kindKey)?.delete(key);
    const removed: KubeObject = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(next) },
    };
    this.publish({ type: 'DELETED', kindKey, resourceVersion: next, object: removed });
    return removed;
  }

  /** Events after `resourceVersion`, or 'expired' when history no longer reaches back that far. */
  eventsSince(resourceVersion: number): StoreEvent[] | 'expired' {
    if (resourceVersion < this.historyStart) return 'expired';
    return this.history.filter((event) => event.resourceVersion > resourceVersion);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(next: number, write: () => void) {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      write();
      this.db.prepare(`UPDATE meta SET value = ? WHERE name = 'revision'`).run(next);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    this.revision = next;
  }

  private publish(event: StoreEvent) {
    this.history.push(event);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.historyStart = dropped[dropped.length - 1]!.resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
  }

  private bucket(kindKey: string): Map<string, KubeObject> {
    let bucket = this.objects.get(kindKey);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(kindKey, bucket);
    }
    return bucket;
  }
}
