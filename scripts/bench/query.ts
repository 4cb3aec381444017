// Section "query": a VM query over 5,000 vSphere VMs answered by the inventory route (server-side
// filtering, the way the wizard's query bar asks), against the same filter in plain JavaScript
// over the same VMs in the same process. Goal: the route's median ≤ 100 ms.
import { startVcsim, type VcsimModel } from '../vcsim.ts';
import { startChild } from './child.ts';
import { median } from './stats.ts';
import { shapeEstate } from './vm-estate.ts';
import type { QueryTimings } from './query-child.ts';
import { QUERY } from './query-child.ts';
import type { SectionReport } from './report.ts';

/** 2 clusters × 2,500 VMs: 5,000 VMs. */
const QUERY_MODEL: VcsimModel = {
  datacenters: 1,
  clusters: 2,
  hosts: 2,
  'standalone-hosts': 0,
  vms: 2500,
  datastores: 2,
  portgroups: 2,
};

const childModule = new URL('./query-child.ts', import.meta.url).pathname;

export const runQuerySection = async ({ samples }: { samples: number }): Promise<SectionReport> => {
  const vcsim = await startVcsim(QUERY_MODEL);
  const child = startChild(childModule);
  try {
    await shapeEstate(vcsim);
    const timings = await child.call<QueryTimings>('measure', { target: vcsim, samples });
    return {
      id: 'query',
      title: 'VM query',
      baseline: 'the same filter as plain JavaScript over the same VM array, same process',
      figures: [
        {
          name: `query over ${timings.vmCount.toLocaleString('en-US')} VMs, median`,
          unit: 'ms',
          measured: median(timings.routeMs),
          baseline: median(timings.plainMs),
          goal: { max: 100, of: 'measured' },
        },
      ],
      notes: [
        `query: ${QUERY}`,
        `${timings.matchCount} of ${timings.vmCount} VMs match; ${samples} samples each, alternating`,
        'measured: GET …/vms?query= through Fastify inject on the real inventory routes (parse, compile, filter, serialize)',
      ],
    };
  } finally {
    await child.stop();
    await vcsim.stop();
  }
};
