// Section "sync": a full inventory sync of vcsim with 5,000 VMs, ours against govmomi reading the
// same properties the same way, alternately, each sample in a fresh process.
import { startVcsim, type VcsimModel } from '../vcsim.ts';
import { startChild } from './child.ts';
import { buildGovmomiBaseline, runGovmomiBaseline, type BaselineSync } from './govmomi-baseline.ts';
import { MIB } from './memory.ts';
import { median } from './stats.ts';
import type { SectionReport } from './report.ts';
import type { OurSync, SyncTarget } from './sync-child.ts';
import type { PropertyRequest } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';
import { vspherePropertyRequests } from '../../apps/bff/src/inventory/vsphere/property-requests.ts';
import { createSoapClient, type TlsOptions } from '@forklift-console/vsphere';

/** 2 clusters × 2,500 VMs: 5,000 VMs, plus their hosts, datastores and networks. */
export const SYNC_MODEL: VcsimModel = {
  datacenters: 1,
  clusters: 2,
  hosts: 4,
  'standalone-hosts': 0,
  vms: 2500,
  datastores: 4,
  portgroups: 4,
};
const SYNC_MODEL_VMS = 5000;

/** What the vSphere inventory reads from this server: the requests both sides get. */
export const inventoryRequests = async (
  sdkUrl: string,
  tls: TlsOptions = {},
): Promise<PropertyRequest[]> => {
  const client = createSoapClient(sdkUrl, tls);
  try {
    return vspherePropertyRequests((await client.serviceContent()).about.apiVersion);
  } finally {
    await client.close();
  }
};

const childModule = new URL('./sync-child.ts', import.meta.url).pathname;

const syncInChild = async (command: 'collector' | 'inventory', args: unknown): Promise<OurSync> => {
  const child = startChild(childModule, ['--expose-gc']);
  try {
    return await child.call<OurSync>(command, args);
  } finally {
    await child.stop();
  }
};

const medianOf = (samples: OurSync[], value: (sample: OurSync) => number) =>
  median(samples.map(value));

const rssGrowth = (sample: OurSync) => (sample.after.rssBytes - sample.before.rssBytes) / MIB;
const heapGrowth = (sample: OurSync) =>
  (sample.after.heapUsedBytes - sample.before.heapUsedBytes) / MIB;

export const runSyncSection = async ({ runs }: { runs: number }): Promise<SectionReport> => {
  await buildGovmomiBaseline();
  const vcsim = await startVcsim(SYNC_MODEL);
  try {
    const target: SyncTarget = {
      sdkUrl: vcsim.sdkUrl,
      username: vcsim.username,
      password: vcsim.password,
    };
    const requests = await inventoryRequests(vcsim.sdkUrl);
    const baseline: BaselineSync[] = [];
    const collector: OurSync[] = [];
    const inventory: OurSync[] = [];
    // Alternating spreads the machine's noise (other processes, vcsim's own GC) over all sides.
    for (let run = 0; run < runs; run += 1) {
      baseline.push(await runGovmomiBaseline(vcsim, requests));
      collector.push(await syncInChild('collector', { target, requests }));
      inventory.push(await syncInChild('inventory', { target }));
    }
    const objects = baseline[0]!.objects;
    if (collector.some((sample) => sample.count !== objects)) {
      throw new Error(
        `govmomi read ${objects} objects but our collector ${collector.map((s) => s.count).join(', ')}`,
      );
    }
    if (inventory.some((sample) => sample.count !== SYNC_MODEL_VMS)) {
      throw new Error(`the inventory modelled ${inventory.map((s) => s.count).join(', ')} VMs`);
    }
    const ms = (samples: { elapsedMs: number }[]) =>
      samples.map((sample) => Math.round(sample.elapsedMs)).join(', ');
    const baselineMs = median(baseline.map((sample) => sample.elapsedMs));
    return {
      id: 'sync',
      title: `Full inventory sync: vcsim with 5,000 VMs (${objects.toLocaleString('en-US')} objects), median of ${runs} runs`,
      baseline:
        'govmomi (tools/govmomi-baseline) with the same property requests: ContainerView, filter, WaitForUpdatesEx; run alternately with ours',
      notes: [
        'time: from login to the first complete update set (collector) or to parity (inventory: collector + Forklift models)',
        'memory: growth of the sync process after two full GCs, the inventory still held; govmomi: Go heap holding the decoded update sets',
        `samples (ms): govmomi ${ms(baseline)}; collector ${ms(collector)}; inventory ${ms(inventory)}`,
      ],
      figures: [
        {
          name: 'Sync to parity, inventory',
          unit: 'ms',
          measured: medianOf(inventory, (sample) => sample.elapsedMs),
          baseline: baselineMs,
          goal: { max: 1.5, of: 'ratio' },
        },
        {
          name: 'Sync, collector alone',
          unit: 'ms',
          measured: medianOf(collector, (sample) => sample.elapsedMs),
          baseline: baselineMs,
        },
        {
          name: 'Memory, inventory: RSS growth',
          unit: 'MiB',
          measured: medianOf(inventory, rssGrowth),
        },
        {
          name: 'Memory, inventory: JS heap growth',
          unit: 'MiB',
          measured: medianOf(inventory, heapGrowth),
          baseline: median(baseline.map((sample) => sample.heapBytes / MIB)),
        },
        {
          name: 'Memory, collector alone: JS heap growth',
          unit: 'MiB',
          measured: medianOf(collector, heapGrowth),
          baseline: median(baseline.map((sample) => sample.heapBytes / MIB)),
        },
      ],
    };
  } finally {
    await vcsim.stop();
  }
};
