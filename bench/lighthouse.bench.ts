/**
 * Lighthouse (performance, accessibility, best practices) on the built production server: `telar demo`
 * loads the demo data into a fresh embedded database, `telar users create-admin` makes the account the
 * internal pages are opened with (its session cookie goes in every request), then `telar serve`. Each page
 * is audited on Lighthouse's default mobile emulation and with its desktop config, several runs each, in
 * Debian's Chromium started here (Lighthouse never launches or downloads a browser). A minimal static
 * page on another loopback server is the baseline: what this machine gives an empty page.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { findFreePort } from '../apps/server/src/test/free-port.js';
import { signInReplacingPassword } from '../e2e/support/api-session.js';
import { createAdminWithCli, startTelarProcess } from '../e2e/support/telar-server.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const METRICS = { fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift' } as const;
// Without the background-networking flags Chromium's own connections are refused by the closed network and slow every run.
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MAX_FAILED_RUNS = 3;
const ACCOUNT = { email: 'lighthouse@bench.telar.mx', password: 'Rendimiento-Accesible-2026' };
const FIRST_PASSWORD = 'Primera-Clave-Del-Banco-2026';
/** The baseline: a page with nothing to load, written to pass every check that does not depend on the app. */
const BASELINE_HTML =
  '<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<meta name="description" content="Página mínima de referencia."><title>Referencia</title></head><body><main><h1>Referencia</h1><p>Página mínima.</p></main></body></html>';

export type FormFactor = 'mobile' | 'desktop';
export const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop'];

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** An audit of the last run that did not get full marks, with Lighthouse's own figure for it. */
export interface FailingAudit {
  id: string;
  category: string;
  score: number | null;
  displayValue?: string;
}

export interface LighthousePageResult {
  page: string;
  path: string;
  formFactor: FormFactor;
  runs: number;
  /** The median of each figure over the runs. */
  median: LighthouseFigures;
  perRun: LighthouseFigures[];
  failingAudits: FailingAudit[];
}

export type LighthouseResult = { version: string; chromium: string; runsPerPage: number; pages: LighthousePageResult[] } | { unavailable: string };

interface Target {
  page: string;
  path: string;
  /** Sent as a Cookie header on every request; absent for the baseline and the public portal. */
  cookie?: string;
  origin: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function readFigures(lhr: Result): LighthouseFigures {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: lhr.categories.performance?.score ?? Number.NaN,
    accessibility: lhr.categories.accessibility?.score ?? Number.NaN,
    bestPractices: lhr.categories['best-practices']?.score ?? Number.NaN,
    fcpMs: numeric(METRICS.fcp),
    lcpMs: numeric(METRICS.lcp),
    tbtMs: numeric(METRICS.tbt),
    cls: numeric(METRICS.cls),
  };
}

/** Audits that count towards a category and lost points: what to look at before changing anything. */
function readFailingAudits(lhr: Result): FailingAudit[] {
  return CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 || category === 'performance')
      .map((ref) => lhr.audits[ref.id]!)
      // The *-insight audits restate the classic audits listed beside them.
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable' && !audit.id.endsWith('-insight'))
      .map((audit) => ({ id: audit.id, category, score: audit.score, displayValue: audit.displayValue })),
  );
}

/** Debian's Chromium with a fresh profile and its DevTools port, for Lighthouse to drive. */
async function startChromium(chromiumPath: string): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await findFreePort();
  const profile = mkdtempSync(join(tmpdir(), 'telar-lighthouse-profile-'));
  const child: ChildProcess = spawn(chromiumPath, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Chromium no abrió su puerto de depuración ${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function auditPage(port: number, target: Target, formFactor: FormFactor, runs: number): Promise<LighthousePageResult> {
  const flags: Flags = {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: [...CATEGORIES],
    extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
  };
  const perRun: LighthouseFigures[] = [];
  let last: Result | undefined;
  let failures = 0;
  while (perRun.length < runs) {
    const answer = await lighthouse(`${target.origin}${target.path}`, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    const error = answer ? answer.lhr.runtimeError : { code: 'NO_RESULT', message: 'sin resultado' };
    if (error) {
      // On a busy machine the trace is sometimes lost (NO_NAVSTART…): that run is repeated, a few times at most.
      if (++failures > MAX_FAILED_RUNS) throw new Error(`Lighthouse en ${target.path}: ${error.code} ${error.message}`);
      continue;
    }
    last = answer!.lhr;
    perRun.push(readFigures(last));
  }
  // The whole report of the last run, for finding why a score is missed (open it in the Lighthouse viewer).
  const reportDir = process.env.BENCH_LIGHTHOUSE_REPORTS;
  if (reportDir) writeFileSync(join(reportDir, `${target.page.normalize('NFD').replace(/\p{M}/gu, '').replace(/\W+/g, '-')}-${formFactor}.json`), JSON.stringify(last));
  const figures = Object.keys(perRun[0]!) as (keyof LighthouseFigures)[];
  return {
    page: target.page,
    path: target.path,
    formFactor,
    runs,
    median: Object.fromEntries(figures.map((key) => [key, median(perRun.map((r) => r[key]))])) as unknown as LighthouseFigures,
    perRun,
    failingAudits: readFailingAudits(last!),
  };
}

/** A loopback server answering the baseline page, so its figures share this machine's and this browser's conditions. */
async function startBaselineServer(): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(BASELINE_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs Lighthouse `runs` times on each page and form factor; the baseline first. */
export async function benchLighthouse(runs: number, onProgress: (message: string) => void): Promise<LighthouseResult> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const dataDir = mkdtempSync(join(tmpdir(), 'telar-lighthouse-'));
  const env = { ...process.env, TELAR_DATA_DIR: dataDir, DATABASE_URL: '' };
  const stops: (() => Promise<void>)[] = [];
  try {
    // The embedded database is locked while the server runs: the demo data and the account are made before it.
    await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/telar.mjs'), 'demo'], { env });
    await createAdminWithCli(env, { email: ACCOUNT.email, password: FIRST_PASSWORD });
    const telar = await startTelarProcess(env);
    stops.push(telar.stop);
    const api = await signInReplacingPassword(telar.baseUrl, { email: ACCOUNT.email, password: FIRST_PASSWORD }, ACCOUNT.password);
    const { items: sessions } = await api.get<{ items: { id: string }[] }>('/sessions');
    if (!sessions[0]) return { unavailable: 'los datos de demostración no tienen sesiones' };
    const baseline = await startBaselineServer();
    stops.push(baseline.stop);
    const chromium = await startChromium(chromiumPath);
    stops.push(chromium.stop);
    const version = (await (await fetch(`http://127.0.0.1:${chromium.port}/json/version`)).json()) as { Browser: string };

    const cookie = `${api.sessionCookie.name}=${api.sessionCookie.value}`;
    const targets: Target[] = [
      { page: 'línea base (HTML mínimo)', path: '/', origin: baseline.origin },
      { page: 'inicio interno', path: '/', cookie, origin: telar.baseUrl },
      { page: 'sesión', path: `/sesiones/${sessions[0].id}`, cookie, origin: telar.baseUrl },
      { page: 'tableros', path: '/tableros', cookie, origin: telar.baseUrl },
      { page: 'portal público', path: '/publico', origin: telar.baseUrl },
    ];
    const pages: LighthousePageResult[] = [];
    for (const target of targets) {
      for (const formFactor of FORM_FACTORS) {
        onProgress(`${target.page} (${formFactor === 'mobile' ? 'móvil' : 'escritorio'}), ${runs} corridas…`);
        pages.push(await auditPage(chromium.port, target, formFactor, runs));
      }
    }
    const { version: lighthouseVersion } = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8')) as { version: string };
    return { version: lighthouseVersion, chromium: version.Browser, runsPerPage: runs, pages };
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
