/**
 * Loaded into each server process the benchmark starts (`node --import …/server-probe.mjs`), so the
 * load test can see inside the server without a line of server code: event-loop delay, GC pauses,
 * the node-postgres pool (time from asking for a client to getting one, clients waiting, time held),
 * the server-side latency of each HTTP request, and the CPU time and run-queue wait of the main
 * thread. Plain JavaScript so the server runs exactly as in production (no TypeScript loader).
 *
 * Each request that carries an X-Request-Id header (the benchmark's do) is also followed alone: its
 * time in the server, how many pool clients it asked for and how long it waited for them, so the
 * benchmark can say where its slowest requests spent their time.
 *
 * On SIGUSR2 it writes what it saw since the previous SIGUSR2 (or since start) as JSON to
 * TELAR_LOAD_PROBE_FILE and starts afresh; the benchmark signals once when its window opens and once
 * when it closes. Durations are in milliseconds.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import dc from 'node:diagnostics_channel';
import http from 'node:http';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHistogram, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

const outputPath = process.env.TELAR_LOAD_PROBE_FILE;
/** Event-loop delay sampling period; a stall of N ms shows as a delay of about N ms whatever this is. */
const LOOP_RESOLUTION_MS = 5;
/** Stalls of the event loop at least this long are listed with their time, to line them up with slow requests. */
const STALL_MS = 50;
const MAX_STALLS = 200;

// histograms of perf_hooks hold integers ≥ 1: durations are recorded in microseconds.
const toMicros = (ms) => Math.max(1, Math.round(ms * 1000));
const summarize = (histogram) =>
  histogram.count === 0
    ? { count: 0 }
    : {
        count: histogram.count,
        p50: histogram.percentile(50) / 1000,
        p90: histogram.percentile(90) / 1000,
        p99: histogram.percentile(99) / 1000,
        max: histogram.max / 1000,
        mean: histogram.mean / 1000,
      };

/**
 * CPU time and run-queue wait of this process's main thread (the event loop), in ms, and how often the
 * scheduler took the CPU from it while it could still run (involuntary context switches); Linux only.
 */
function readSchedstat() {
  try {
    const [cpuNs, waitNs] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(' ').map(Number);
    const preemptions = Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync('/proc/thread-self/status', 'utf8'))?.[1]);
    return { cpuMs: cpuNs / 1e6, runQueueWaitMs: waitNs / 1e6, preemptions };
  } catch {
    return { cpuMs: Number.NaN, runQueueWaitMs: Number.NaN, preemptions: Number.NaN };
  }
}

let state;
function resetState() {
  state = {
    since: Date.now(),
    loopUtilization: performance.eventLoopUtilization(),
    schedstat: readSchedstat(),
    gc: { minor: createHistogram(), major: createHistogram(), other: createHistogram(), totalMs: 0 },
    poolWait: createHistogram(),
    poolHold: createHistogram(),
    poolMaxWaiting: 0,
    poolMaxBusy: 0,
    poolWaitOver: { 10: 0, 50: 0, 100: 0 },
    http: createHistogram(),
    httpMaxInFlight: 0,
    stalls: [],
    requests: [],
    connectionsAccepted: 0,
    queries: 0,
    querySendMs: 0,
  };
  loopDelay.reset();
}

const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loopDelay.enable();
resetState();

// A timer that notices how late it fires, to date the long stalls (the histogram has no times).
let expectedAt = performance.now() + LOOP_RESOLUTION_MS;
setInterval(() => {
  const now = performance.now();
  const lateMs = now - expectedAt;
  if (lateMs >= STALL_MS && state.stalls.length < MAX_STALLS) state.stalls.push({ at: Date.now() - lateMs, ms: Math.round(lateMs) });
  expectedAt = now + LOOP_RESOLUTION_MS;
}, LOOP_RESOLUTION_MS).unref();

// GC kinds of perf_hooks: 1 minor (scavenge), 2 major (mark-compact), 4 incremental marking, 8 weak callbacks.
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = entry.detail?.kind ?? entry.kind;
    const histogram = kind === 1 ? state.gc.minor : kind === 2 ? state.gc.major : state.gc.other;
    histogram.record(toMicros(entry.duration));
    state.gc.totalMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

// node-postgres: pool.query() and the transactions' pool.connect() both go through Pool#connect.
const require = createRequire(new URL('../../apps/server/package.json', import.meta.url));
const pg = require('pg');
const observedPools = new WeakSet();
const originalConnect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function connect(callback) {
  const pool = this;
  if (!observedPools.has(pool)) {
    observedPools.add(pool);
    const acquiredAt = new WeakMap();
    pool.on('acquire', (client) => acquiredAt.set(client, performance.now()));
    pool.on('release', (_error, client) => {
      const at = acquiredAt.get(client);
      if (at !== undefined) state.poolHold.record(toMicros(performance.now() - at));
    });
  }
  const askedAt = performance.now();
  const request = requestContext.getStore();
  // A request may ask for several clients at once (Promise.all): its waiting time is the time during
  // which at least one of its requests for a client was pending, not their sum.
  if (request && request.pending++ === 0) request.pendingSince = askedAt;
  state.poolMaxWaiting = Math.max(state.poolMaxWaiting, pool.waitingCount + 1);
  const recordWait = () => {
    const waitedMs = performance.now() - askedAt;
    state.poolWait.record(toMicros(waitedMs));
    if (request) {
      request.checkouts++;
      if (--request.pending === 0) request.poolWaitMs += performance.now() - request.pendingSince;
    }
    for (const threshold of [10, 50, 100]) if (waitedMs >= threshold) state.poolWaitOver[threshold]++;
    state.poolMaxBusy = Math.max(state.poolMaxBusy, pool.totalCount - pool.idleCount);
  };
  if (typeof callback === 'function') {
    return originalConnect.call(pool, (error, client, done) => {
      recordWait();
      callback(error, client, done);
    });
  }
  return originalConnect.call(pool).then((client) => {
    recordWait();
    return client;
  });
};

// Each statement: Client#query writes it to PostgreSQL's socket synchronously (a loopback TCP write
// that wakes the backend); the time spent inside the call is time the event loop is held.
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function query(...args) {
  const start = performance.now();
  try {
    return originalQuery.apply(this, args);
  } finally {
    state.queries++;
    state.querySendMs += performance.now() - start;
    const request = requestContext.getStore();
    if (request) request.queries++;
  }
};

// Server-side latency: from the request's headers being parsed to the last byte of the answer handed to
// the socket. The request listener runs inside an AsyncLocalStorage context, so the pool patch above
// knows which request asked for a client.
const requestContext = new AsyncLocalStorage();
const contexts = new WeakMap();
let inFlight = 0;
/** When each connection was accepted and how many requests it has carried, to tell a new connection's first request from the others. */
const connections = new WeakMap();
dc.subscribe('http.server.request.start', ({ request, socket }) => {
  const connection = connections.get(socket) ?? { acceptedAt: Number.NaN, requests: 0 };
  connection.requests++;
  contexts.set(request, {
    id: request.headers['x-request-id'],
    startedAt: performance.now(),
    checkouts: 0,
    poolWaitMs: 0,
    pending: 0,
    pendingSince: 0,
    queries: 0,
    acceptedAt: connection.requests === 1 ? connection.acceptedAt : undefined,
  });
  inFlight++;
  state.httpMaxInFlight = Math.max(state.httpMaxInFlight, inFlight);
});
const originalEmit = http.Server.prototype.emit;
http.Server.prototype.emit = function emit(event, request, ...rest) {
  if (event === 'connection') {
    connections.set(request, { acceptedAt: performance.now(), requests: 0 });
    state.connectionsAccepted++;
  }
  const context = event === 'request' ? contexts.get(request) : undefined;
  return context ? requestContext.run(context, () => originalEmit.call(this, event, request, ...rest)) : originalEmit.call(this, event, request, ...rest);
};
dc.subscribe('http.server.response.finish', ({ request }) => {
  const context = contexts.get(request);
  if (!context) return;
  inFlight--;
  const serverMs = performance.now() - context.startedAt;
  state.http.record(toMicros(serverMs));
  // The start as wall-clock time (performance.timeOrigin is shared with the benchmark's clock), to split the time outside the server into before and after.
  // For a connection's first request, also when the connection was accepted.
  if (typeof context.id === 'string') {
    const entry = [context.id, round(serverMs), context.checkouts, round(context.poolWaitMs), round(performance.timeOrigin + context.startedAt)];
    if (context.acceptedAt !== undefined) entry.push(round(performance.timeOrigin + context.acceptedAt));
    state.requests.push(entry);
  }
});
const round = (ms) => Math.round(ms * 10) / 10;

function takeSnapshot() {
  const schedstat = readSchedstat();
  const utilization = performance.eventLoopUtilization(state.loopUtilization);
  return {
    pid: process.pid,
    since: state.since,
    until: Date.now(),
    loopDelay: {
      count: loopDelay.count,
      // The delay beyond the sampling period, as monitorEventLoopDelay reports it.
      p50: loopDelay.percentile(50) / 1e6,
      p90: loopDelay.percentile(90) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
      mean: loopDelay.mean / 1e6,
    },
    loopUtilization: utilization.utilization,
    stalls: state.stalls,
    cpuMs: schedstat.cpuMs - state.schedstat.cpuMs,
    runQueueWaitMs: schedstat.runQueueWaitMs - state.schedstat.runQueueWaitMs,
    preemptions: schedstat.preemptions - state.schedstat.preemptions,
    /** Statements sent to PostgreSQL (Client#query: each a write to its socket and a round trip). */
    queries: state.queries,
    /** Time the event loop spent inside those calls (writing the statement to the socket), in ms. */
    querySendMs: state.querySendMs,
    gc: { minor: summarize(state.gc.minor), major: summarize(state.gc.major), other: summarize(state.gc.other), totalMs: state.gc.totalMs },
    pool: {
      size: Number(process.env.TELAR_DB_POOL_SIZE ?? 10),
      wait: summarize(state.poolWait),
      waitOver: state.poolWaitOver,
      hold: summarize(state.poolHold),
      maxWaiting: state.poolMaxWaiting,
      maxBusy: state.poolMaxBusy,
    },
    http: { ...summarize(state.http), maxInFlight: state.httpMaxInFlight },
    connectionsAccepted: state.connectionsAccepted,
    /** [X-Request-Id, ms in the server, pool checkouts, ms waiting for the pool, wall-clock ms it started, and for a connection's first request wall-clock ms the connection was accepted] per request. */
    requests: state.requests,
  };
}

process.on('SIGUSR2', () => {
  const snapshot = takeSnapshot();
  resetState();
  if (!outputPath) return;
  // Written whole then renamed, so the benchmark never reads half a file.
  writeFileSync(`${outputPath}.tmp`, JSON.stringify(snapshot));
  renameSync(`${outputPath}.tmp`, outputPath);
});
