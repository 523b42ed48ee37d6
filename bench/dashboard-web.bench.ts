/**
 * The dashboard page in the browser: (a) the gzipped JavaScript the /tableros route adds to the shell
 * (its lazy chunk and the chunks it imports statically, from the built files' import graph; plus what
 * Chromium actually fetched for it), and (b) how long the map takes to render once the dashboard data
 * has arrived: from the responseEnd of GET /api/dashboards/activities to performance.mark('telar:map-rendered'),
 * in a fresh browser context (cold cache) each load. The app (createApp with the built web app, as
 * `telar serve` runs it) is served in-process on the bench's database.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createApp } from '../apps/server/src/app.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { getPercentile } from './measure.js';
import { measureWebFirstLoad } from './web-size.bench.js';

const DIST = fileURLToPath(new URL('../apps/web/dist', import.meta.url));
const ASSETS = join(DIST, 'assets');
const ROUTE_CHUNK = /^activity-dashboard\.page-[\w-]+\.js$/;
const MAP_RENDERED_MARK = 'telar:map-rendered';
const LOAD_TIMEOUT_MS = 30_000;

export type RouteJsResult =
  | { shellGzipBytes: number; routeGzipBytes: number; files: { path: string; gzipBytes: number }[]; lazyImports: string[] }
  | { unavailable: string };

export type MapRenderResult =
  | {
      loads: number;
      /** How the render moment was taken: the app's mark, or (fallback) the 32 state paths appearing. */
      method: 'mark' | 'mutation-observer';
      p50: number;
      p95: number;
      max: number;
      /** The app's own performance.measure('telar:map-render') (data mark → map mark), when it records it. */
      appMeasure?: { p50: number; p95: number };
      /** JS files Chromium fetched for /tableros beyond the shell, gzip -9 of their bytes on disk. */
      fetchedRouteGzipBytes: number;
      fetchedRouteFiles: string[];
    }
  | { unavailable: string };

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length;
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']\.\/([^"']+\.js)["']\s*\)/g;

/** Files a chunk imports statically (transitively), itself included. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(join(ASSETS, file))) return seen;
  seen.add(file);
  const text = readFileSync(join(ASSETS, file), 'utf8');
  for (const match of text.matchAll(STATIC_IMPORT)) staticClosure(match[1]!, seen);
  return seen;
}

/** (a) From the files: a route chunk's static closure minus the shell's (entry + modulepreloads and what they import); by default /tableros'. */
export function measureRouteJs(routeChunk: RegExp = ROUTE_CHUNK): RouteJsResult {
  const shell = measureWebFirstLoad();
  if ('unavailable' in shell) return { unavailable: shell.unavailable };
  const route = readdirSync(ASSETS).find((file) => routeChunk.test(file));
  if (!route) return { unavailable: `ningún fragmento de apps/web/dist/assets responde a ${routeChunk} (¿la ruta aún no existe?)` };
  const shellFiles = new Set<string>();
  for (const file of shell.files) staticClosure(file.path.replace(/^.*\/assets\//, ''), shellFiles);
  const routeFiles = [...staticClosure(route)].filter((file) => !shellFiles.has(file));
  const files = routeFiles.map((file) => ({ path: `assets/${file}`, gzipBytes: gzipSize(join(ASSETS, file)) }));
  const lazyImports = [...new Set(routeFiles.flatMap((file) => [...readFileSync(join(ASSETS, file), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!)))].filter(
    (file) => !shellFiles.has(file) && !routeFiles.includes(file),
  );
  return { shellGzipBytes: shell.gzipBytes, routeGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files, lazyImports };
}

/** Records when the choropleth's 32 state paths first exist, for builds without the mark. */
const OBSERVER_SCRIPT = `(() => {
  const check = () => {
    if (window.__telarMapPathsAt === undefined && document.querySelectorAll('svg.mexico-map path[data-code], svg.mexico-map path.mexico-map__state').length >= 32) window.__telarMapPathsAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

interface LoadSample {
  dataEnd: number;
  renderedAt: number;
  method: 'mark' | 'mutation-observer';
  appMeasure?: number;
  scripts: string[];
}

/** (b) Signs in, opens /tableros `loads` times in fresh contexts and times data arrival → map committed. */
export async function measureMapRender(db: Database, credentials: { email: string; password: string }, loads: number, onProgress: (message: string) => void): Promise<MapRenderResult> {
  if (!existsSync(join(DIST, 'index.html'))) return { unavailable: 'apps/web/dist no está compilado' };
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { unavailable: `no hay Chromium en ${chromiumPath} (CHROMIUM_PATH)` };
  const app = createApp({ db, webRoot: DIST, loginAttemptsPerMinute: 1000 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
    if (!login.ok) return { unavailable: `no se pudo iniciar sesión: ${login.status}` };
    const [name, value] = login.headers.getSetCookie()[0]!.split(';')[0]!.split('=') as [string, string];
    const shell = measureWebFirstLoad();
    const shellFiles = new Set('unavailable' in shell ? [] : shell.files.map((f) => f.path.replace(/^.*\/assets\//, '')));
    const samples: LoadSample[] = [];
    for (let load = 0; load < loads + 1; load++) {
      const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 900 } });
      try {
        await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
        const page = await context.newPage();
        await page.addInitScript(OBSERVER_SCRIPT);
        await page.goto(`${baseUrl}/tableros`, { waitUntil: 'domcontentloaded' });
        try {
          await page.waitForFunction(
            (mark) => performance.getEntriesByName(mark, 'mark').length > 0 || (window as unknown as { __telarMapPathsAt?: number }).__telarMapPathsAt !== undefined,
            MAP_RENDERED_MARK,
            { timeout: LOAD_TIMEOUT_MS, polling: 50 },
          );
          // Give the app a moment to place its mark if the observer fired first.
          await page.waitForTimeout(200);
        } catch {
          const text = (await page.locator('main').textContent().catch(() => ''))?.trim().slice(0, 120);
          return { unavailable: `/tableros no pintó el mapa en ${LOAD_TIMEOUT_MS / 1000} s (ni la marca ${MAP_RENDERED_MARK} ni 32 rutas svg.mexico-map path)${text ? `; la página muestra: «${text}»` : ''}` };
        }
        const sample = await page.evaluate((mark) => {
          const data = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/dashboards/activities')) as PerformanceResourceTiming | undefined;
          const rendered = performance.getEntriesByName(mark, 'mark')[0];
          const observed = (window as unknown as { __telarMapPathsAt?: number }).__telarMapPathsAt;
          const appMeasure = performance.getEntriesByName('telar:map-render', 'measure')[0]?.duration;
          const scripts = performance.getEntriesByType('resource').filter((e) => /\.js(\?|$)/.test(e.name)).map((e) => e.name.replace(/^.*\/assets\//, ''));
          return { dataEnd: data?.responseEnd ?? null, renderedAt: rendered?.startTime ?? observed ?? null, method: rendered ? 'mark' : 'mutation-observer', appMeasure, scripts };
        }, MAP_RENDERED_MARK);
        if (sample.dataEnd === null || sample.renderedAt === null) return { unavailable: '/tableros pintó el mapa sin pedir /api/dashboards/activities' };
        // The first load only warms the server and the database; it is not counted.
        if (load > 0) samples.push(sample as LoadSample);
      } finally {
        await context.close();
      }
      if (load > 0 && load % 5 === 0) onProgress(`mapa: ${load}/${loads} cargas`);
    }
    const durations = samples.map((s) => s.renderedAt - s.dataEnd).sort((a, b) => a - b);
    const measures = samples.flatMap((s) => (s.appMeasure === undefined ? [] : [s.appMeasure])).sort((a, b) => a - b);
    const fetched = [...new Set(samples[0]!.scripts)].filter((file) => !shellFiles.has(file) && existsSync(join(ASSETS, file)));
    return {
      loads: samples.length,
      method: samples.every((s) => s.method === 'mark') ? 'mark' : 'mutation-observer',
      p50: getPercentile(durations, 0.5),
      p95: getPercentile(durations, 0.95),
      max: durations.at(-1)!,
      appMeasure: measures.length ? { p50: getPercentile(measures, 0.5), p95: getPercentile(measures, 0.95) } : undefined,
      fetchedRouteGzipBytes: fetched.reduce((sum, file) => sum + gzipSize(join(ASSETS, file)), 0),
      fetchedRouteFiles: fetched,
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
