/**
 * `npm run bench:load`: 200 virtual users against the built server on a throwaway PostgreSQL, each
 * signed in on its own from its own client address (X-Forwarded-For), for 60 s with one server
 * process and then for 60 s with two processes on the same database (users split between them);
 * then a run during which the server is killed (SIGKILL) and restarted; after each run, a check in
 * the database that every acknowledged write is there, whole. Each run is printed next to a baseline
 * measured in the same run (one user alone; one process for the two-process run), with the evidence
 * of where the time went (bench/load/README.md). Loopback only; stops and cleans up by itself.
 *
 * BENCH_LOAD_USERS (default 200) sets the number of virtual users. BENCH_LOAD_PROCESSES: which steady runs, "1", "2" or "1,2" (default). BENCH_LOAD_FAULT=0 skips the
 * fault run; BENCH_LOAD_PROBE=0 runs the servers without server-probe.mjs. TELAR_DB_POOL_SIZE and the
 * other server settings pass through to the server processes. BENCH_LOAD_DUMP=DIR writes each steady
 * run's requests and probe snapshots there as JSON, for a closer look. BENCH_LOAD_SECOND_ENV="K=V …"
 * adds settings to the second process only: on a shared machine whose load changes from one minute to
 * the next, two settings are compared fairly only side by side, in the same minute (the two-process run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findFreePort } from '../../apps/server/src/test/free-port.js';
import { type PostgresCluster, startPostgresCluster } from '../../apps/server/src/test/postgres-cluster.js';
import { attemptSignIn } from './api-client.js';
import {
  attributeSlowest,
  type CpuUse,
  type Distribution,
  type GeneratorEvidence,
  listPostgresPids,
  type ProbeSnapshot,
  watchCpuPressure,
  watchGenerator,
  watchProcesses,
} from './evidence.js';
import { type LatencySummary, summarizeLatencies } from './latency.js';
import { BODY_ACRONYM, type LoadFixtures, prepareFixtures } from './prepare-fixtures.js';
import { runTelarCommand, startTelarServer, type TelarServer } from './telar-process.js';
import { verifyWrites, type WriteCheck } from './verify-writes.js';
import { assignUsers, type LoadResult, releaseUsers, type RequestRecord, runVirtualUsers, type SignInResult, signInUsers, THINK_MS, type VirtualUser } from './virtual-users.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_PATH = fileURLToPath(new URL('../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url));
/** The target is 200; BENCH_LOAD_USERS changes it for experiments (the report says how many ran). */
const USERS = Math.max(1, Math.trunc(Number(process.env.BENCH_LOAD_USERS) || 200));
const STEADY_MS = 60_000;
const FAULT_MS = 30_000;
const KILL_AFTER_MS = 12_000;
/** One user alone, without pauses: what a request costs on this machine as loaded now, with no queue. */
const BASELINE_MS = 10_000;
/** The users sign in at moments spread over this long before each run. */
const SIGN_IN_SPREAD_MS = 5_000;
const TARGETS = { p99Ms: 300, serverErrors: 0, lost: 0, halfWritten: 0 };
/** Whatever happens, the benchmark ends (and cleans up) by then. */
const HARD_DEADLINE_MS = 10 * 60_000;
const ADMIN = { email: 'admin-carga@prueba.telar.mx', password: 'clave-de-administracion-2024' };
/** The server's sign-in limit per client address and minute (TELAR_LOGIN_ATTEMPTS_PER_MINUTE). */
const LOGIN_LIMIT = Number(process.env.TELAR_LOGIN_ATTEMPTS_PER_MINUTE ?? 10);
/** Where the X-Forwarded-For check claims to come from, apart from users and setup. */
const CHECK_ADDRESS_PREFIX = '198.19.1.';
const PROCESS_COUNTS = (process.env.BENCH_LOAD_PROCESSES ?? '1,2').split(',').map(Number);
if (!PROCESS_COUNTS.length || PROCESS_COUNTS.some((n) => n !== 1 && n !== 2)) throw new Error(`BENCH_LOAD_PROCESSES is "1", "2" or "1,2", not "${process.env.BENCH_LOAD_PROCESSES}".`);
const RUN_FAULT = process.env.BENCH_LOAD_FAULT !== '0';
const USE_PROBE = process.env.BENCH_LOAD_PROBE !== '0';
const SECOND_ENV: Record<string, string> = Object.fromEntries(
  (process.env.BENCH_LOAD_SECOND_ENV ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const describeSecondEnv = () => Object.entries(SECOND_ENV).map(([key, value]) => `${key}=${value}`).join(' ');

const startedAt = performance.now();
const logProgress = (message: string) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);
const formatMs = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const formatShare = (value: number) => (Number.isNaN(value) ? '—' : `${(value * 100).toFixed(0)} %`);
const markMet = (isMet: boolean) => (isMet ? '✓' : '✗');
/** Other work on the machine competes with server and clients, so every figure is read against it. */
const describeMachine = () => `${availableParallelism()} CPUs, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}`;

let cluster: PostgresCluster | undefined;
const servers: TelarServer[] = [];
let database: pg.Client | undefined;
let probeDir: string | undefined;

async function cleanUp() {
  await Promise.all(servers.splice(0).map((server) => server.stop('SIGTERM')));
  await database?.end().catch(() => {});
  database = undefined;
  cluster?.stop();
  cluster = undefined;
  if (probeDir) rmSync(probeDir, { recursive: true, force: true });
  probeDir = undefined;
}

function ensureBuilt() {
  if (existsSync(`${ROOT}apps/server/dist/cli.js`)) return;
  logProgress('apps/server/dist is missing: npm run build…');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
}

async function createDatabase(clusterUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query('create database telar_load');
  await admin.end();
  return clusterUrl.replace(/\/postgres$/, '/telar_load');
}

const readNow = async (client: pg.Client) => (await client.query<{ now: string }>('select clock_timestamp()::text as now')).rows[0]!.now;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Whether the server takes the client address from X-Forwarded-For (TELAR_TRUST_PROXY=1): one more
 * sign-in than the per-address limit, each from another claimed address. The password is empty, so
 * the server refuses them (400) before any password hashing, but the limit counts them all the same.
 */
async function isForwardedForHonoured(baseUrl: string): Promise<boolean> {
  for (let i = 1; i <= LOGIN_LIMIT + 1; i++) {
    const attempt = await attemptSignIn(baseUrl, 'nadie@prueba.telar.mx', '', { forwardedFor: `${CHECK_ADDRESS_PREFIX}${i}` });
    if (attempt.status === 429) return false;
  }
  return true;
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────────

const latencyColumns = (summary: LatencySummary) =>
  `p50 ${formatMs(summary.p50).padStart(7)}  p95 ${formatMs(summary.p95).padStart(7)}  p99 ${formatMs(summary.p99).padStart(7)}  max ${formatMs(summary.max).padStart(8)}`;

function formatLatencyRow(label: string, records: RequestRecord[], baseline?: RequestRecord[]) {
  const summary = summarizeLatencies(records.map((r) => r.ms));
  const serverErrors = records.filter((r) => r.status >= 500).length;
  const clientErrors = records.filter((r) => r.status >= 400 && r.status < 500).length;
  const compared = baseline?.length ? `   │ ${latencyColumns(summarizeLatencies(baseline.map((r) => r.ms)))}` : '';
  return `  ${label.padEnd(24)} ${String(summary.count).padStart(7)}  ${latencyColumns(summary)}  4xx ${String(clientErrors).padStart(4)}  5xx ${String(serverErrors).padStart(4)}${compared}`;
}

/** Latency rows (all, reads, writes, each operation), each beside the same rows of `baseline` when given. */
function printLatencyTable(records: RequestRecord[], baseline?: { label: string; records: RequestRecord[] }) {
  if (baseline) console.log(`  ${''.padEnd(24)} ${''.padStart(7)}  ${'this run'.padEnd(54)}${''.padEnd(21)}   │ ${baseline.label}`);
  const inBaseline = (filter: (r: RequestRecord) => boolean) => baseline?.records.filter(filter);
  console.log(formatLatencyRow('all', records, baseline?.records));
  for (const kind of ['read', 'write'] as const) {
    console.log(formatLatencyRow(`${kind}s`, records.filter((r) => r.kind === kind), inBaseline((r) => r.kind === kind)));
  }
  for (const [operation, subset] of [...groupBy(records, (r) => r.operation)].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(formatLatencyRow(`  ${operation}`, subset, inBaseline((r) => r.operation === operation)));
  }
}

function printTargets(result: LoadResult) {
  const overall = summarizeLatencies(result.records.map((r) => r.ms));
  const serverErrors = result.records.filter((r) => r.status >= 500).length;
  console.log(`  ${markMet(serverErrors <= TARGETS.serverErrors)} 5xx ${serverErrors} (target ${TARGETS.serverErrors})   ${markMet(overall.p99 <= TARGETS.p99Ms)} p99 ${formatMs(overall.p99)} (target ≤ ${TARGETS.p99Ms} ms)`);
  console.log(`  connection errors ${result.connectionErrors} (of which timeouts ${result.timeouts}), writes in doubt ${result.inDoubtWrites}`);
}

function describeThroughput(result: LoadResult) {
  const byStatus = [...groupBy(result.records, (r) => String(r.status))].map(([status, subset]) => `${status}: ${subset.length}`);
  return `requests ${result.records.length} in ${formatSeconds(result.elapsedMs)} → ${(result.records.length / (result.elapsedMs / 1000)).toFixed(0)} req/s; statuses ${byStatus.join(', ')}`;
}

function printWriteCheck(check: WriteCheck, inDoubtWrites: number) {
  console.log(`  ${markMet(check.lost === TARGETS.lost)} acknowledged ${check.acknowledged}, found ${check.found}, lost ${check.lost} (target ${TARGETS.lost})`);
  console.log(
    `  ${markMet(check.unacknowledgedInDatabase <= inDoubtWrites)} written but not acknowledged ${check.unacknowledgedInDatabase} (at most the ${inDoubtWrites} writes in doubt)`,
  );
  console.log(`  ${markMet(check.halfWritten === TARGETS.halfWritten)} half-written acknowledged ${check.halfWritten} (target ${TARGETS.halfWritten}); incomplete rows written during the run ${check.incompleteInDatabase}`);
  for (const example of check.examples) console.log(`    e.g. ${example}`);
}

function printServerErrors(log: string) {
  const lines = log.split('\n').filter((line) => /^\[[^\]]+\]|Error/.test(line));
  if (lines.length) console.log(`  server log errors (${lines.length} lines, first 10):\n${lines.slice(0, 10).map((line) => `    ${line}`).join('\n')}`);
}

function printSignIn(result: SignInResult, users: number) {
  const summary = summarizeLatencies(result.records.map((r) => r.ms));
  const byStatus = [...groupBy(result.records, (r) => String(r.status))].map(([status, subset]) => `${status}: ${subset.length}`);
  console.log(
    `  sign-in: ${users - result.failed} of ${users} users signed in on their own within ${formatSeconds(result.elapsedMs)} (${byStatus.join(', ')}${result.connectionErrors ? `, no answer: ${result.connectionErrors}` : ''}); ${latencyColumns(summary)}`,
  );
}

const describeDistribution = (d: Distribution | undefined) => (d && d.count ? `p50 ${formatMs(d.p50)} p99 ${formatMs(d.p99)} max ${formatMs(d.max)}` : 'none');
const describeCpu = (use: CpuUse, elapsedMs: number) =>
  `CPU ${formatSeconds(use.cpuMs)} (${formatShare(use.cpuMs / elapsedMs)} of one), waited for a CPU ${formatSeconds(use.runQueueWaitMs)}`;

/** PostgreSQL's own account of the database's sessions (pg_stat_database, PostgreSQL 14+), in ms. */
interface DatabaseTime {
  /** Executing statements. */
  activeMs: number;
  /** Inside a transaction, waiting for the client's next statement: the server's side of a transaction. */
  idleInTransactionMs: number;
  commits: number;
}

async function readDatabaseTime(client: pg.Client): Promise<DatabaseTime> {
  // Backends report their counters at most once a second; the snapshot is cleared so this read is fresh.
  await client.query('select pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ active: number; idle: number; commits: number }>(
    `select coalesce(active_time, 0)::float8 as active, coalesce(idle_in_transaction_time, 0)::float8 as idle, xact_commit::float8 as commits
       from pg_stat_database where datname = current_database()`,
  );
  return { activeMs: rows[0]!.active, idleInTransactionMs: rows[0]!.idle, commits: rows[0]!.commits };
}

interface WindowEvidence {
  elapsedMs: number;
  database: DatabaseTime;
  /** Share of the window during which some task on the machine waited for a CPU. */
  cpuPressure: number;
  loadAverage: number[];
  generator: GeneratorEvidence;
  postgres: CpuUse & { processes: number };
  /** One per server process, in the order of the servers. */
  probes: (ProbeSnapshot | undefined)[];
  /** Whole-process CPU (all threads) of each server, from /proc/PID/stat. */
  serverCpuSeconds: number[];
}

function printEvidence(evidence: WindowEvidence, result: LoadResult, serverUrls: string[]) {
  const { elapsedMs } = evidence;
  console.log(
    `  evidence over the ${formatSeconds(elapsedMs)} window — machine: ${describeMachine()}; some task waited for a CPU ${formatShare(evidence.cpuPressure)} of the time`,
  );
  const { generator } = evidence;
  console.log(
    `    generator (this process)  event-loop delay ${describeDistribution(generator.loopDelay)}; GC ${generator.gc.count} pauses, ${formatMs(generator.gc.totalMs)} in all, p99 ${formatMs(generator.gc.p99)}, max ${formatMs(generator.gc.max)}; ${result.records.filter((r) => r.isNewConnection).length} connections opened; main thread ${describeCpu(generator, elapsedMs)}`,
  );
  const { database: dbTime } = evidence;
  console.log(
    `    PostgreSQL (${evidence.postgres.processes} processes)  ${describeCpu(evidence.postgres, elapsedMs)}; its sessions executed statements ${formatSeconds(dbTime.activeMs)}` +
      ` and sat idle inside a transaction, waiting for the server's next statement, ${formatSeconds(dbTime.idleInTransactionMs)}; ${dbTime.commits} commits`,
  );
  evidence.probes.forEach((probe, i) => {
    const label = serverUrls.length > 1 ? `server ${i + 1} (${serverUrls[i]}${i === 1 && describeSecondEnv() ? `, ${describeSecondEnv()}` : ''})` : 'server';
    const records = result.records.filter((r) => r.server === serverUrls[i]);
    if (!probe) {
      console.log(`    ${label}: CPU ${evidence.serverCpuSeconds[i]!.toFixed(1)} s (all threads); no probe`);
      return;
    }
    const { gc, pool, http } = probe;
    const gcPauses = gc.minor.count + gc.major.count + gc.other.count;
    const checkoutsPerRequest = http.count ? pool.wait.count / http.count : Number.NaN;
    console.log(
      `    ${label}  event-loop delay ${describeDistribution(probe.loopDelay)}, loop busy ${formatShare(probe.loopUtilization)} of the time; ${probe.stalls.length} stalls ≥ 50 ms; main thread ${describeCpu(probe, elapsedMs)}; all threads CPU ${evidence.serverCpuSeconds[i]!.toFixed(1)} s`,
    );
    console.log(
      `      ${probe.queries} statements to PostgreSQL (${(probe.queries / Math.max(1, http.count)).toFixed(1)} per request); the event loop spent ${formatSeconds(probe.querySendMs)} inside the calls that write them to its socket` +
        ` (${formatMs(probe.querySendMs / Math.max(1, probe.queries))} each on average); the scheduler took the CPU from the main thread ${probe.preemptions} times`,
    );
    console.log(
      `      GC ${gcPauses} pauses, ${formatMs(gc.totalMs)} in all; scavenges ${describeDistribution(gc.minor)}; mark-compact ${describeDistribution(gc.major)}; other ${describeDistribution(gc.other)}`,
    );
    console.log(
      `      pool of ${pool.size}: ${checkoutsPerRequest.toFixed(1)} checkouts per request, ${((pool.hold.count * (pool.hold.mean ?? 0)) / elapsedMs).toFixed(1)} clients in use on average; wait for a client ${describeDistribution(pool.wait)}; waited ≥ 10 ms ${formatShare(pool.waitOver[10] / pool.wait.count)}, ≥ 50 ms ${formatShare(pool.waitOver[50] / pool.wait.count)}; up to ${pool.maxWaiting} waiting; client held ${describeDistribution(pool.hold)}`,
    );
    const client = summarizeLatencies(records.map((r) => r.ms));
    console.log(`      time in the server ${describeDistribution(http)} (client-side p50 ${formatMs(client.p50)} p99 ${formatMs(client.p99)} max ${formatMs(client.max)}); up to ${http.maxInFlight} requests in flight; ${probe.connectionsAccepted} connections accepted`);
  });
  const probes = evidence.probes.filter((probe) => probe !== undefined);
  if (probes.length) {
    const slowest = attributeSlowest(result.records, probes, 0.99);
    console.log(
      `    slowest 1 % (${slowest.count} requests ≥ ${formatMs(slowest.thresholdMs)}): on average ${formatMs(slowest.clientMs)} = in the server ${formatMs(slowest.serverMs)} (of which waiting for a pool client ${formatMs(slowest.poolWaitMs)}, ${slowest.checkouts.toFixed(1)} checkouts)` +
        ` + in the generator before it was written to the socket ${formatMs(slowest.inGeneratorMs)} + from written to parsed by the server ${formatMs(slowest.beforeServerMs)} + after its answer left the server ${formatMs(slowest.afterServerMs)}` +
        (slowest.onNewConnection ? `; ${slowest.onNewConnection} were a new connection's first request, accepted ${formatMs(slowest.writtenToAcceptedMs)} after they were written` : '') +
        `${slowest.unmatched ? `; ${slowest.unmatched} not matched` : ''}`,
    );
  }
}

// ── Runs ──────────────────────────────────────────────────────────────────────────────────────────

interface SteadyRun {
  processes: number;
  serverUrls: string[];
  signIn: SignInResult;
  result: LoadResult;
  evidence: WindowEvidence;
  check: WriteCheck;
}

/** Opens an evidence window on every side (generator, PostgreSQL, servers, machine); stop() closes it. */
async function openEvidenceWindow(windowServers: TelarServer[], postgresPort: number) {
  await Promise.all(windowServers.map((server) => server.takeProbeSnapshot()));
  const generator = watchGenerator();
  const postgresPids = () => listPostgresPids(postgresPort);
  const postgres = watchProcesses(postgresPids);
  const pressure = watchCpuPressure();
  const cpuBefore = windowServers.map((server) => server.readCpuSeconds());
  const databaseBefore = await readDatabaseTime(database!);
  const start = performance.now();
  return {
    async stop(): Promise<WindowEvidence> {
      const elapsedMs = performance.now() - start;
      const cpuPressure = pressure.stop();
      const generatorEvidence = generator.stop();
      const postgresUse = postgres.stop();
      const serverCpuSeconds = windowServers.map((server, i) => server.readCpuSeconds() - cpuBefore[i]!);
      const probes = await Promise.all(windowServers.map((server) => server.takeProbeSnapshot()));
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // the backends' last report
      const databaseAfter = await readDatabaseTime(database!);
      const databaseTime = {
        activeMs: databaseAfter.activeMs - databaseBefore.activeMs,
        idleInTransactionMs: databaseAfter.idleInTransactionMs - databaseBefore.idleInTransactionMs,
        commits: databaseAfter.commits - databaseBefore.commits,
      };
      return { elapsedMs, database: databaseTime, cpuPressure, loadAverage: loadavg(), generator: generatorEvidence, postgres: { ...postgresUse, processes: postgresPids().length }, probes, serverCpuSeconds };
    },
  };
}

async function runSteady(runServers: TelarServer[], fixtures: LoadFixtures, runIndex: number, postgresPort: number, baseline: { label: string; records: RequestRecord[] }): Promise<SteadyRun> {
  const serverUrls = runServers.map((server) => server.baseUrl);
  const processes = runServers.length;
  const users = assignUsers(fixtures.accounts, serverUrls);
  logProgress(`${processes} process${processes > 1 ? 'es' : ''}: ${USERS} users sign in…`);
  const signIn = await signInUsers(users, SIGN_IN_SPREAD_MS);
  const signedIn = users.filter((user) => user.session);
  logProgress(`${processes} process${processes > 1 ? 'es' : ''}: steady load, ${signedIn.length} users for ${STEADY_MS / 1000} s…`);
  const since = await readNow(database!);
  const window = await openEvidenceWindow(runServers, postgresPort);
  const result = await runVirtualUsers({ users: signedIn, durationMs: STEADY_MS, fixtures, firstSessionDate: firstSessionDateOf(runIndex) });
  const evidence = await window.stop();
  releaseUsers(users);
  const check = await verifyWrites(database!, result.acknowledged, since);
  if (process.env.BENCH_LOAD_DUMP) writeFileSync(join(process.env.BENCH_LOAD_DUMP, `steady-${processes}.json`), JSON.stringify({ records: result.records, evidence }));

  const title = processes === 1 ? 'one server process' : `${processes} server processes on one PostgreSQL, users split round-robin`;
  console.log(`\nSteady load, ${title} (${USERS} users, ${STEADY_MS / 1000} s, each user its own account, session and address)`);
  printSignIn(signIn, users.length);
  console.log(`  ${describeThroughput(result)}`);
  printLatencyTable(result.records, baseline);
  if (processes > 1) {
    serverUrls.forEach((url, i) => {
      console.log(`  server ${i + 1} (${url}${i === 1 && describeSecondEnv() ? `, ${describeSecondEnv()}` : ''}), ${users.filter((u) => u.baseUrl === url).length} users:`);
      console.log(formatLatencyRow('  all', result.records.filter((r) => r.server === url)));
      for (const kind of ['read', 'write'] as const) console.log(formatLatencyRow(`  ${kind}s`, result.records.filter((r) => r.server === url && r.kind === kind)));
    });
  }
  printTargets(result);
  printEvidence(evidence, result, serverUrls);
  printWriteCheck(check, result.inDoubtWrites);
  for (const server of runServers) printServerErrors(server.takeLog());
  return { processes, serverUrls, signIn, result, evidence, check };
}

/**
 * Each run dates the sessions it creates (one a day) from its own forty years on, so no two runs share a session's
 * identity; all before the seed's sessions and the follow-ups' date (2024-06-15), which may not come before their session.
 */
const firstSessionDateOf = (runIndex: number) => `${1800 + 40 * runIndex}-01-01`;

function printComparison(runs: SteadyRun[]) {
  if (runs.length < 2) return;
  console.log('\nOne process and two, measured in this run (all requests; p99 target ≤ 300 ms, 0 5xx, 0 lost):');
  for (const run of runs) {
    const summary = summarizeLatencies(run.result.records.map((r) => r.ms));
    const serverErrors = run.result.records.filter((r) => r.status >= 500).length;
    const poolWaitP99 = Math.max(...run.evidence.probes.map((probe) => probe?.pool.wait.p99 ?? Number.NaN));
    const serverLoopP99 = Math.max(...run.evidence.probes.map((probe) => probe?.loopDelay.p99 ?? Number.NaN));
    console.log(
      `  ${`${run.processes} process${run.processes > 1 ? 'es' : ''}`.padEnd(12)} ${(run.result.records.length / (run.result.elapsedMs / 1000)).toFixed(0).padStart(4)} req/s  ${latencyColumns(summary)}  5xx ${serverErrors}  lost ${run.check.lost}` +
        `  │ pool wait p99 ${formatMs(poolWaitP99)}, server loop delay p99 ${formatMs(serverLoopP99)}, generator loop delay p99 ${formatMs(run.evidence.generator.loopDelay.p99)}; CPU pressure ${formatShare(run.evidence.cpuPressure)}`,
    );
  }
}

async function main() {
  ensureBuilt();
  logProgress('throwaway PostgreSQL cluster…');
  cluster = await startPostgresCluster();
  const postgresPort = Number(new URL(cluster.url).port);
  const databaseUrl = await createDatabase(cluster.url);
  await runTelarCommand(['users', 'create-admin', '--email', ADMIN.email, '--name', 'Administración de carga', '--password', ADMIN.password], databaseUrl);
  logProgress(`importing ${SEED_PATH.split('/').pop()} into ${BODY_ACRONYM}…`);
  await runTelarCommand(['import', 'mechanism-report', SEED_PATH, '--body', BODY_ACRONYM], databaseUrl);
  probeDir = mkdtempSync(join(tmpdir(), 'telar-load-'));

  // The users' own addresses reach the server as X-Forwarded-For, which it honours with TELAR_TRUST_PROXY=1.
  const serverEnv: Record<string, string> = { TELAR_TRUST_PROXY: '1' };
  const startServer = async (port: number, extraEnv: Record<string, string> = {}) =>
    startTelarServer(port, databaseUrl, { env: { ...serverEnv, ...extraEnv }, probeFile: USE_PROBE ? join(probeDir!, `probe-${port}.json`) : undefined });
  const firstPort = await findFreePort();
  servers.push(await startServer(firstPort));
  const honoured = await isForwardedForHonoured(servers[0]!.baseUrl);
  if (!honoured) {
    // A server without TELAR_TRUST_PROXY sees every user at 127.0.0.1: the per-address limit is lifted for the run instead.
    await servers.pop()!.stop('SIGTERM');
    serverEnv.TELAR_LOGIN_ATTEMPTS_PER_MINUTE = String(10 * USERS);
    servers.push(await startServer(firstPort));
  }
  logProgress(`${USERS} accounts…`);
  const fixtures = await prepareFixtures(servers[0]!.baseUrl, ADMIN, USERS);
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  console.log(
    `\n${USERS} virtual users, each with its own account (secretariat of ${BODY_ACRONYM}), signing in on its own from its own address (X-Forwarded-For, 198.18.0.0/15).` +
      (honoured
        ? ` The server honours X-Forwarded-For (TELAR_TRUST_PROXY=1): the sign-in limit of ${LOGIN_LIMIT} per address and minute applies to each user.`
        : ` This server ignores X-Forwarded-For (no TELAR_TRUST_PROXY yet): every user is 127.0.0.1 to it, so the run lifts the sign-in limit to ${serverEnv.TELAR_LOGIN_ATTEMPTS_PER_MINUTE} per minute.`) +
      ` Mix 70 % reads / 30 % writes, ${THINK_MS.min / 1000}–${THINK_MS.max / 1000} s pause between a user's requests; pool of ${process.env.TELAR_DB_POOL_SIZE ?? 10} PostgreSQL connections per process.` +
      ` Each user has its own keep-alive connection, as a browser. Server, PostgreSQL and the load generator (this one Node process) share this machine: ${describeMachine()}.`,
  );

  logProgress(`baseline: 1 user alone, no pause, ${BASELINE_MS / 1000} s…`);
  const [baselineUser] = assignUsers(fixtures.accounts.slice(0, 1), [servers[0]!.baseUrl]) as [VirtualUser];
  await signInUsers([baselineUser], 0);
  const baseline = await runVirtualUsers({ users: [baselineUser], durationMs: BASELINE_MS, fixtures, firstSessionDate: firstSessionDateOf(0), thinkMs: { min: 0, max: 0 } });
  releaseUsers([baselineUser]);
  console.log(`\nBaseline: 1 user alone, one request after another, ${formatSeconds(baseline.elapsedMs)} on one process — ${describeThroughput(baseline)}`);
  console.log(formatLatencyRow('all', baseline.records));
  printServerErrors(servers[0]!.takeLog());

  const runs: SteadyRun[] = [];
  for (const processes of PROCESS_COUNTS) {
    while (servers.length < processes) servers.push(await startServer(await findFreePort(), SECOND_ENV));
    const comparedWith = runs.at(-1);
    const baselineRecords = comparedWith
      ? { label: `${comparedWith.processes} process, measured just before`, records: comparedWith.result.records }
      : { label: '1 user alone (baseline above)', records: baseline.records };
    runs.push(await runSteady(servers.slice(0, processes), fixtures, runs.length + 1, postgresPort, baselineRecords));
  }
  printComparison(runs);
  if (!RUN_FAULT) return;

  while (servers.length > 1) await servers.pop()!.stop('SIGTERM');
  const users = assignUsers(fixtures.accounts, [servers[0]!.baseUrl]);
  await signInUsers(users, SIGN_IN_SPREAD_MS);
  logProgress(`fault run: ${USERS} users for ${FAULT_MS / 1000} s, server killed at ${KILL_AFTER_MS / 1000} s…`);
  const faultSince = await readNow(database);
  const faultLoad = runVirtualUsers({ users: users.filter((user) => user.session), durationMs: FAULT_MS, fixtures, firstSessionDate: firstSessionDateOf(runs.length + 1) });
  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
  const killedAt = performance.now();
  const killed = servers.pop()!;
  await killed.stop('SIGKILL');
  const logBeforeKill = killed.takeLog();
  servers.push(await startServer(firstPort));
  const restartMs = performance.now() - killedAt;
  const fault = await faultLoad;
  releaseUsers(users);
  console.log(`\nFault run (${USERS} users, ${FAULT_MS / 1000} s, server killed with SIGKILL at ${KILL_AFTER_MS / 1000} s and restarted)`);
  console.log(`  ${describeThroughput(fault)}`);
  printLatencyTable(fault.records);
  printTargets(fault);
  console.log(`  restart: ${formatMs(restartMs)} from SIGKILL to the new process answering; connection errors during the restart ${fault.connectionErrors}`);
  printWriteCheck(await verifyWrites(database, fault.acknowledged, faultSince), fault.inDoubtWrites);
  printServerErrors(logBeforeKill + servers[0]!.takeLog());
}

const watchdog = setTimeout(() => {
  console.error(`The benchmark ran past ${HARD_DEADLINE_MS / 60_000} min: stopping.`);
  void cleanUp().finally(() => process.exit(1));
}, HARD_DEADLINE_MS);
watchdog.unref();
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
  logProgress('done');
}
