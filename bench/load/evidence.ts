/**
 * What the benchmark gathers besides latencies, to say where a slow request spent its time: the load
 * generator's own event loop and GC (it is one Node process sending 200 users' requests), the CPU
 * time and run-queue wait of the server, generator and PostgreSQL processes, the machine's CPU
 * pressure, and the server processes' own view through server-probe.mjs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type IntervalHistogram, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getPercentile } from '../measure.js';
import { summarizeLatencies } from './latency.js';
import type { RequestRecord } from './virtual-users.js';

export interface Distribution {
  count: number;
  p50?: number;
  p90?: number;
  p99?: number;
  max?: number;
  mean?: number;
}

/** What server-probe.mjs writes; durations in milliseconds. */
export interface ProbeSnapshot {
  pid: number;
  since: number;
  until: number;
  loopDelay: Distribution;
  loopUtilization: number;
  stalls: { at: number; ms: number }[];
  cpuMs: number;
  runQueueWaitMs: number;
  /** Involuntary context switches of the main thread: the scheduler took the CPU from it. */
  preemptions: number;
  /** Statements sent to PostgreSQL, and the time the event loop spent inside those calls (the socket write). */
  queries: number;
  querySendMs: number;
  gc: { minor: Distribution; major: Distribution; other: Distribution; totalMs: number };
  pool: { size: number; wait: Distribution; waitOver: Record<'10' | '50' | '100', number>; hold: Distribution; maxWaiting: number; maxBusy: number };
  http: Distribution & { maxInFlight: number };
  connectionsAccepted: number;
  requests: [id: string, serverMs: number, checkouts: number, poolWaitMs: number, startedAt: number, connectionAcceptedAt?: number][];
}

export interface CpuUse {
  /** CPU time used (user + system). */
  cpuMs: number;
  /** Time spent runnable but waiting for a CPU (the scheduler's run-queue wait). */
  runQueueWaitMs: number;
}

export interface GeneratorEvidence extends CpuUse {
  loopDelay: Distribution;
  gc: { count: number; totalMs: number; p99: number; max: number };
}

const NS_PER_MS = 1e6;

/** /proc/PID/schedstat: CPU time and run-queue wait of the process's main thread, in ms (zero where unreadable). */
export function readSchedstat(pid: number | 'self'): CpuUse {
  try {
    const [cpuNs, waitNs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { cpuMs: cpuNs! / NS_PER_MS, runQueueWaitMs: waitNs! / NS_PER_MS };
  } catch {
    return { cpuMs: 0, runQueueWaitMs: 0 };
  }
}

/** Microseconds during which at least one task waited for a CPU (Linux pressure stall information). */
function readCpuPressureMicros(): number {
  try {
    return Number(/^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** The PostgreSQL cluster listening on `port`: the postmaster (its command line names the port) and its children. */
export function listPostgresPids(port: number): number[] {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
        return { pid: Number(name), ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), cmdline };
      } catch {
        return undefined;
      }
    })
    .filter((entry) => entry !== undefined);
  const postmaster = processes.find((p) => p.cmdline[0]?.endsWith('/postgres') && p.cmdline.some((arg, i) => (arg === '-p' && p.cmdline[i + 1] === String(port)) || arg === `-p ${port}` || arg.includes(`-p ${port} `)));
  if (!postmaster) return [];
  return [postmaster.pid, ...processes.filter((p) => p.ppid === postmaster.pid).map((p) => p.pid)];
}

/**
 * CPU and run-queue wait of a changing set of processes over a window (PostgreSQL starts a backend per
 * connection): processes seen at the start count from there, those started since count whole.
 */
export function watchProcesses(listPids: () => number[]): { stop(): CpuUse } {
  const before = new Map(listPids().map((pid) => [pid, readSchedstat(pid)]));
  return {
    stop() {
      const total: CpuUse = { cpuMs: 0, runQueueWaitMs: 0 };
      for (const pid of listPids()) {
        const now = readSchedstat(pid);
        const then = before.get(pid) ?? { cpuMs: 0, runQueueWaitMs: 0 };
        total.cpuMs += now.cpuMs - then.cpuMs;
        total.runQueueWaitMs += now.runQueueWaitMs - then.runQueueWaitMs;
      }
      return total;
    },
  };
}

/** Share of the window during which some task on the machine waited for a CPU; NaN where unknown. */
export function watchCpuPressure(): { stop(): number } {
  const startMicros = readCpuPressureMicros();
  const start = performance.now();
  return { stop: () => (readCpuPressureMicros() - startMicros) / ((performance.now() - start) * 1000) };
}

const fromHistogram = (histogram: IntervalHistogram): Distribution => ({
  count: histogram.count,
  p50: histogram.percentile(50) / NS_PER_MS,
  p90: histogram.percentile(90) / NS_PER_MS,
  p99: histogram.percentile(99) / NS_PER_MS,
  max: histogram.max / NS_PER_MS,
  mean: histogram.mean / NS_PER_MS,
});

/** This process's event-loop delay, GC pauses and CPU use from now until stop(): the load generator's side. */
export function watchGenerator(): { stop(): GeneratorEvidence } {
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const before = readSchedstat('self');
  return {
    stop() {
      loopDelay.disable();
      observer.disconnect();
      const after = readSchedstat('self');
      const gc = summarizeLatencies(pauses);
      return {
        loopDelay: fromHistogram(loopDelay),
        gc: { count: gc.count, totalMs: pauses.reduce((sum, ms) => sum + ms, 0), p99: gc.p99, max: gc.max },
        cpuMs: after.cpuMs - before.cpuMs,
        runQueueWaitMs: after.runQueueWaitMs - before.runQueueWaitMs,
      };
    },
  };
}

export interface SlowestAttribution {
  /** Requests at or above the client-side percentile. */
  count: number;
  thresholdMs: number;
  /** Means over those requests, in ms: what the client measured, and how much of it the server saw. */
  clientMs: number;
  serverMs: number;
  poolWaitMs: number;
  checkouts: number;
  /**
   * Outside the server: from sending to the request being handed to the socket (the generator's own delay, and connecting), from
   * then to the server having parsed it (sockets, the server accepting and reading), and from its
   * last byte sent to the client having read the body.
   */
  inGeneratorMs: number;
  beforeServerMs: number;
  afterServerMs: number;
  /** Of those requests, how many were the first on a new connection, and for those the mean ms from undici writing them to the server accepting the connection. */
  onNewConnection: number;
  writtenToAcceptedMs: number;
  /** Of those requests, how many the probe had no record of. */
  unmatched: number;
}

/**
 * Lines the slowest requests (client-side, at or above `fraction`) up with the server's record of the
 * same X-Request-Id: how much of their time was spent waiting for a pool client, how much elsewhere in
 * the server, and how much outside it (the generator's event loop, sockets, the kernel).
 */
export function attributeSlowest(records: RequestRecord[], probes: ProbeSnapshot[], fraction: number): SlowestAttribution {
  const seen = new Map<string, ProbeSnapshot['requests'][number]>();
  for (const probe of probes) for (const entry of probe.requests) seen.set(entry[0], entry);
  const thresholdMs = getPercentile(records.map((r) => r.ms).sort((a, b) => a - b), fraction);
  const slowest = records.filter((r) => r.ms >= thresholdMs);
  const matched = slowest.map((r) => ({ record: r, entry: seen.get(r.requestId) })).filter((m) => m.entry !== undefined);
  const mean = (values: number[]) => (values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : Number.NaN);
  return {
    count: slowest.length,
    thresholdMs,
    clientMs: mean(matched.map((m) => m.record.ms)),
    serverMs: mean(matched.map((m) => m.entry![1])),
    poolWaitMs: mean(matched.map((m) => m.entry![3])),
    checkouts: mean(matched.map((m) => m.entry![2])),
    inGeneratorMs: mean(matched.map((m) => (Number.isNaN(m.record.writtenAt) ? m.record.sentAt : m.record.writtenAt) - m.record.sentAt)),
    beforeServerMs: mean(matched.map((m) => m.entry![4] - (Number.isNaN(m.record.writtenAt) ? m.record.sentAt : m.record.writtenAt))),
    afterServerMs: mean(matched.map((m) => m.record.sentAt + m.record.ms - (m.entry![4] + m.entry![1]))),
    onNewConnection: matched.filter((m) => m.entry![5] !== undefined).length,
    writtenToAcceptedMs: mean(matched.filter((m) => m.entry![5] !== undefined).map((m) => m.entry![5]! - (Number.isNaN(m.record.writtenAt) ? m.record.sentAt : m.record.writtenAt))),
    unmatched: slowest.length - matched.length,
  };
}

/** Reads a probe's snapshot once it is there (the probe writes it whole and renames it). */
export async function readProbeSnapshot(path: string, timeoutMs = 5_000): Promise<ProbeSnapshot | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as ProbeSnapshot;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}
