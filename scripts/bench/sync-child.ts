// One full sync of ours per process, so each sample starts as cold as govmomi's and the memory
// read before and after belongs to that sync alone.
import { performance } from 'node:perf_hooks';
import { serveParent } from './child.ts';
import { sampleMemory, type MemorySample } from './memory.ts';
import { startVsphereCollector } from '../../apps/bff/src/inventory/vsphere/collector.ts';
import type { PropertyRequest } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';
import { createVsphereInventory } from '../../apps/bff/src/inventory/vsphere/vsphere-inventory.ts';

export type SyncTarget = { sdkUrl: string; username: string; password: string };

export type OurSync = {
  elapsedMs: number;
  /** Objects the collector read, or VMs the inventory modelled. */
  count: number;
  before: MemorySample;
  after: MemorySample;
};

let stop: () => Promise<void> = async () => undefined;

serveParent(
  {
    /** The collector alone, with the same requests govmomi gets: the like-for-like figure. */
    async collector({
      target,
      requests,
    }: {
      target: SyncTarget;
      requests: PropertyRequest[];
    }): Promise<OurSync> {
      const before = sampleMemory();
      const started = performance.now();
      let failed: (error: Error) => void = () => undefined;
      const failure = new Promise<never>((_, reject) => (failed = reject));
      const collector = startVsphereCollector({
        ...target,
        tls: { insecureSkipVerify: true },
        requests,
        // The collector retries forever; a bench sample must fail instead.
        onError: (error) => failed(error),
      });
      stop = () => collector.stop();
      await Promise.race([collector.inSync(), failure]);
      const elapsedMs = performance.now() - started;
      return { elapsedMs, count: collector.objects().length, before, after: sampleMemory() };
    },
    /** The whole inventory as the BFF runs it: collector plus Forklift's models, to parity. */
    async inventory({ target }: { target: SyncTarget }): Promise<OurSync> {
      const before = sampleMemory();
      const started = performance.now();
      const inventory = createVsphereInventory({
        ...target,
        providerUid: 'bench',
        tls: { insecureSkipVerify: true },
      });
      stop = () => inventory.stop();
      while (!(await inventory.waitForParity(1000))) {
        // The inventory retries forever; a bench sample must fail instead.
        const error = inventory.lastError();
        if (error) throw new Error(error);
      }
      const elapsedMs = performance.now() - started;
      const count = Number(inventory.summary().vmCount);
      return { elapsedMs, count, before, after: sampleMemory() };
    },
  },
  () => stop(),
);
