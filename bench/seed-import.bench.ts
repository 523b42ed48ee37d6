/** Time to import a real participation-mechanism report into a fresh, migrated database. */
import { readFileSync } from 'node:fs';
import type { ImportCounts } from '@telar/domain';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import { createServices } from '../apps/server/src/services.js';
import { type BenchDatabase, type BenchPlace, type DatabaseKind, openBenchDatabase } from './bench-database.js';
import { measure, type Timing } from './measure.js';

export const SEED_PATH = '/work/shared/seeds/000_8ad403c787fb8b13.txt';

export interface SeedImportResult {
  timing: Timing;
  created: ImportCounts;
}

/** Imports the seed `runs` times (after one warm-up), each into its own new database; only the import is timed. */
export async function benchSeedImport(kind: DatabaseKind, place: BenchPlace, runs: number): Promise<SeedImportResult> {
  const text = readFileSync(SEED_PATH, 'utf8');
  let current: BenchDatabase | undefined;
  let created: ImportCounts | undefined;
  try {
    const { importText: timing } = await measure(
      {
        runs,
        warmUps: 1,
        // Each round drops the previous round's database before opening its own, outside the timing.
        prepare: async () => {
          await current?.dispose();
          current = await openBenchDatabase(kind, place);
          return current;
        },
      },
      {
        importText: async ({ handle }) => {
          const result = await createServices(handle.db, systemActor('bench')).mechanismImport.importText(text, { bodyAcronym: 'COMSE', dryRun: false });
          if (result.diagnostics.length) throw new Error(`La importación del informe falló: ${result.diagnostics.map((d) => d.message).join('; ')}`);
          created = result.created;
        },
      },
    );
    return { timing, created: created! };
  } finally {
    await current?.dispose();
  }
}
