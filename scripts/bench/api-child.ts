// The inventory API as the BFF serves it, in a process of its own: the embedded Kubernetes API
// holding a vSphere Provider, that provider's inventory in the registry, and inventoryRoutes in a
// Fastify app logging like the real one (level info, here into a sink). Two baseline routes sit
// in the same app: a trivial JSON answer, and the full VM list's bytes prepared in advance.
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serveParent } from './child.ts';
import { OK_PATH, PREPARED_VMS_PATH } from './api-mix.ts';
import { sampleMemory, type MemorySample } from './memory.ts';
import { createVsphereProvider } from './provider.ts';
import { startProcessObserver, type ProcessObservation } from './process-observer.ts';
import type { SyncTarget } from './sync-child.ts';
import { createLogger } from '../../apps/bff/src/logging.ts';
import { readConfig } from '../../apps/bff/src/config.ts';
import { connectToKubernetes } from '../../apps/bff/src/kube/connection.ts';
import type { KubeConnection } from '../../apps/bff/src/kube/kube-connection.ts';
import { createInventoryRegistry } from '../../apps/bff/src/inventory/registry.ts';
import { createVsphereInventory } from '../../apps/bff/src/inventory/vsphere/vsphere-inventory.ts';
import { INVENTORY_PREFIX, inventoryRoutes } from '../../apps/bff/src/inventory/routes.ts';
import { consoleHostNames, registerAccessLayer } from '../../apps/bff/src/access/access-layer.ts';

export type ApiServer = {
  origin: string;
  /** The provider's inventory path, e.g. /api/v1/inventory/providers/vsphere/<uid>. */
  base: string;
  vmIds: string[];
  fullListBytes: number;
  parityMs: number;
  memory: { before: MemorySample; atParity: MemorySample };
};

const cleanups: (() => Promise<void>)[] = [];

const start = async ({ target }: { target: SyncTarget }): Promise<ApiServer> => {
  const before = sampleMemory();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'forklift-bench-api-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const logger = createLogger('info', sink);
  const connection: KubeConnection = await connectToKubernetes(
    readConfig(['--data-dir', dataDir], {}, '/'),
    logger,
  );
  cleanups.push(() => connection.close());
  const provider = await createVsphereProvider(connection.kubeConfig, target, {
    namespace: 'bench',
    name: 'vcsim',
  });
  const uid = provider.metadata.uid;

  const inventories = createInventoryRegistry();
  cleanups.push(() => inventories.stopAll());
  const started = performance.now();
  const inventory = await inventories.ensure(uid, 'bench', () =>
    createVsphereInventory({ ...target, providerUid: uid, tls: { insecureSkipVerify: true } }),
  );
  while (!(await inventory.waitForParity(1000))) {
    const error = inventory.lastError();
    if (error) throw new Error(error);
  }
  const parityMs = performance.now() - started;
  const atParity = sampleMemory();

  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  cleanups.push(() => app.close());
  // The access layer every request passes in the app; --no-auth, since the load clients send
  // no credentials, so its cost is the Host check and the caller's decision.
  registerAccessLayer(app, {
    connection,
    noAuth: true,
    allowedHosts: consoleHostNames('127.0.0.1', []),
  });
  await app.register(inventoryRoutes, { connection, inventories });
  // Filled from the real route below, before any load: the same bytes, served prepared.
  let preparedVms: Buffer = Buffer.alloc(0);
  app.get(
    OK_PATH,
    {
      schema: {
        response: {
          200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] },
        },
      },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    PREPARED_VMS_PATH,
    { schema: { response: { 200: { type: 'array', items: { type: 'object' } } } } },
    async (_request, reply) => reply.type('application/json; charset=utf-8').send(preparedVms),
  );
  const base = `${INVENTORY_PREFIX}/providers/vsphere/${uid}`;
  // The first full read fills the routes' caches, as the first open VM tab does in real use.
  const fullList = await app.inject(`${base}/vms`);
  if (fullList.statusCode !== 200) {
    throw new Error(
      `GET ${base}/vms answered ${fullList.statusCode}: ${fullList.body.slice(0, 200)}`,
    );
  }
  preparedVms = fullList.rawPayload;
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const vms = fullList.json<{ id: string }[]>();
  return {
    origin,
    base,
    vmIds: vms.map((vm) => vm.id),
    fullListBytes: preparedVms.length,
    parityMs,
    memory: { before, atParity },
  };
};

let observer: ReturnType<typeof startProcessObserver> | undefined;

serveParent(
  {
    start,
    async observe() {
      observer = startProcessObserver();
    },
    async observed(): Promise<ProcessObservation> {
      if (!observer) throw new Error('observe first');
      const observation = observer.stop();
      observer = undefined;
      return observation;
    },
  },
  async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  },
);
