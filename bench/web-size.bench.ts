/** Gzipped size of the JavaScript a browser fetches on first load: the entry module and its modulepreloads. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'apps/web/dist');
const BUILD_TIMEOUT_MS = 5 * 60_000;

export type WebSizeResult = { gzipBytes: number; files: { path: string; gzipBytes: number }[] } | { unavailable: string };

/** Builds the web app when dist/index.html is missing; returns why not when the build fails. */
function ensureWebBuild(): string | undefined {
  if (existsSync(join(DIST, 'index.html'))) return undefined;
  const build = spawnSync('npm', ['run', 'build', '-w', '@telar/web'], { cwd: ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
  if (build.status === 0 && existsSync(join(DIST, 'index.html'))) return undefined;
  const output = `${build.stderr ?? ''}\n${build.stdout ?? ''}`;
  const firstError = output.split('\n').find((line) => /error/i.test(line))?.trim();
  return `la compilación de apps/web falló${build.error ? ` (${build.error.message})` : ''}: ${firstError ?? `código ${build.status}`}`;
}

/** Value of one attribute in a tag's text, whatever the attribute order or quoting. */
function readAttribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
}

/** The entry `<script type="module" src>` and every `<link rel="modulepreload" href>` of index.html. */
function findFirstLoadScripts(html: string): string[] {
  const scripts = (html.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => readAttribute(tag, 'type') === 'module').map((tag) => readAttribute(tag, 'src'));
  const preloads = (html.match(/<link\b[^>]*>/gi) ?? []).filter((tag) => readAttribute(tag, 'rel') === 'modulepreload').map((tag) => readAttribute(tag, 'href'));
  return [...new Set([...scripts, ...preloads].filter((src): src is string => !!src && !/^https?:/.test(src)))];
}

export function measureWebFirstLoad(): WebSizeResult {
  const buildFailure = ensureWebBuild();
  if (buildFailure) return { unavailable: buildFailure };
  const scripts = findFirstLoadScripts(readFileSync(join(DIST, 'index.html'), 'utf8'));
  if (!scripts.length) return { unavailable: 'apps/web/dist/index.html no enlaza ningún <script type="module">' };
  const files = scripts.map((src) => {
    const path = join(DIST, src.replace(/^\.?\//, ''));
    if (!existsSync(path)) throw new Error(`index.html enlaza ${src}, que no está en apps/web/dist`);
    return { path: src, gzipBytes: gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length };
  });
  return { gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
}
