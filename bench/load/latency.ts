import { getPercentile } from '../measure.js';

/** Latency distribution of a set of requests, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles, as everywhere in bench/. */
export function summarizeLatencies(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (fraction: number) => getPercentile(sorted, fraction);
  return { count: sorted.length, p50: pick(0.5), p95: pick(0.95), p99: pick(0.99), max: sorted.at(-1) ?? Number.NaN };
}
