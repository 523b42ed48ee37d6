/**
 * Section 12, statistics: the import of the real SESNSP file (108,864 rows of victims aged 0–17) through the
 * statistics service on PostgreSQL, each run a new dataset, next to PostgreSQL's own `COPY` of the same rows
 * into a plain table in the same run (the floor any import of this file can reach). Then a long-form CSV of
 * about a million rows (state × month × crime × sex × age group over 16 years; BENCH_STATISTICS_SCALE shrinks
 * the years), written by set-based SQL, imported once through the service next to `COPY` of the same file.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetImportFieldsSchema } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import { createStatisticsService } from '../apps/server/src/modules/statistics/index.js';
import { readDatasetFile } from '../apps/server/src/modules/statistics/dataset-file.js';
import { type BenchPlace, openBenchDatabase } from './bench-database.js';
import { measure, type Timing } from './measure.js';

const SESNSP_URL = new URL('../apps/server/src/demo/fixtures/statistics/sesnsp-victimas-nna-estatal.csv', import.meta.url);

export interface StatisticsBenchResult {
  sesnspImport: { rows: number; service: Timing; copy: Timing };
  largeImport: {
    rows: number;
    megabytes: number;
    serviceMs: number;
    /** The service's reading of the file alone (parse and checks), timed apart from the whole import. */
    parseMs: number;
    copyMs: number;
    /** The imported rows copied by one SQL statement into a copy of stat_observations with its indexes: the write's floor. */
    indexedInsertMs: number;
  };
}

const LARGE_YEARS = 16;
const LARGE_COLUMNS = 'year int, month int, cve_ent text, crime_type text, sex text, age_group text, victims int';

/** A directory both this process and the cluster's owner (possibly another system user) can read and write. */
function makeSharedDir() {
  const dir = mkdtempSync(join(tmpdir(), 'telar-bench-copy-'));
  chmodSync(dir, 0o777);
  return dir;
}

const quotePath = (path: string) => `'${path.replaceAll("'", "''")}'`;

/**
 * The file's rows as `COPY` reads them: without the provenance comment line, in a directory the
 * cluster's owner (possibly another system user) can read, since server-side COPY reads the file itself.
 */
function writeCopyableCsv(text: string) {
  const dir = makeSharedDir();
  const path = join(dir, 'rows.csv');
  writeFileSync(path, text.split('\n').filter((line) => !line.startsWith('#')).join('\n'), { mode: 0o644 });
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function benchStatistics(place: BenchPlace, runs: number, scale: number, log: (message: string) => void): Promise<StatisticsBenchResult> {
  const bytes = readFileSync(SESNSP_URL);
  const copyable = writeCopyableCsv(bytes.toString('utf8'));
  const database = await openBenchDatabase('postgres', place);
  const db = database.handle.db;
  try {
    const service = createStatisticsService(db, systemActor('bench'));
    await db.execute(sql`create table sesnsp_copy (year int, month int, cve_ent text, state_iso text, crime_type text, crime_subtype text, sex text, victims int)`);
    log(`importación del archivo del SESNSP, ${runs} corridas (cada una un conjunto nuevo), junto a COPY…`);
    let round = 0;
    let rows = 0;
    const timings = await measure(
      { runs, warmUps: 1, prepare: async () => {
        await db.execute(sql`truncate sesnsp_copy`);
        return round++;
      } },
      {
        service: async (n: number) => {
          const fields = DatasetImportFieldsSchema.parse({ name: `Víctimas de 0 a 17 años (corrida ${n})` });
          const result = await service.importFile({ name: 'sesnsp-victimas-nna-estatal.csv', bytes }, fields);
          if (result.errors.length || result.isRefused) throw new Error(`La importación del SESNSP falló: ${result.errors[0]?.message}`);
          rows = result.observations;
        },
        copy: () => db.execute(sql.raw(`copy sesnsp_copy from ${quotePath(copyable.path)} (format csv, header true)`)),
      },
    );
    const largeImport = await benchLargeImport(db, service, scale, log);
    return { sesnspImport: { rows, ...timings }, largeImport };
  } finally {
    await database.dispose();
    copyable.dispose();
  }
}

/**
 * The large CSV, written by the cluster itself (COPY … TO) from generate_series: 32 states × 12 months ×
 * years × 14 crimes × 2 sexes × 6 age groups, values mostly 0–4 with a few larger ones, as real counts are.
 */
async function benchLargeImport(db: Database, service: ReturnType<typeof createStatisticsService>, scale: number, log: (message: string) => void) {
  const years = Math.max(1, Math.round(LARGE_YEARS * scale));
  const dir = makeSharedDir();
  const path = join(dir, 'large.csv');
  try {
    await db.execute(
      sql.raw(`copy (
        select 2025 - ${years} + y as year, m as month, lpad(s::text, 2, '0') as cve_ent, 'Delito ' || c as crime_type,
          case x when 0 then 'hombre' else 'mujer' end as sex, 'Grupo ' || g as age_group,
          case when (y * 7 + m * 13 + s * 31 + c * 17 + x * 5 + g * 3) % 10 < 8 then (s + c + g + m) % 5 else (s * c + m * g) % 60 end as victims
        from generate_series(1, ${years}) y, generate_series(1, 12) m, generate_series(1, 32) s, generate_series(1, 14) c,
          generate_series(0, 1) x, generate_series(1, 6) g
      ) to ${quotePath(path)} (format csv, header true)`),
    );
    const bytes = readFileSync(path);
    const rows = years * 12 * 32 * 14 * 2 * 6;
    log(`CSV de ${rows} filas (${(bytes.length / 2 ** 20).toFixed(0)} MB): importación por el servicio y COPY…`);
    const serviceStarted = performance.now();
    const result = await service.importFile({ name: 'grande.csv', bytes }, DatasetImportFieldsSchema.parse({ name: 'Víctimas sintéticas (un millón de filas)' }));
    const serviceMs = performance.now() - serviceStarted;
    if (result.errors.length || result.isRefused) throw new Error(`La importación grande falló: ${result.errors[0]?.message}`);
    await db.execute(sql.raw(`create table large_copy (${LARGE_COLUMNS})`));
    const copyStarted = performance.now();
    await db.execute(sql.raw(`copy large_copy from ${quotePath(path)} (format csv, header true)`));
    const copyMs = performance.now() - copyStarted;
    const parseStarted = performance.now();
    await readDatasetFile({ name: 'grande.csv', bytes }, DatasetImportFieldsSchema.parse({ name: 'Víctimas sintéticas' }));
    const parseMs = performance.now() - parseStarted;
    await db.execute(sql`create table large_indexed (like stat_observations including all)`);
    const insertStarted = performance.now();
    await db.execute(sql`insert into large_indexed select * from stat_observations where dataset_id = ${result.datasetId}`);
    const indexedInsertMs = performance.now() - insertStarted;
    return { rows: result.observations, megabytes: bytes.length / 2 ** 20, serviceMs, parseMs, copyMs, indexedInsertMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
