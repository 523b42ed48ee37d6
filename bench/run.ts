/**
 * `npm run bench`: seed import, synthetic national dataset, list/search latency (API and SQL) on
 * PostgreSQL and PGlite, DOCX rendering and first-load JS size; then (sections 6–7) the plans dataset
 * on PostgreSQL (1M activities, 10M indicator values), the dashboard aggregations (API, service and raw
 * SQL GROUP BY), the /tableros route's JS and the time to render its map in Chromium.
 * Prints tables and writes bench/results.json.
 * BENCH_SCALE (default 1) scales both datasets; BENCH_RUNS (at least and by default 200) sets the timed requests per query;
 * BENCH_RAW_RUNS (default 30) the runs of the raw GROUP BYs, which read every activity; BENCH_MAP_LOADS (at least and by default 20) the /tableros loads.
 * BENCH_ONLY=dashboards runs only sections 6–7 (and updates only their part of bench/results.json).
 * Section 8, search across everything, loads both datasets into one PostgreSQL database and measures
 * GET /api/search and, on the same data, the list searches of section 3; BENCH_ONLY=search runs only it.
 * Section 9, Lighthouse on the built `telar serve` with the demo data (internal home, a session, /tableros,
 * /publico; mobile and desktop) next to a minimal static page; BENCH_LIGHTHOUSE_RUNS (default 3) runs per
 * page, medians reported; BENCH_LIGHTHOUSE_REPORTS=<directory> keeps each page's last full report; BENCH_ONLY=lighthouse runs only it.
 * Section 10, notifications: a full daily run with 10,000 people and 100,000 open obligations on PostgreSQL,
 * its time and peak memory beside the plain SQL that selects the due obligations; BENCH_ONLY=notifications runs only it.
 * Section 11, questionnaires on PostgreSQL (60 questions, 30 organisations, 2,000 contributions): the consolidation
 * view beside the SQL that reads its rows, the Word reply beside plain paragraphs, importing seed 001 beside
 * parsing it, and the editors' route JS; BENCH_ONLY=questionnaires runs only it.
 * Section 12, statistics on PostgreSQL: the SESNSP file (108,864 rows) imported through the service beside
 * PostgreSQL's COPY of the same rows, and a ~1M-row CSV likewise; BENCH_ONLY=statistics runs only it (it is not part of the full run yet).
 * Section 13, networks and member surveys on PostgreSQL (5,000 members, a 50-question survey with 100,000 responses): the
 * results view overall and for one state beside the plain SQL GROUP BY of the same counts, and opening a survey to the
 * 5,000 members beside a plain INSERT … SELECT of the invitations and mails; BENCH_ONLY=networks runs only it (not part
 * of the full run). BENCH_NETWORK_RUNS (at least and by default 100) sets the results requests, BENCH_NETWORK_BASELINE_RUNS
 * (default 20) the plain GROUP BYs, BENCH_NETWORK_OPEN_RUNS (default 5) the surveys opened; BENCH_NETWORK_SCALE shrinks
 * the responses for a quick check.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPostgresCluster } from '../apps/server/src/test/postgres-cluster.js';
import { type BenchPlace, type DatabaseKind, openBenchDatabase } from './bench-database.js';
import { measureMapRender, measureRouteJs, type MapRenderResult, type RouteJsResult } from './dashboard-web.bench.js';
import { benchDashboards, createBenchAdmin, type DashboardResult } from './dashboards.bench.js';
import { benchDocx } from './docx.bench.js';
import { formatTable } from './format-table.js';
import { type DatasetVolumes, generateDataset } from './generate-dataset.js';
import { generatePlansDataset, type PlansDatasetVolumes } from './generate-plans-dataset.js';
import { measure, type Timing } from './measure.js';
import { benchQueries, type QueryResult } from './queries.bench.js';
import { benchLighthouse, type LighthouseResult } from './lighthouse.bench.js';
import { benchSearch, type SearchBenchResult } from './search.bench.js';
import { benchNotifications, type NotificationsBenchResult } from './notifications.bench.js';
import { benchQuestionnaires, type QuestionnairesBenchResult } from './questionnaires.bench.js';
import { benchStatistics, type StatisticsBenchResult } from './statistics.bench.js';
import { benchNetworks, NETWORK_VOLUMES, type NetworksBenchResult } from './networks.bench.js';
import { benchSeedImport, SEED_PATH, type SeedImportResult } from './seed-import.bench.js';
import { measureWebFirstLoad } from './web-size.bench.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0)) throw new Error(`BENCH_SCALE debe ser un número positivo, no «${process.env.BENCH_SCALE}».`);
const QUERY_RUNS = Math.max(200, Math.trunc(Number(process.env.BENCH_RUNS) || 0));
const QUERY_WARM_UPS = 10;
const SEED_RUNS = 5;
const DATABASE_KINDS: DatabaseKind[] = ['postgres', 'pglite'];
const DATABASE_NAMES: Record<DatabaseKind, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
const TARGETS = { queryP95Ms: 50, apiRatio: 1.5, apiOverheadMs: 2, docxMs: 1000, webGzipBytes: 200 * 1024 };
const ONLY = process.env.BENCH_ONLY ?? '';
if (ONLY && !['dashboards', 'search', 'lighthouse', 'notifications', 'questionnaires', 'statistics', 'networks'].includes(ONLY)) {
  throw new Error(`BENCH_ONLY admite «dashboards», «search», «lighthouse», «notifications», «questionnaires», «statistics» o «networks», no «${ONLY}».`);
}
const RAW_RUNS = Math.max(5, Math.trunc(Number(process.env.BENCH_RAW_RUNS) || 30));
const MAP_LOADS = Math.max(20, Math.trunc(Number(process.env.BENCH_MAP_LOADS) || 0));
const DASHBOARD_TARGETS = { aggregationP95Ms: 150, mapRenderMs: 100, routeGzipBytes: 150 * 1024 };
const SEARCH_TARGETS = { searchP95Ms: 100, listP95Ms: 50 };
const LIGHTHOUSE_RUNS = Math.max(1, Math.trunc(Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 3));
const LIGHTHOUSE_TARGETS = { performance: 0.9, accessibility: 0.95 };
const NOTIFICATION_TARGETS = { runMs: 30_000 };
const QUESTIONNAIRE_TARGETS = { consolidationP95Ms: 100, docxMs: 1000, importSeedMs: 200, editorGzipBytes: 150 * 1024 };
const STATISTICS_TARGETS = { sesnspImportMs: 5000 };
/** Imports of the SESNSP file timed (each a new dataset); BENCH_STATISTICS_RUNS lowers it for a quick check. */
const STATISTICS_IMPORT_RUNS = Math.max(1, Math.trunc(Number(process.env.BENCH_STATISTICS_RUNS) || 10));
/** Shrinks the statistics section's large CSV (1 = about a million rows) for a quick check. */
const STATISTICS_SCALE = Number(process.env.BENCH_STATISTICS_SCALE ?? 1);
const NETWORK_TARGETS = { resultsP95Ms: 150, openMs: 10_000 };
const NETWORK_OPTIONS = {
  runs: Math.max(100, Math.trunc(Number(process.env.BENCH_NETWORK_RUNS) || 0)),
  warmUps: QUERY_WARM_UPS,
  baselineRuns: Math.max(5, Math.trunc(Number(process.env.BENCH_NETWORK_BASELINE_RUNS) || 20)),
  openRuns: Math.max(1, Math.trunc(Number(process.env.BENCH_NETWORK_OPEN_RUNS) || 5)),
  /** Shrinks the 100,000 responses only for a quick check of the bench itself. */
  responses: Math.max(1000, Math.round(NETWORK_VOLUMES.responses * Number(process.env.BENCH_NETWORK_SCALE ?? 1))),
};
const RESULTS_URL = new URL('./results.json', import.meta.url);

const startedAt = performance.now();
const formatElapsed = () => {
  const seconds = Math.round((performance.now() - startedAt) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
const logProgress = (message: string) => console.log(`[${formatElapsed()}] ${message}`);
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const mark = (isMet: boolean) => (isMet ? '✓' : '✗');

interface DatasetRun {
  kind: DatabaseKind;
  scale: number;
  volumes: DatasetVolumes;
  load: Timing;
  queries: QueryResult[];
}

async function runDatasetBench(kind: DatabaseKind, place: BenchPlace): Promise<DatasetRun> {
  const database = await openBenchDatabase(kind, place);
  try {
    logProgress(`${DATABASE_NAMES[kind]}: generando el conjunto de datos (escala ${SCALE})…`);
    let volumes: DatasetVolumes | undefined;
    const { load } = await measure(
      { runs: 1 },
      {
        load: async () => {
          volumes = await generateDataset(database.handle.db, SCALE, (message) => logProgress(`  ${message}`));
        },
      },
    );
    logProgress(`${DATABASE_NAMES[kind]}: datos cargados en ${(load.p50 / 1000).toFixed(0)} s; consultas (${QUERY_WARM_UPS} de calentamiento + ${QUERY_RUNS})…`);
    const queries = await benchQueries(database.handle.db, { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS }, (message) => logProgress(`  ${message}`));
    return { kind, scale: SCALE, volumes: volumes!, load, queries };
  } finally {
    await database.dispose();
  }
}

function printSeedImport(results: Record<DatabaseKind, SeedImportResult>) {
  const rows = DATABASE_KINDS.map((kind) => {
    const { timing, created } = results[kind];
    const counts = `${created.sessions} ses., ${created.participations} part., ${created.agreements} acu., ${created.followUps} seg., ${created.organizations} org.`;
    return [DATABASE_NAMES[kind], ms(timing.p50), ms(timing.min), ms(timing.max), counts];
  });
  console.log(`\n1. Importación del informe ${basename(SEED_PATH)} (COMSE), base nueva en cada corrida, ${SEED_RUNS} corridas`);
  console.log(formatTable(['base', 'mediana', 'mín', 'máx', 'registros creados'], rows));
}

function printDataset(runs: DatasetRun[]) {
  console.log('\n2. Conjunto de datos sintético nacional (SQL por conjuntos)');
  const rows = runs.map(({ kind, scale, volumes, load }) => [
    DATABASE_NAMES[kind],
    String(scale),
    `${volumes.bodies} / ${volumes.organizations} / ${volumes.sessions} / ${volumes.participations} / ${volumes.agreements} / ${volumes.followUps}`,
    `${(load.p50 / 1000).toFixed(0)} s`,
  ]);
  console.log(formatTable(['base', 'escala', 'órganos / organizaciones / sesiones / participaciones / acuerdos / seguimientos', 'carga'], rows));
}

function printQueries(run: DatasetRun) {
  const isPostgres = run.kind === 'postgres';
  console.log(
    `\n3. Consultas en ${DATABASE_NAMES[run.kind]} (escala ${run.scale}, ${QUERY_RUNS} peticiones tras ${QUERY_WARM_UPS} de calentamiento). ` +
      `Objetivos: p95 API ≤ ${TARGETS.queryP95Ms} ms ${isPostgres ? '' : '(fijado para PostgreSQL; aquí solo referencia) '}` +
      `y API ≤ ${TARGETS.apiRatio} × SQL + ${TARGETS.apiOverheadMs} ms (p50)`,
  );
  const rows = run.queries.map(({ label, total, api, sql }) => [
    label,
    String(total),
    ms(api.p50),
    ms(api.p95),
    ms(sql.p50),
    ms(sql.p95),
    `${(api.p50 / sql.p50).toFixed(2)} ×`,
    mark(api.p95 <= TARGETS.queryP95Ms),
    mark(api.p50 <= TARGETS.apiRatio * sql.p50 + TARGETS.apiOverheadMs),
  ]);
  const targetHeaders = [`p95≤${TARGETS.queryP95Ms}`, `API≤${TARGETS.apiRatio}×SQL+${TARGETS.apiOverheadMs}`];
  console.log(formatTable(['consulta', 'filas', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'API/SQL', ...targetHeaders], rows));
}

interface DashboardsRun {
  scale: number;
  volumes: PlansDatasetVolumes;
  loadMs: number;
  runs: number;
  rawRuns: number;
  warmUps: number;
  aggregations: DashboardResult[];
  routeJs: RouteJsResult;
  mapRender: MapRenderResult;
}

/** Sections 6–7: the plans dataset on PostgreSQL, its dashboard aggregations, and the dashboard page in Chromium. */
async function runDashboardsBench(place: BenchPlace): Promise<DashboardsRun> {
  const database = await openBenchDatabase('postgres', place);
  try {
    logProgress(`PostgreSQL: generando el conjunto de datos de planes (escala ${SCALE})…`);
    let volumes: PlansDatasetVolumes | undefined;
    const { load } = await measure({ runs: 1 }, { load: async () => void (volumes = await generatePlansDataset(database.handle.db, SCALE, (message) => logProgress(`  ${message}`))) });
    logProgress(`PostgreSQL: planes cargados en ${(load.p50 / 1000).toFixed(0)} s; tableros (${QUERY_WARM_UPS} de calentamiento + ${QUERY_RUNS}; SQL crudo ${RAW_RUNS})…`);
    const admin = await createBenchAdmin(database.handle.db);
    const aggregations = await benchDashboards(database.handle.db, admin, { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS, rawRuns: RAW_RUNS }, (message) => logProgress(`  ${message}`));
    logProgress('Web: JS de la ruta /tableros…');
    const routeJs = measureRouteJs();
    logProgress(`Web: tiempo de pintado del mapa (${MAP_LOADS} cargas de /tableros en Chromium)…`);
    const mapRender = await measureMapRender(database.handle.db, admin, MAP_LOADS, (message) => logProgress(`  ${message}`)).catch(
      (error: Error) => ({ unavailable: `falló la medición: ${error.message.split('\n')[0]}` }),
    );
    return { scale: SCALE, volumes: volumes!, loadMs: load.p50, runs: QUERY_RUNS, rawRuns: RAW_RUNS, warmUps: QUERY_WARM_UPS, aggregations, routeJs, mapRender };
  } finally {
    await database.dispose();
  }
}

function printDashboards(run: DashboardsRun) {
  const v = run.volumes;
  console.log(`\n6. Tableros en PostgreSQL (escala ${run.scale}; carga del conjunto de planes ${(run.loadMs / 1000).toFixed(0)} s)`);
  console.log(
    `   ${v.plans} planes, ${v.planNodes} nodos, ${v.reports} reportes, ${v.activities} actividades (${v.activityStates} entidades, ${v.activityMunicipalities} municipios, ` +
      `${v.activityPlanNodes} nodos, ${v.activityOrganizations} organizaciones), ${v.indicators} indicadores, ${v.indicatorValues} valores; activity_totals ${v.activityTotals} filas`,
  );
  console.log(
    `   API y servicio: ${run.runs} peticiones tras ${run.warmUps} de calentamiento; SQL crudo (GROUP BY sobre las tablas sin derivar): ${run.rawRuns}. ` +
      `Objetivo: p95 API ≤ ${DASHBOARD_TARGETS.aggregationP95Ms} ms`,
  );
  const rows = run.aggregations.map(({ label, rows: count, responseBytes, api, service, sql }) => [
    label,
    String(count),
    `${(responseBytes / 1024).toFixed(0)} KB`,
    ms(api.p50),
    ms(api.p95),
    ms(service.p50),
    ms(service.p95),
    ms(sql.p50),
    ms(sql.p95),
    mark(api.p95 <= DASHBOARD_TARGETS.aggregationP95Ms),
  ]);
  console.log(formatTable(['consulta', 'filas', 'respuesta', 'API p50', 'API p95', 'servicio p50', 'servicio p95', 'SQL crudo p50', 'SQL crudo p95', `p95≤${DASHBOARD_TARGETS.aggregationP95Ms}`], rows));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const { routeJs, mapRender } = run;
  console.log(
    'unavailable' in routeJs
      ? `\n7. Web /tableros, JS de la ruta (gzip -9): no disponible: ${routeJs.unavailable}`
      : `\n7. Web /tableros, JS de la ruta más allá del shell (gzip -9): ${kb(routeJs.routeGzipBytes)} en ${routeJs.files.length} archivos ` +
          `(shell ${kb(routeJs.shellGzipBytes)}; importaciones diferidas: ${routeJs.lazyImports.join(', ') || 'ninguna'}) — objetivo ≤ ${DASHBOARD_TARGETS.routeGzipBytes / 1024} KB ${mark(routeJs.routeGzipBytes <= DASHBOARD_TARGETS.routeGzipBytes)}`,
  );
  if ('unavailable' in mapRender) console.log(`   Pintado del mapa: no disponible: ${mapRender.unavailable}`);
  else {
    console.log(
      `   JS que Chromium pidió para /tableros más allá del shell: ${kb(mapRender.fetchedRouteGzipBytes)} en ${mapRender.fetchedRouteFiles.length} archivos — objetivo ≤ ${DASHBOARD_TARGETS.routeGzipBytes / 1024} KB ${mark(mapRender.fetchedRouteGzipBytes <= DASHBOARD_TARGETS.routeGzipBytes)}`,
    );
    console.log(
      `   Pintado del mapa tras llegar /api/dashboards/activities (${mapRender.loads} cargas en contexto nuevo, ` +
        `${mapRender.method === 'mark' ? `marca ${'telar:map-rendered'}` : 'sin la marca: 32 rutas svg.mexico-map vistas por un MutationObserver'}): ` +
        `p50 ${ms(mapRender.p50)}, p95 ${ms(mapRender.p95)}, máx ${ms(mapRender.max)}` +
        (mapRender.appMeasure ? ` (medida propia de la app telar:map-render: p50 ${ms(mapRender.appMeasure.p50)}, p95 ${ms(mapRender.appMeasure.p95)})` : '') +
        ` — objetivo ≤ ${DASHBOARD_TARGETS.mapRenderMs} ms ${mark(mapRender.p95 <= DASHBOARD_TARGETS.mapRenderMs)}`,
    );
  }
}

const dashboardsResults = (run: DashboardsRun) => ({ targets: DASHBOARD_TARGETS, ...run });

interface SearchRun {
  scale: number;
  loadMs: number;
  runs: number;
  warmUps: number;
  search: SearchBenchResult[];
  lists: QueryResult[];
}

/** Section 8: both datasets in one PostgreSQL database, the general search and the list searches on it. */
async function runSearchBench(place: BenchPlace): Promise<SearchRun> {
  const database = await openBenchDatabase('postgres', place);
  try {
    logProgress(`PostgreSQL: ambos conjuntos de datos en una base para la búsqueda general (escala ${SCALE})…`);
    const { load } = await measure(
      { runs: 1 },
      {
        load: async () => {
          await generateDataset(database.handle.db, SCALE, (message) => logProgress(`  ${message}`));
          await generatePlansDataset(database.handle.db, SCALE, (message) => logProgress(`  ${message}`));
        },
      },
    );
    logProgress(`PostgreSQL: cargada en ${(load.p50 / 1000).toFixed(0)} s; búsqueda general y búsquedas en listas (${QUERY_WARM_UPS} de calentamiento + ${QUERY_RUNS})…`);
    const options = { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS };
    const search = await benchSearch(database.handle.db, options, (message) => logProgress(`  ${message}`));
    const lists = await benchQueries(database.handle.db, options, (message) => logProgress(`  ${message}`));
    return { scale: SCALE, loadMs: load.p50, runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS, search, lists };
  } finally {
    await database.dispose();
  }
}

function printSearch(run: SearchRun) {
  console.log(
    `\n8. Búsqueda general en PostgreSQL (escala ${run.scale}: ambos conjuntos de datos en una base, carga ${(run.loadMs / 1000).toFixed(0)} s; ` +
      `${run.runs} peticiones tras ${run.warmUps} de calentamiento). Objetivo: p95 API ≤ ${SEARCH_TARGETS.searchP95Ms} ms. ` +
      'Línea base: SQL simple, una búsqueda GIN de 20 ids por tabla, sin orden, conteos ni títulos',
  );
  const rows = run.search.map(({ label, items, facets, api, service, baseline }) => [
    label,
    `${items} / ${Object.values(facets).reduce((a, b) => a + b, 0)}`,
    ms(api.p50),
    ms(api.p95),
    ms(service.p50),
    ms(service.p95),
    ms(baseline.p50),
    ms(baseline.p95),
    mark(api.p95 <= SEARCH_TARGETS.searchP95Ms),
  ]);
  console.log(formatTable(['búsqueda', 'resultados / conteos', 'API p50', 'API p95', 'servicio p50', 'servicio p95', 'SQL simple p50', 'SQL simple p95', `p95≤${SEARCH_TARGETS.searchP95Ms}`], rows));
  console.log(`   Listas con filtros sobre la misma base (API y el SQL del repositorio). Objetivo: p95 API ≤ ${SEARCH_TARGETS.listP95Ms} ms`);
  const listRows = run.lists.map(({ label, total, api, sql }) => [label, String(total), ms(api.p50), ms(api.p95), ms(sql.p50), ms(sql.p95), mark(api.p95 <= SEARCH_TARGETS.listP95Ms)]);
  console.log(formatTable(['consulta', 'filas', 'API p50', 'API p95', 'SQL p50', 'SQL p95', `p95≤${SEARCH_TARGETS.listP95Ms}`], listRows));
}

async function runLighthouseBench(): Promise<LighthouseResult> {
  logProgress(`Lighthouse: demostración en \`telar serve\`, ${LIGHTHOUSE_RUNS} corridas por página y formato…`);
  return benchLighthouse(LIGHTHOUSE_RUNS, (message) => logProgress(`  ${message}`)).catch((error: Error) => ({ unavailable: `falló la medición: ${error.message.split('\n')[0]}` }));
}

function printLighthouse(result: LighthouseResult) {
  if ('unavailable' in result) {
    console.log(`\n9. Lighthouse: no disponible: ${result.unavailable}`);
    return;
  }
  console.log(
    `\n9. Lighthouse ${result.version} (${result.chromium}) en \`telar serve\` con la demostración, mediana de ${result.runsPerPage} corridas; ` +
      `móvil: emulación por omisión (4G lento, CPU ×4), escritorio: configuración de escritorio. ` +
      `Objetivos: rendimiento ≥ ${LIGHTHOUSE_TARGETS.performance}, accesibilidad ≥ ${LIGHTHOUSE_TARGETS.accessibility}`,
  );
  const score = (value: number) => value.toFixed(2);
  const rows = result.pages.map(({ page, formFactor, median: m }) => [
    page,
    formFactor === 'mobile' ? 'móvil' : 'escritorio',
    score(m.performance),
    score(m.accessibility),
    score(m.bestPractices),
    ms(m.fcpMs),
    ms(m.lcpMs),
    ms(m.tbtMs),
    m.cls.toFixed(3),
    mark(m.performance >= LIGHTHOUSE_TARGETS.performance),
    mark(m.accessibility >= LIGHTHOUSE_TARGETS.accessibility),
  ]);
  const headers = ['página', 'formato', 'rendimiento', 'accesibilidad', 'buenas prácticas', 'FCP', 'LCP', 'TBT', 'CLS'];
  console.log(formatTable([...headers, `rend.≥${LIGHTHOUSE_TARGETS.performance}`, `acc.≥${LIGHTHOUSE_TARGETS.accessibility}`], rows));
  for (const { page, formFactor, failingAudits } of result.pages) {
    if (failingAudits.length === 0) continue;
    const audits = failingAudits.map(({ id, score: value, displayValue }) => `${id} ${value?.toFixed(2)}${displayValue ? ` (${displayValue})` : ''}`);
    console.log(`   ${page}, ${formFactor === 'mobile' ? 'móvil' : 'escritorio'} — auditorías bajo 0.9 en la última corrida: ${audits.join('; ')}`);
  }
}

function printNotifications(result: NotificationsBenchResult) {
  const { run, repeat, baseline, halfSize: half } = result;
  console.log(
    `\n10. Avisos en PostgreSQL: ${result.people} personas, ${result.obligations} acuerdos abiertos (carga ${(result.loadMs / 1000).toFixed(0)} s). ` +
      `Objetivo: ejecución completa ≤ ${NOTIFICATION_TARGETS.runMs / 1000} s ${mark(run.ms <= NOTIFICATION_TARGETS.runMs)}`,
  );
  console.log(
    formatTable(
      ['medida', 'tiempo', 'resultado'],
      [
        ['ejecución completa (reglas, avisos, resúmenes)', ms(run.ms), `${result.notices} avisos; ${run.summary.messages} correos a ${run.summary.recipients} personas`],
        ...[half.run, run].map((measured, index) => [
          `memoria máxima, ${index ? 'tamaño completo' : 'mitad del tamaño'} (${index ? result.obligations : half.obligations} acuerdos)`,
          index ? '' : ms(measured.ms),
          `heap ${measured.peakHeapMb.toFixed(0)} MB (${measured.startHeapMb.toFixed(0)} MB al empezar), RSS ${measured.peakRssMb.toFixed(0)} MB`,
        ]),
        ['la misma ejecución otra vez', ms(repeat.ms), `${repeat.summary.messages} correos; ${repeat.summary.skipped} omitidos`],
        ['línea base: SQL de los pendientes con destinatarios', ms(baseline.ms), `${baseline.rows} filas`],
      ],
    ),
  );
}

function printQuestionnaires(result: QuestionnairesBenchResult) {
  const { consolidation, docx, importSeed, editorJs } = result;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `\n11. Cuestionarios en PostgreSQL: ${result.questions} preguntas, ${result.organizations} organizaciones, ${result.contributions} aportaciones (${QUERY_RUNS} solicitudes por medida)`,
  );
  console.log(
    formatTable(
      ['medida', 'p50', 'p95', 'línea base p50', 'línea base p95', 'objetivo'],
      [
        [`vista de consolidación, API (${kb(result.consolidationBytes)} JSON)`, ms(consolidation.api.p50), ms(consolidation.api.p95), ms(consolidation.baseline.p50), ms(consolidation.baseline.p95),
          `p95 ≤ ${QUESTIONNAIRE_TARGETS.consolidationP95Ms} ms ${mark(consolidation.api.p95 <= QUESTIONNAIRE_TARGETS.consolidationP95Ms)}`],
        [`respuesta en Word, API (${kb(result.docxBytes)}; base: párrafos simples)`, ms(docx.api.p50), ms(docx.api.p95), ms(docx.baseline.p50), ms(docx.baseline.p95),
          `≤ ${QUESTIONNAIRE_TARGETS.docxMs} ms ${mark(docx.api.p95 <= QUESTIONNAIRE_TARGETS.docxMs)}`],
        [`importar la semilla 001, API simulada (${importSeed.questions} preguntas; base: solo leerla)`, ms(importSeed.api.p50), ms(importSeed.api.p95), ms(importSeed.parse.p50), ms(importSeed.parse.p95),
          `≤ ${QUESTIONNAIRE_TARGETS.importSeedMs} ms ${mark(importSeed.api.p95 <= QUESTIONNAIRE_TARGETS.importSeedMs)}`],
      ],
    ),
  );
  for (const [label, js] of [['aportación', editorJs.contribution], ['consolidación', editorJs.consolidation]] as const) {
    console.log(
      'unavailable' in js
        ? `   JS de la ruta de ${label}: n/d — ${js.unavailable}`
        : `   JS de la ruta de ${label} además del armazón (gzip -9): ${kb(js.routeGzipBytes)} en ${js.files.length} archivos — objetivo ≤ ${QUESTIONNAIRE_TARGETS.editorGzipBytes / 1024} KB ${mark(js.routeGzipBytes <= QUESTIONNAIRE_TARGETS.editorGzipBytes)}`,
    );
  }
}

function printStatistics(result: StatisticsBenchResult) {
  const { rows, service, copy } = result.sesnspImport;
  const large = result.largeImport;
  console.log(`\n12. Estadísticas en PostgreSQL (${service.runs} corridas por medida)`);
  console.log(
    formatTable(
      ['medida', 'p50', 'p95', 'línea base p50', 'línea base p95', 'objetivo'],
      [
        [`importar el archivo del SESNSP, servicio (${rows} filas; base: COPY a una tabla simple)`, ms(service.p50), ms(service.p95), ms(copy.p50), ms(copy.p95),
          `≤ ${STATISTICS_TARGETS.sesnspImportMs / 1000} s ${mark(service.p95 <= STATISTICS_TARGETS.sesnspImportMs)}`],
        [`importar un CSV sintético, servicio (${large.rows} filas, ${large.megabytes.toFixed(0)} MB; base: COPY), una corrida`, ms(large.serviceMs), '', ms(large.copyMs), '',
          `sin objetivo (${(large.serviceMs / large.copyMs).toFixed(0)} × COPY)`],
        ['  de ello, leer y validar el archivo (solo el lector del servicio)', ms(large.parseMs), '', '', '', ''],
        ['  las mismas filas a una copia de stat_observations con sus índices, un INSERT … SELECT', ms(large.indexedInsertMs), '', '', '', ''],
      ],
    ),
  );
}

function printNetworks(result: NetworksBenchResult) {
  const { results, invitations } = result;
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  console.log(
    `\n13. Redes y encuestas en PostgreSQL: ${result.members} integrantes en ${result.states} estados y ${result.sectors} sectores, ${result.commissions} comisiones ` +
      `(${result.commissionMemberships} lugares); encuesta de ${result.questions} preguntas, ${result.responses} respuestas, ${result.answers} filas de respuestas ` +
      `(carga ${seconds(result.loadMs)}); survey_counts: ${result.countRows} filas, rehechas por rebuildCounts en ${seconds(result.countsMs)}`,
  );
  console.log(
    `   Vista de resultados: API en proceso, ${results.runs} peticiones tras ${results.warmUps} de calentamiento (${(results.responseBytes / 1024).toFixed(0)} KB gzip); ` +
      `línea base: GROUP BY question_key, option_key sobre survey_answers, ${results.baselineRuns} corridas. Apertura: ${invitations.runs} encuestas nuevas, ` +
      `${invitations.invited} invitaciones y ${invitations.mailsQueued} correos en cola cada una`,
  );
  console.log(
    formatTable(
      ['medida', 'objetivo', 'Telar p50', 'Telar p95', 'línea base p50', 'línea base p95', 'cumple'],
      [
        ['resultados, toda la red', `p95 ≤ ${NETWORK_TARGETS.resultsP95Ms} ms`, ms(results.overall.api.p50), ms(results.overall.api.p95), ms(results.overall.baseline.p50), ms(results.overall.baseline.p95),
          mark(results.overall.api.p95 <= NETWORK_TARGETS.resultsP95Ms)],
        [`resultados, un estado (${results.state.segment}, ${results.state.respondents} respuestas)`, `p95 ≤ ${NETWORK_TARGETS.resultsP95Ms} ms`, ms(results.state.api.p50), ms(results.state.api.p95),
          ms(results.state.baseline.p50), ms(results.state.baseline.p95), mark(results.state.api.p95 <= NETWORK_TARGETS.resultsP95Ms)],
        [`abrir la encuesta a ${invitations.invited} integrantes (base: INSERT … SELECT de invitaciones y correos)`, `≤ ${NETWORK_TARGETS.openMs / 1000} s`, ms(invitations.api.p50),
          ms(invitations.api.max), ms(invitations.baseline.p50), ms(invitations.baseline.max), mark(invitations.api.max <= NETWORK_TARGETS.openMs)],
      ],
    ),
  );
  console.log(`   (apertura: la columna p95 muestra el máximo de las ${invitations.runs} corridas)`);
  console.log('   Dónde va el tiempo de la vista de resultados de toda la red (cada parte medida aparte):');
  console.log(formatTable(['parte', 'p50', 'p95'], results.parts.map(({ label, timing }) => [label, ms(timing.p50), ms(timing.p95)])));
  if (process.env.BENCH_NETWORK_EXPLAIN) for (const { label, plan } of results.plans) console.log(`   EXPLAIN ANALYZE de ${label}:\n${plan.replace(/^/gm, '     ')}`);
}

/** Writes one section's results into bench/results.json, keeping the other sections' last figures. */
function updateResults(section: string, value: unknown) {
  const previous = existsSync(RESULTS_URL) ? (JSON.parse(readFileSync(RESULTS_URL, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS_URL, `${JSON.stringify({ ...previous, [section]: value }, null, 2)}\n`);
}

async function main() {
  const loadAtStart = loadavg()[0] ?? 0;
  // The figures are only comparable between runs on an otherwise idle machine; say when it was not.
  logProgress(
    `Telar bench: Node ${process.version}, ${availableParallelism()} núcleos (${cpus()[0]?.model ?? '?'}), carga del sistema ${loadAtStart.toFixed(1)}` +
      (loadAtStart > availableParallelism() / 2 ? ' — la máquina está ocupada: las cifras saldrán infladas' : ''),
  );
  if (ONLY === 'lighthouse') {
    // Lighthouse runs on `telar serve` with its own embedded database: no PostgreSQL cluster needed.
    const lighthouse = await runLighthouseBench();
    printLighthouse(lighthouse);
    updateResults('lighthouse', { generatedAt: new Date().toISOString(), targets: LIGHTHOUSE_TARGETS, ...lighthouse });
    logProgress('Resultados de Lighthouse en bench/results.json');
    return;
  }
  const cluster = await startPostgresCluster();
  const place: BenchPlace = { postgresUrl: cluster.url, scratchDir: mkdtempSync(join(tmpdir(), 'telar-bench-')) };
  const cleanUp = () => {
    cluster.stop();
    rmSync(place.scratchDir, { recursive: true, force: true });
  };
  // An interrupted run must not leave a PostgreSQL server or a gigabyte of PGlite data behind.
  const stopOnSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    if (ONLY === 'dashboards') {
      const dashboards = await runDashboardsBench(place);
      printDashboards(dashboards);
      // Only this part of the results changes; the other sections keep their last figures.
      updateResults('dashboards', { generatedAt: new Date().toISOString(), ...dashboardsResults(dashboards) });
      logProgress('Resultados de los tableros en bench/results.json');
      return;
    }
    if (ONLY === 'search') {
      const search = await runSearchBench(place);
      printSearch(search);
      updateResults('search', { generatedAt: new Date().toISOString(), targets: SEARCH_TARGETS, ...search });
      logProgress('Resultados de la búsqueda en bench/results.json');
      return;
    }
    if (ONLY === 'notifications') {
      const notifications = await benchNotifications(place, SCALE, (message) => logProgress(`  ${message}`));
      printNotifications(notifications);
      updateResults('notifications', { generatedAt: new Date().toISOString(), targets: NOTIFICATION_TARGETS, ...notifications });
      logProgress('Resultados de los avisos en bench/results.json');
      return;
    }
    if (ONLY === 'questionnaires') {
      const questionnaires = await benchQuestionnaires(place, { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS }, (message) => logProgress(`  ${message}`));
      printQuestionnaires(questionnaires);
      updateResults('questionnaires', { generatedAt: new Date().toISOString(), targets: QUESTIONNAIRE_TARGETS, ...questionnaires });
      logProgress('Resultados de los cuestionarios en bench/results.json');
      return;
    }
    if (ONLY === 'statistics') {
      const statistics = await benchStatistics(place, STATISTICS_IMPORT_RUNS, STATISTICS_SCALE, (message) => logProgress(`  ${message}`));
      printStatistics(statistics);
      updateResults('statistics', { generatedAt: new Date().toISOString(), targets: STATISTICS_TARGETS, ...statistics });
      logProgress('Resultados de las estadísticas en bench/results.json');
      return;
    }
    if (ONLY === 'networks') {
      logProgress(`Redes: ${NETWORK_VOLUMES.members} integrantes, encuesta con ${NETWORK_OPTIONS.responses} respuestas…`);
      const networks = await benchNetworks(place, NETWORK_OPTIONS, (message) => logProgress(`  ${message}`));
      printNetworks(networks);
      updateResults('networks', { generatedAt: new Date().toISOString(), targets: NETWORK_TARGETS, ...networks });
      logProgress('Resultados de las redes en bench/results.json');
      return;
    }
    const seedImport = {} as Record<DatabaseKind, SeedImportResult>;
    for (const kind of DATABASE_KINDS) {
      logProgress(`${DATABASE_NAMES[kind]}: importación del informe semilla…`);
      seedImport[kind] = await benchSeedImport(kind, place, SEED_RUNS);
    }
    const datasetRuns: DatasetRun[] = [];
    for (const kind of DATABASE_KINDS) datasetRuns.push(await runDatasetBench(kind, place));

    logProgress('DOCX: informe de 1,000 bloques…');
    const docx = await benchDocx();
    logProgress('Web: tamaño de la primera carga…');
    const web = measureWebFirstLoad();
    const dashboards = await runDashboardsBench(place);
    const search = await runSearchBench(place);
    const lighthouse = await runLighthouseBench();
    logProgress('Avisos: ejecución completa de las reglas…');
    const notifications = await benchNotifications(place, SCALE, (message) => logProgress(`  ${message}`));
    logProgress('Cuestionarios: consolidación, Word e importación…');
    const questionnaires = await benchQuestionnaires(place, { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS }, (message) => logProgress(`  ${message}`));

    printSeedImport(seedImport);
    printDataset(datasetRuns);
    for (const run of datasetRuns) printQueries(run);
    console.log(
      `\n4. DOCX, informe de 1,000 bloques: mediana ${ms(docx.medianMs)}, p95 ${ms(docx.p95Ms)}, ${(docx.bytes / 1024).toFixed(0)} KB — objetivo ≤ ${TARGETS.docxMs} ms ${mark(docx.medianMs <= TARGETS.docxMs)}` +
        ` (línea base, el mismo texto en párrafos simples: mediana ${ms(docx.baseline.medianMs)}, p95 ${ms(docx.baseline.p95Ms)})`,
    );
    console.log(
      'unavailable' in web
        ? `\n5. Web, JS de la primera carga (gzip -9): n/d — ${web.unavailable}`
        : `\n5. Web, JS de la primera carga (gzip -9): ${(web.gzipBytes / 1024).toFixed(1)} KB en ${web.files.length} archivos — objetivo ≤ ${TARGETS.webGzipBytes / 1024} KB ${mark(web.gzipBytes <= TARGETS.webGzipBytes)}`,
    );
    printDashboards(dashboards);
    printSearch(search);
    printLighthouse(lighthouse);
    printNotifications(notifications);
    printQuestionnaires(questionnaires);

    const results = {
      generatedAt: new Date().toISOString(),
      machine: { node: process.version, cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, platform: process.platform, loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 } },
      targets: TARGETS,
      seedImport: { file: basename(SEED_PATH), runs: SEED_RUNS, ...seedImport },
      dataset: datasetRuns.map(({ kind, scale, volumes, load }) => ({ kind, scale, volumes, loadMs: load.p50 })),
      queries: Object.fromEntries(datasetRuns.map(({ kind, queries }) => [kind, { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS, results: queries }])),
      docx,
      web,
      dashboards: dashboardsResults(dashboards),
      search: { targets: SEARCH_TARGETS, ...search },
      lighthouse: { targets: LIGHTHOUSE_TARGETS, ...lighthouse },
      notifications: { targets: NOTIFICATION_TARGETS, ...notifications },
      questionnaires: { targets: QUESTIONNAIRE_TARGETS, ...questionnaires },
    };
    writeFileSync(RESULTS_URL, `${JSON.stringify(results, null, 2)}\n`);
    logProgress(`Resultados en bench/results.json (carga del sistema al terminar: ${results.machine.loadAverage.end.toFixed(1)})`);
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    cleanUp();
  }
}

await main();
