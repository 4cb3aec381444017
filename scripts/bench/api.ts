// Section "api": the inventory API under 50 concurrent clients over 10,000 VMs, against trivial
// routes in the same app under the same load, so the ratio shows what the inventory adds.
import { startVcsim, type VcsimModel } from '../vcsim.ts';
import { startChild, type BenchChild } from './child.ts';
import { runLoad, type LoadResult } from './load.ts';
import { mixedPath, OK_PATH, PREPARED_VMS_PATH, requestKind, type RequestKind } from './api-mix.ts';
import { MIB } from './memory.ts';
import { summarize } from './stats.ts';
import type { Figure, SectionReport } from './report.ts';
import type { ApiServer } from './api-child.ts';
import type { ProcessObservation } from './process-observer.ts';

/** 4 clusters × 2,500 VMs: 10,000 VMs. */
const API_MODEL: VcsimModel = {
  datacenters: 1,
  clusters: 4,
  hosts: 4,
  'standalone-hosts': 0,
  vms: 2500,
  datastores: 4,
  portgroups: 4,
};

const CLIENTS = 50;
const WARMUP_MS = 2000;
/** Baseline and measured loads take turns this many times, so both meet the same machine. */
const ROUNDS = 2;

const childModule = new URL('./api-child.ts', import.meta.url).pathname;

type RequestPath = (client: number, sequence: number) => string;

type Comparison = {
  baseline: LoadResult;
  measured: LoadResult;
  /** The BFF process during the measured loads. */
  observations: ProcessObservation[];
};

const load = async (origin: string, durationMs: number, path: RequestPath) => {
  const result = await runLoad({ origin, clients: CLIENTS, warmupMs: WARMUP_MS, durationMs, path });
  // An error means the server answered something other than the data: nothing to time.
  if (result.errors > 0) {
    throw new Error(`${result.errors} requests failed, the first: ${result.firstError}`);
  }
  return result;
};

const merge = (results: LoadResult[]): LoadResult => ({
  latenciesMs: results.flatMap((result) => result.latenciesMs),
  paths: results.flatMap((result) => result.paths),
  errors: 0,
  bytes: results.reduce((sum, result) => sum + result.bytes, 0),
});

const compare = async (
  child: BenchChild,
  origin: string,
  durationMs: number,
  baselinePath: RequestPath,
  measuredPath: RequestPath,
): Promise<Comparison> => {
  const baseline: LoadResult[] = [];
  const measured: LoadResult[] = [];
  const observations: ProcessObservation[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    baseline.push(await load(origin, durationMs / ROUNDS, baselinePath));
    await child.call('observe');
    measured.push(await load(origin, durationMs / ROUNDS, measuredPath));
    observations.push(await child.call<ProcessObservation>('observed'));
  }
  return { baseline: merge(baseline), measured: merge(measured), observations };
};

const percentileFigures = (name: string, { baseline, measured }: Comparison, goalP99?: number) => {
  const ours = summarize(measured.latenciesMs);
  const theirs = summarize(baseline.latenciesMs);
  return (['p50', 'p95', 'p99'] as const).map((key): Figure => ({
    name: `${name}, ${key}`,
    unit: 'ms',
    measured: ours[key],
    baseline: theirs[key],
    ...(key === 'p99' && goalP99 !== undefined ? { goal: { max: goalP99, of: 'measured' } } : {}),
  }));
};

/** p50/p99 per kind of read: which kind makes the tail. */
const byKind = (base: string, result: LoadResult): string => {
  const groups = new Map<RequestKind, number[]>();
  result.paths.forEach((path, index) => {
    const kind = requestKind(base, path);
    if (!kind) return;
    const latencies = groups.get(kind) ?? [];
    latencies.push(result.latenciesMs[index]!);
    groups.set(kind, latencies);
  });
  return [...groups]
    .map(([kind, latencies]) => {
      const { p50, p99 } = summarize(latencies);
      return `${kind} ${p50.toFixed(0)}/${p99.toFixed(0)}`;
    })
    .join(', ');
};

const describeProcess = ({ observations }: Comparison): string => {
  const worst = (key: keyof ProcessObservation) =>
    Math.max(...observations.map((observation) => observation[key])).toFixed(0);
  const gcTotal = observations.reduce((sum, observation) => sum + observation.gcPauseTotalMs, 0);
  return `event-loop delay p99 ${worst('loopDelayP99Ms')} ms (max ${worst('loopDelayMaxMs')}), GC pauses ${gcTotal.toFixed(0)} ms in total (longest ${worst('gcPauseMaxMs')})`;
};

export const runApiSection = async ({
  durationMs,
}: {
  durationMs: number;
}): Promise<SectionReport> => {
  const vcsim = await startVcsim(API_MODEL);
  const child = startChild(childModule, ['--expose-gc']);
  try {
    const server = await child.call<ApiServer>('start', {
      target: { sdkUrl: vcsim.sdkUrl, username: vcsim.username, password: vcsim.password },
    });
    const mixed = await compare(
      child,
      server.origin,
      durationMs,
      () => OK_PATH,
      (client, sequence) => mixedPath(server.base, server.vmIds, client, sequence),
    );
    const fullList = await compare(
      child,
      server.origin,
      durationMs,
      () => PREPARED_VMS_PATH,
      () => `${server.base}/vms`,
    );

    const perSecond = (result: LoadResult) =>
      Math.round(result.latenciesMs.length / (durationMs / 1000)).toLocaleString('en-US');
    const listMiB = (server.fullListBytes / MIB).toFixed(1);
    const { before, atParity } = server.memory;
    return {
      id: 'api',
      title: `Inventory API: ${CLIENTS} concurrent clients over ${server.vmIds.length.toLocaleString('en-US')} VMs, ${durationMs / 1000} s per load (${ROUNDS} turns with its baseline, ${WARMUP_MS / 1000} s warm-up each)`,
      baseline: `the same load in the same app on ${OK_PATH} (a trivial JSON answer); for the full list, on ${PREPARED_VMS_PATH} (the same ${listMiB} MiB prepared in advance)`,
      notes: [
        'mixed reads: 40% one VM by id, 40% a page of 100 VMs, 10% hosts?detail=1, 10% the provider with its counts',
        `mixed reads by kind, p50/p99 ms: ${byKind(server.base, mixed.measured)}`,
        `requests/s: mixed ${perSecond(mixed.measured)} (baseline ${perSecond(mixed.baseline)}); full list ${perSecond(fullList.measured)} (baseline ${perSecond(fullList.baseline)})`,
        `BFF during mixed reads: ${describeProcess(mixed)}`,
        `BFF during full lists: ${describeProcess(fullList)}`,
        `BFF process: parity in ${(server.parityMs / 1000).toFixed(1)} s, RSS ${(before.rssBytes / MIB).toFixed(0)} → ${(atParity.rssBytes / MIB).toFixed(0)} MiB, JS heap ${(before.heapUsedBytes / MIB).toFixed(0)} → ${(atParity.heapUsedBytes / MIB).toFixed(0)} MiB`,
      ],
      figures: [
        ...percentileFigures('Mixed reads', mixed, 100),
        ...percentileFigures(`Full VM list (${listMiB} MiB)`, fullList),
      ],
    };
  } finally {
    await child.stop();
    await vcsim.stop();
  }
};
