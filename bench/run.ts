/**
 * `npm run bench`: seed import, synthetic national dataset, list/search latency (API and SQL) on
 * PostgreSQL and PGlite, DOCX rendering and first-load JS size. Prints tables and writes bench/results.json.
 * BENCH_SCALE (default 1) scales the dataset; BENCH_RUNS (at least and by default 200) sets the timed requests per query.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPostgresCluster } from '../apps/server/src/test/postgres-cluster.js';
import { type BenchPlace, type DatabaseKind, openBenchDatabase } from './bench-database.js';
import { benchDocx } from './docx.bench.js';
import { formatTable } from './format-table.js';
import { type DatasetVolumes, generateDataset } from './generate-dataset.js';
import { measure, type Timing } from './measure.js';
import { benchQueries, type QueryResult } from './queries.bench.js';
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

async function main() {
  const loadAtStart = loadavg()[0] ?? 0;
  // The figures are only comparable between runs on an otherwise idle machine; say when it was not.
  logProgress(
    `Telar bench: Node ${process.version}, ${availableParallelism()} núcleos (${cpus()[0]?.model ?? '?'}), carga del sistema ${loadAtStart.toFixed(1)}` +
      (loadAtStart > availableParallelism() / 2 ? ' — la máquina está ocupada: las cifras saldrán infladas' : ''),
  );
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

    printSeedImport(seedImport);
    printDataset(datasetRuns);
    for (const run of datasetRuns) printQueries(run);
    console.log(`\n4. DOCX, informe de 1,000 bloques: mediana ${ms(docx.medianMs)}, p95 ${ms(docx.p95Ms)}, ${(docx.bytes / 1024).toFixed(0)} KB — objetivo ≤ ${TARGETS.docxMs} ms ${mark(docx.medianMs <= TARGETS.docxMs)}`);
    console.log(
      'unavailable' in web
        ? `\n5. Web, JS de la primera carga (gzip -9): n/d — ${web.unavailable}`
        : `\n5. Web, JS de la primera carga (gzip -9): ${(web.gzipBytes / 1024).toFixed(1)} KB en ${web.files.length} archivos — objetivo ≤ ${TARGETS.webGzipBytes / 1024} KB ${mark(web.gzipBytes <= TARGETS.webGzipBytes)}`,
    );

    const results = {
      generatedAt: new Date().toISOString(),
      machine: { node: process.version, cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, platform: process.platform, loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 } },
      targets: TARGETS,
      seedImport: { file: basename(SEED_PATH), runs: SEED_RUNS, ...seedImport },
      dataset: datasetRuns.map(({ kind, scale, volumes, load }) => ({ kind, scale, volumes, loadMs: load.p50 })),
      queries: Object.fromEntries(datasetRuns.map(({ kind, queries }) => [kind, { runs: QUERY_RUNS, warmUps: QUERY_WARM_UPS, results: queries }])),
      docx,
      web,
    };
    writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
    logProgress(`Resultados en bench/results.json (carga del sistema al terminar: ${results.machine.loadAverage.end.toFixed(1)})`);
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    cleanUp();
  }
}

await main();
