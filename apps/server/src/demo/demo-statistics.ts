/**
 * The statistics of the seeds and of ../shared/data, as a secretariat would load them:
 * - SESNSP child victims 2015–2025 (fixtures/statistics, first line its provenance), with the CONAPO
 *   population 0–17 for rates and the SESNSP age coverage (a state-year under 50 % is unreliable),
 *   published on the portal — its public tables pass disclosure control;
 * - seed 001's yearly crime tables 2017–2021, read from the demo's imported reply to JAL MEX 4/2021
 *   (question 6) and kept as published, their inconsistent totals flagged;
 * - seed 002's budget table 2023–2025, from the Alliance 8.7 reply, kept as published with its flags
 *   (a header in millions over values in pesos, a value a million times off, a merged row).
 * The last two stay internal: they are the sources' own tables, not open data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DatasetImportFields, readBudgetTable } from '@telar/domain';
import type { Services } from '../services.js';
import { DEMO_ALLIANCE_REPLY_PATH } from './demo-questionnaires.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/statistics/${name}`, import.meta.url));
export const DEMO_VICTIMS_DATASET = 'Víctimas de 0 a 17 años de delitos del fuero común (SESNSP)';
export const DEMO_POPULATION_DATASET = 'Población de 0 a 17 años (CONAPO)';
export const DEMO_COVERAGE_DATASET = 'Cobertura de la edad de las víctimas (SESNSP)';
export const DEMO_CRIME_TABLES_DATASET = 'Delitos denunciados con víctimas NNA 2017–2021 (respuesta JAL MEX 4/2021)';
export const DEMO_BUDGET_DATASET = 'Presupuesto federal para NNA 2023–2025 (informe Alianza 8.7)';

const importing = (name: string, extra: Partial<DatasetImportFields> = {}): DatasetImportFields => ({ name, policy: 'refuse', dryRun: false, ...extra });

export async function loadDemoStatistics(services: Services, unReplyExerciseId: string) {
  const file = (name: string) => ({ name, bytes: readFileSync(fixture(name)) });
  const victims = await services.statistics.importFile(file('sesnsp-victimas-nna-estatal.csv'), importing(DEMO_VICTIMS_DATASET));
  const population = await services.statistics.importFile(file('conapo-poblacion-0-17-estatal.csv'), importing(DEMO_POPULATION_DATASET));
  const coverage = await services.statistics.importFile(
    file('sesnsp-victimas-cobertura-edad-estatal.csv'),
    importing(DEMO_COVERAGE_DATASET, { dimensions: ['year', 'state_iso'], measure: 'pct_age_known' }),
  );
  const victimsId = victims.datasetId!;
  const { version } = await services.statistics.get(victimsId);
  const linked = await services.statistics.update(victimsId, {
    description: 'Víctimas de 0 a 17 años registradas en carpetas de investigación de delitos del fuero común, por entidad, mes, delito y sexo. Las víctimas cuya edad no se registró no están incluidas: las cifras son un mínimo.',
    publisher: 'Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública (SESNSP)',
    sourceUrl: 'https://www.gob.mx/sesnsp/acciones-y-programas/datos-abiertos-de-incidencia-delictiva',
    licence: 'Términos de Libre Uso MX (datos.gob.mx), con atribución al SESNSP',
    cutoffDate: '2025-06-30',
    populationDatasetId: population.datasetId,
    coverageDatasetId: coverage.datasetId,
    coverageThreshold: 50,
    version,
  });
  await services.statistics.publish(victimsId, linked.version);

  const reply = await services.consolidation.buildReply(unReplyExerciseId);
  await services.statistics.importAnswerTables(reply.questions.find((question) => question.number === '6')!, importing(DEMO_CRIME_TABLES_DATASET, { policy: 'keep_flagged' }));

  const { text, firstLine } = budgetTableOf(readFileSync(DEMO_ALLIANCE_REPLY_PATH, 'utf8'));
  await services.statistics.importParsed(readBudgetTable(text, { name: DEMO_BUDGET_DATASET, firstLine }), 'alianza-87-informe-2024.txt', importing(DEMO_BUDGET_DATASET, { policy: 'keep_flagged' }));
}

/** Seed 002's budget table: from its title line to the paragraph after it, with the line it starts at. */
function budgetTableOf(reply: string) {
  const lines = reply.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Presupuesto de Egresos de la Federación destinado'));
  const end = lines.findIndex((line, index) => index > start && line.startsWith('Por otra parte'));
  return { text: lines.slice(start, end).join('\n'), firstLine: start + 1 };
}
