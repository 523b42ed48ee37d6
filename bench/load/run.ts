/**
 * `npm run bench:load`: 200 virtual users against the built server on a throwaway PostgreSQL for
 * 60 s, then a second run during which the server is killed (SIGKILL) and restarted, and a check in
 * the database that every acknowledged write is there, whole. Loopback only; stops and cleans up by itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findFreePort } from '../../apps/server/src/test/free-port.js';
import { type PostgresCluster, startPostgresCluster } from '../../apps/server/src/test/postgres-cluster.js';
import { type LatencySummary, summarizeLatencies } from './latency.js';
import { BODY_ACRONYM, prepareFixtures } from './prepare-fixtures.js';
import { runTelarCommand, startTelarServer, type TelarServer } from './telar-process.js';
import { verifyWrites, type WriteCheck } from './verify-writes.js';
import { type LoadResult, type RequestRecord, runVirtualUsers, THINK_MS } from './virtual-users.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_PATH = fileURLToPath(new URL('../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url));
const USERS = 200;
const STEADY_MS = 60_000;
const FAULT_MS = 30_000;
const KILL_AFTER_MS = 12_000;
const TARGETS = { p99Ms: 300, serverErrors: 0, lost: 0, halfWritten: 0 };
/** Whatever happens, the benchmark ends (and cleans up) by then. */
const HARD_DEADLINE_MS = 5 * 60_000;
const ADMIN = { email: 'admin-carga@prueba.telar.mx', password: 'clave-de-administracion-2024' };

const startedAt = performance.now();
const logProgress = (message: string) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);
const formatMs = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const markMet = (isMet: boolean) => (isMet ? '✓' : '✗');
/** Other work on the machine competes with server and clients, so every figure is read against it. */
const describeMachine = () => `${availableParallelism()} CPUs, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}`;

let cluster: PostgresCluster | undefined;
let server: TelarServer | undefined;
let database: pg.Client | undefined;

async function cleanUp() {
  await server?.stop('SIGTERM');
  server = undefined;
  await database?.end().catch(() => {});
  database = undefined;
  cluster?.stop();
  cluster = undefined;
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

function formatLatencyRow(label: string, summary: LatencySummary, records: RequestRecord[]) {
  const serverErrors = records.filter((r) => r.status >= 500).length;
  const clientErrors = records.filter((r) => r.status >= 400 && r.status < 500).length;
  return `  ${label.padEnd(24)} ${String(summary.count).padStart(7)}  p50 ${formatMs(summary.p50).padStart(7)}  p95 ${formatMs(summary.p95).padStart(7)}  p99 ${formatMs(summary.p99).padStart(7)}  max ${formatMs(summary.max).padStart(8)}  4xx ${String(clientErrors).padStart(4)}  5xx ${String(serverErrors).padStart(4)}`;
}

function printLoadResult(title: string, result: LoadResult) {
  const { records } = result;
  const overall = summarizeLatencies(records.map((r) => r.ms));
  const serverErrors = records.filter((r) => r.status >= 500).length;
  const byStatus = [...groupBy(records, (r) => String(r.status))].map(([status, subset]) => `${status}: ${subset.length}`);
  console.log(`\n${title}`);
  console.log(`  requests ${records.length} in ${(result.elapsedMs / 1000).toFixed(1)} s → ${(records.length / (result.elapsedMs / 1000)).toFixed(0)} req/s; statuses ${byStatus.join(', ')}`);
  console.log(formatLatencyRow('all', overall, records));
  for (const kind of ['read', 'write'] as const) {
    const subset = records.filter((r) => r.kind === kind);
    console.log(formatLatencyRow(`${kind}s`, summarizeLatencies(subset.map((r) => r.ms)), subset));
  }
  for (const [operation, subset] of groupBy(records, (r) => r.operation)) {
    console.log(formatLatencyRow(`  ${operation}`, summarizeLatencies(subset.map((r) => r.ms)), subset));
  }
  console.log(`  ${markMet(serverErrors <= TARGETS.serverErrors)} 5xx ${serverErrors} (target ${TARGETS.serverErrors})   ${markMet(overall.p99 <= TARGETS.p99Ms)} p99 ${formatMs(overall.p99)} (target ≤ ${TARGETS.p99Ms} ms)`);
  console.log(`  connection errors ${result.connectionErrors} (of which timeouts ${result.timeouts}), writes in doubt ${result.inDoubtWrites}`);
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

async function main() {
  ensureBuilt();
  logProgress('throwaway PostgreSQL cluster…');
  cluster = await startPostgresCluster();
  const databaseUrl = await createDatabase(cluster.url);
  await runTelarCommand(['users', 'create-admin', '--email', ADMIN.email, '--name', 'Administración de carga', '--password', ADMIN.password], databaseUrl);
  logProgress(`importing ${SEED_PATH.split('/').pop()} into ${BODY_ACRONYM}…`);
  await runTelarCommand(['import', 'mechanism-report', SEED_PATH, '--body', BODY_ACRONYM], databaseUrl);
  const port = await findFreePort();
  server = await startTelarServer(port, databaseUrl);
  const fixtures = await prepareFixtures(server.baseUrl, ADMIN);
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  console.log(
    `\n${USERS} virtual users share ${fixtures.sessions.length} signed-in sessions (1 administrator + ${fixtures.sessions.length - 1} secretariat of ${BODY_ACRONYM}):` +
      ` sign-in is limited to 10 per address and minute, so each user does not sign in on its own.` +
      ` Mix 70 % reads / 30 % writes, ${THINK_MS.min / 1000}–${THINK_MS.max / 1000} s pause between a user's requests.` +
      ` Server, PostgreSQL and clients share this machine: ${describeMachine()}.`,
  );

  logProgress(`steady load: ${USERS} users for ${STEADY_MS / 1000} s…`);
  const steadySince = await readNow(database);
  const cpuBefore = server.readCpuSeconds();
  const steady = await runVirtualUsers({ baseUrl: server.baseUrl, users: USERS, durationMs: STEADY_MS, fixtures, sessionKind: 'ordinary' });
  const serverCpuSeconds = server.readCpuSeconds() - cpuBefore;
  printLoadResult(`Steady load (${USERS} users, ${STEADY_MS / 1000} s)`, steady);
  console.log(
    `  server process CPU ${serverCpuSeconds.toFixed(1)} s = ${formatMs((serverCpuSeconds * 1000) / steady.records.length)} per request, ${((serverCpuSeconds * 100_000) / steady.elapsedMs).toFixed(0)} % of one CPU; machine: ${describeMachine()}`,
  );
  printWriteCheck(await verifyWrites(database, steady.acknowledged, steadySince), steady.inDoubtWrites);
  printServerErrors(server.takeLog());

  logProgress(`fault run: ${USERS} users for ${FAULT_MS / 1000} s, server killed at ${KILL_AFTER_MS / 1000} s…`);
  const faultSince = await readNow(database);
  const faultLoad = runVirtualUsers({ baseUrl: server.baseUrl, users: USERS, durationMs: FAULT_MS, fixtures, sessionKind: 'extraordinary' });
  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
  const killedAt = performance.now();
  await server.stop('SIGKILL');
  const logBeforeKill = server.takeLog();
  server = await startTelarServer(port, databaseUrl);
  const restartMs = performance.now() - killedAt;
  const fault = await faultLoad;
  printLoadResult(`Fault run (${USERS} users, ${FAULT_MS / 1000} s, server killed with SIGKILL at ${KILL_AFTER_MS / 1000} s and restarted)`, fault);
  console.log(`  restart: ${formatMs(restartMs)} from SIGKILL to the new process answering; connection errors during the restart ${fault.connectionErrors}`);
  printWriteCheck(await verifyWrites(database, fault.acknowledged, faultSince), fault.inDoubtWrites);
  printServerErrors(logBeforeKill + server.takeLog());
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
