/** Latency percentiles of one run, in milliseconds. */
export type LatencySummary = { p50: number; p95: number };

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Nearest-rank percentile (a value that was actually observed); `sorted` ascending, non-empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summariseLatencies(valuesMs: readonly number[]): LatencySummary {
  const sorted = [...valuesMs].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1) };
}

export function perSecond(count: number, durationMs: number): number {
  return round(count / (durationMs / 1000), 2);
}

/** `numerator / denominator`, three decimals: the share of the baseline's throughput that is achieved. */
export function throughputRatio(numerator: number, denominator: number): number {
  return round(numerator / denominator, 3);
}
