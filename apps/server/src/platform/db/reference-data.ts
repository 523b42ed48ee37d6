import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from '@telar/domain';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { municipalities, states } from './geo.tables.js';

/** INEGI catalogues shipped with Telar (see reference/README.md for provenance). */
function readCatalogue(fileName: string): Record<string, string>[] {
  const path = fileURLToPath(new URL(`./reference/${fileName}`, import.meta.url));
  return parseCsvRecords(readFileSync(path, 'utf8'));
}

/** Loads states and municipalities once; a database that has them is left alone. */
export async function loadReferenceData(db: Database): Promise<void> {
  const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(states)) as [{ count: number }];
  if (count > 0) return;
  const population = new Map(readCatalogue('inegi-entidades-censo2020-pob.csv').map((r) => [r.cve_ent!, Number(r.pob_total)]));
  const stateRows = readCatalogue('mexico-entidades-inegi-iso.csv').map((r) => ({
    code: r.iso_3166_2!,
    inegiCode: r.cve_ent!,
    name: r.nom_ent!,
    shortName: r.nom_corto!,
    abbreviation: r.nom_abr!,
    population: population.get(r.cve_ent!) ?? 0,
  }));
  const codeByInegi = new Map(stateRows.map((s) => [s.inegiCode, s.code]));
  const municipalityRows = readCatalogue('inegi-municipios-censo2020.csv').map((r) => ({
    cvegeo: r.cvegeo!,
    stateCode: codeByInegi.get(r.cve_ent!)!,
    name: r.nom_mun!,
    population: Number(r.pob_total),
  }));
  await db.transaction(async (tx) => {
    await tx.insert(states).values(stateRows);
    for (let i = 0; i < municipalityRows.length; i += 500) {
      await tx.insert(municipalities).values(municipalityRows.slice(i, i + 500));
    }
  });
}
