// Summaries of timing samples. Percentiles use the nearest-rank method: every figure printed is a
// sample that was really observed, never an interpolation between two.

/** The p-th percentile (0 < p ≤ 100) of the samples; NaN when there are none. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
};

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export type LatencySummary = { count: number; p50: number; p95: number; p99: number };

export const summarize = (samples: readonly number[]): LatencySummary => ({
  count: samples.length,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
});
