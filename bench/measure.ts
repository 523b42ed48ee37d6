import { performance } from 'node:perf_hooks';

/** Distribution of the timed runs of one task, in milliseconds. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export interface MeasureOptions<T> {
  runs: number;
  /** Untimed rounds first, so JIT compilation, caches and plans are warm. */
  warmUps?: number;
  /** Untimed per-round setup (a fresh database…) whose result every task of the round receives. */
  prepare?: () => Promise<T>;
}

type Task<T> = (prepared: T) => Promise<unknown>;

/** Nearest-rank percentile of ascending samples; every figure of the suite uses this definition. */
export function getPercentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50: getPercentile(sorted, 0.5), p95: getPercentile(sorted, 0.95), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

/**
 * The one timing loop of the suite. Runs warmUps + runs rounds and times only the last runs; each
 * round runs every task once, in turn, so tasks compared with each other (API and SQL) share the
 * same machine conditions instead of one of them getting the quieter minute.
 */
export async function measure<K extends string, T = undefined>(options: MeasureOptions<T>, tasks: Record<K, Task<T>>): Promise<Record<K, Timing>> {
  const { runs, warmUps = 0, prepare } = options;
  const entries = Object.entries(tasks) as [K, Task<T>][];
  const samples = new Map<K, number[]>(entries.map(([name]) => [name, []]));
  for (let round = 0; round < warmUps + runs; round++) {
    const prepared = (prepare ? await prepare() : undefined) as T;
    for (const [name, task] of entries) {
      const start = performance.now();
      await task(prepared);
      const elapsed = performance.now() - start;
      if (round >= warmUps) samples.get(name)!.push(elapsed);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, summarize(samples.get(name)!)])) as Record<K, Timing>;
}
