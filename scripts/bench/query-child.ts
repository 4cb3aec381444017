// The VM query as the BFF answers it, in a process of its own: the embedded Kubernetes API with a
// vSphere Provider, its inventory synced from vcsim, and inventoryRoutes in a Fastify app. Each
// sample alternates the route (through inject, the whole request: parse, compile, filter,
// serialize) with the same filter in plain JavaScript over the VM list the route answers.
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serveParent } from './child.ts';
import { createVsphereProvider } from './provider.ts';
import type { SyncTarget } from './sync-child.ts';
import { createLogger } from '../../apps/bff/src/logging.ts';
import { readConfig } from '../../apps/bff/src/config.ts';
import { bffValidationOptions } from '../../apps/bff/src/http/validation.ts';
import { connectToKubernetes } from '../../apps/bff/src/kube/connection.ts';
import { createInventoryRegistry } from '../../apps/bff/src/inventory/registry.ts';
import { createVsphereInventory } from '../../apps/bff/src/inventory/vsphere/vsphere-inventory.ts';
import { INVENTORY_PREFIX, inventoryRoutes } from '../../apps/bff/src/inventory/routes.ts';
import { consoleHostNames, registerAccessLayer } from '../../apps/bff/src/access/access-layer.ts';

export const QUERY = "where powerState = 'poweredOn' and memoryMB > 4096 and name like 'web%'";

type Vm = { id: string; name: string; powerState: string; memoryMB: number };

/** The query written by hand: what a page would run without the server. */
const plainFilter = (vms: readonly Vm[]) =>
  vms.filter(
    (vm) => vm.powerState === 'poweredOn' && vm.memoryMB > 4096 && vm.name.startsWith('web'),
  );

export type QueryTimings = {
  vmCount: number;
  matchCount: number;
  routeMs: number[];
  plainMs: number[];
};

const cleanups: (() => Promise<void>)[] = [];

const measure = async ({
  target,
  samples,
}: {
  target: SyncTarget;
  samples: number;
}): Promise<QueryTimings> => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'forklift-bench-query-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const logger = createLogger('info', new Writable({ write: (_c, _e, done) => done() }));
  const connection = await connectToKubernetes(
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
  const inventory = await inventories.ensure(uid, 'bench', () =>
    createVsphereInventory({ ...target, providerUid: uid, tls: { insecureSkipVerify: true } }),
  );
  while (!(await inventory.waitForParity(1000))) {
    const error = inventory.lastError();
    if (error) throw new Error(error);
  }

  const app = Fastify({ ...bffValidationOptions, loggerInstance: logger as FastifyBaseLogger });
  cleanups.push(() => app.close());
  registerAccessLayer(app, {
    connection,
    noAuth: true,
    allowedHosts: consoleHostNames('127.0.0.1', []),
  });
  await app.register(inventoryRoutes, { connection, inventories });
  const base = `${INVENTORY_PREFIX}/providers/vsphere/${uid}/vms`;
  const get = async (url: string) => {
    const response = await app.inject({ url, headers: { host: '127.0.0.1' } });
    if (response.statusCode !== 200) {
      throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
    }
    return response;
  };
  const vms = (await get(base)).json<Vm[]>();
  const queryUrl = `${base}?query=${encodeURIComponent(QUERY)}`;
  // Both must pick the same VMs, or the comparison measures two different things.
  const fromRoute = (await get(queryUrl))
    .json<Vm[]>()
    .map((vm) => vm.id)
    .sort();
  const fromPlain = plainFilter(vms)
    .map((vm) => vm.id)
    .sort();
  if (fromRoute.join() !== fromPlain.join()) {
    throw new Error(
      `the route matched ${fromRoute.length} VMs, plain JavaScript ${fromPlain.length}`,
    );
  }
  const routeMs: number[] = [];
  const plainMs: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    let started = performance.now();
    await get(queryUrl);
    routeMs.push(performance.now() - started);
    started = performance.now();
    plainFilter(vms);
    plainMs.push(performance.now() - started);
  }
  return { vmCount: vms.length, matchCount: fromPlain.length, routeMs, plainMs };
};

serveParent({ measure }, async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});
