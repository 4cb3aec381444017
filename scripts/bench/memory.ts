// Memory as the bench reports it: after two full collections (the child runs with --expose-gc), so
// what is left is what the measured code holds, not garbage waiting for the collector.

export type MemorySample = { rssBytes: number; heapUsedBytes: number };

export const sampleMemory = (): MemorySample => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the child with --expose-gc');
  collect();
  collect();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed };
};

export const MIB = 1024 * 1024;
