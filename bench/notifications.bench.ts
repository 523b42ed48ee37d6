/**
 * Section 9, notifications: a full daily run of the rules on PostgreSQL with 10,000 people and 100,000 open
 * agreements (due within 7 working days or overdue, so every one produces notices), timed with its peak memory,
 * then the same run again (nothing new). Baseline in the same run: the plain SQL that selects the due
 * obligations with their recipients, every row read by the client. The full run is first done at half the
 * size in a database of its own, so the two peaks of memory show whether it grows with the obligations.
 */
import { mexicoCityDay } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { runNotifications, type RunSummary } from '../apps/server/src/modules/notifications/index.js';
import { type BenchPlace, openBenchDatabase } from './bench-database.js';

interface MeasuredRun {
  ms: number;
  /** Heap in use (after a collection when node runs with --expose-gc) just before the run. */
  startHeapMb: number;
  peakHeapMb: number;
  peakRssMb: number;
  summary: RunSummary;
}

export interface NotificationsBenchResult {
  people: number;
  obligations: number;
  loadMs: number;
  run: MeasuredRun;
  /** The same full run on half the people and obligations, measured first. */
  halfSize: { people: number; obligations: number; run: MeasuredRun };
  repeat: { ms: number; summary: RunSummary };
  baseline: { ms: number; rows: number };
  notices: number;
}

const BODIES = 200;

/** 10,000 × scale people: two enlaces per organisation and one secretariat per body; 100,000 × scale agreements. */
async function generate(db: Database, scale: number, today: string) {
  const people = Math.round(10_000 * scale);
  const obligations = Math.round(100_000 * scale);
  const organizations = (people - BODIES) / 2;
  const id = (kind: string, n: ReturnType<typeof sql>) => sql`md5(${kind} || ${n})::uuid`;
  const statements = [
    sql`insert into bodies (id, kind, name, acronym, level) select ${id('body', sql`n`)}, 'commission', 'Comisión de prueba ' || n, 'CP' || n, 'national' from generate_series(0, ${BODIES - 1}) n`,
    sql`insert into organizations (id, name, name_key, sector, level) select ${id('org', sql`n`)}, 'Organización de prueba ' || n, 'organizacion de prueba ' || n, 'government', 'federal' from generate_series(0, ${organizations - 1}) n`,
    sql`insert into users (id, email, name) select ${id('user', sql`n`)}, 'persona' || n || '@bench.telar.mx', 'Persona ' || n from generate_series(0, ${people - 1}) n`,
    sql`insert into user_roles (user_id, role, organization_id) select ${id('user', sql`n`)}, 'enlace', ${id('org', sql`n / 2`)} from generate_series(0, ${organizations * 2 - 1}) n`,
    sql`insert into user_roles (user_id, role, body_id) select ${id('user', sql`${organizations * 2} + n`)}, 'secretariat', ${id('body', sql`n`)} from generate_series(0, ${BODIES - 1}) n`,
    sql`insert into sessions (id, body_id, kind, number, date) select ${id('session', sql`n`)}, ${id('body', sql`n`)}, 'ordinary', 1, date '2024-01-15' from generate_series(0, ${BODIES - 1}) n`,
    // Deadlines from 60 days past to 10 days ahead of the run's day: every agreement is due soon or overdue.
    sql`insert into agreements (id, session_id, text, due_date, status)
        select ${id('agreement', sql`n`)}, ${id('session', sql`n % ${BODIES}`)}, 'Acuerdo de prueba ' || n || ': informar avances del programa.',
          ${today}::date - 60 + n % 71, case when n % 2 = 0 then 'pending' else 'in_progress' end
        from generate_series(0, ${obligations - 1}) n`,
    sql`insert into agreement_organizations (agreement_id, organization_id) select ${id('agreement', sql`n`)}, ${id('org', sql`n % ${organizations}`)} from generate_series(0, ${obligations - 1}) n`,
    sql`analyze`,
  ];
  for (const statement of statements) await db.execute(statement);
  return { people, obligations };
}

/** Peak heap and RSS while `work` runs, sampled every 20 ms. */
async function withPeakMemory<T>(work: () => Promise<T>) {
  global.gc?.();
  const startHeap = process.memoryUsage().heapUsed;
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, startHeapMb: startHeap / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** A full daily run on a fresh database of the given size: its time and peak memory. */
async function measureFullRun(place: BenchPlace, scale: number, today: string) {
  const database = await openBenchDatabase('postgres', place);
  try {
    const size = await generate(database.handle.db, scale, today);
    const { result, ...run } = await withPeakMemory(() => runNotifications(database.handle.db, { date: today, isDaily: true }));
    return { ...size, run: { ...run, summary: result } };
  } finally {
    await database.dispose();
  }
}

export async function benchNotifications(place: BenchPlace, scale: number, log: (message: string) => void): Promise<NotificationsBenchResult> {
  const today = mexicoCityDay(new Date().toISOString());
  log(`ejecución completa a la mitad del tamaño (escala ${scale / 2}), para comparar la memoria…`);
  const halfSize = await measureFullRun(place, scale / 2, today);
  const database = await openBenchDatabase('postgres', place);
  const db = database.handle.db;
  try {
    const loadStarted = performance.now();
    const { people, obligations } = await generate(db, scale, today);
    const loadMs = performance.now() - loadStarted;
    log(`${people} personas y ${obligations} acuerdos abiertos cargados en ${(loadMs / 1000).toFixed(0)} s; línea base SQL…`);

    const baselineStarted = performance.now();
    const rows = await queryRows<{ agreement_id: string; user_id: string }>(
      db,
      sql`with due as (select a.id, s.body_id from agreements a join sessions s on s.id = a.session_id
                       where a.status in ('pending', 'in_progress') and a.archived_at is null and a.due_date < ${today}::date + 12)
          select due.id as agreement_id, ur.user_id from due join agreement_organizations ao on ao.agreement_id = due.id
            join user_roles ur on ur.archived_at is null and ur.role = 'enlace' and ur.organization_id = ao.organization_id
            join users u on u.id = ur.user_id and u.is_active
          union all
          select due.id, ur.user_id from due
            join user_roles ur on ur.archived_at is null and ur.role = 'secretariat' and ur.body_id = due.body_id
            join users u on u.id = ur.user_id and u.is_active`,
    );
    const baseline = { ms: performance.now() - baselineStarted, rows: rows.length };
    rows.length = 0;

    log('ejecución completa de las reglas…');
    const run = await withPeakMemory(() => runNotifications(db, { date: today, isDaily: true }));
    log('la misma ejecución otra vez (nada nuevo)…');
    const repeatStarted = performance.now();
    const repeatSummary = await runNotifications(db, { date: today, isDaily: true });
    const repeat = { ms: performance.now() - repeatStarted, summary: repeatSummary };
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from notifications`);
    return {
      people,
      obligations,
      loadMs,
      run: { ms: run.ms, startHeapMb: run.startHeapMb, peakHeapMb: run.peakHeapMb, peakRssMb: run.peakRssMb, summary: run.result },
      halfSize,
      repeat,
      baseline,
      notices: count?.n ?? 0,
    };
  } finally {
    await database.dispose();
  }
}
