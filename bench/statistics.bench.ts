/**
 * Section 12, statistics: the import of the real SESNSP file (108,864 rows of victims aged 0–17) through the
 * statistics service on PostgreSQL, each run a new dataset, next to PostgreSQL's own `COPY` of the same rows
 * into a plain table in the same run (the floor any import of this file can reach).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetImportFieldsSchema } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import { createStatisticsService } from '../apps/server/src/modules/statistics/index.js';
import { type BenchPlace, openBenchDatabase } from './bench-database.js';
import { measure, type Timing } from './measure.js';

const SESNSP_URL = new URL('../apps/server/src/demo/fixtures/statistics/sesnsp-victimas-nna-estatal.csv', import.meta.url);

export interface StatisticsBenchResult {
  sesnspImport: { rows: number; service: Timing; copy: Timing };
}

/**
 * The file's rows as `COPY` reads them: without the provenance comment line, in a directory the
 * cluster's owner (possibly another system user) can read, since server-side COPY reads the file itself.
 */
function writeCopyableCsv(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'telar-bench-copy-'));
  chmodSync(dir, 0o755);
  const path = join(dir, 'rows.csv');
  writeFileSync(path, text.split('\n').filter((line) => !line.startsWith('#')).join('\n'), { mode: 0o644 });
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function benchStatistics(place: BenchPlace, runs: number, log: (message: string) => void): Promise<StatisticsBenchResult> {
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
        copy: () => db.execute(sql.raw(`copy sesnsp_copy from '${copyable.path.replaceAll("'", "''")}' (format csv, header true)`)),
      },
    );
    return { sesnspImport: { rows, ...timings } };
  } finally {
    await database.dispose();
    copyable.dispose();
  }
}
