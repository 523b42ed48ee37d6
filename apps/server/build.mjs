// Bundles the server and CLI into dist/ (dependencies stay in node_modules) and copies the SQL
// migrations and INEGI catalogues beside the bundle, where the code looks for them.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // The domain package is TypeScript source: bundle it instead of importing it at run time.
  alias: { '@telar/domain': '../../packages/domain/src/index.ts' },
  sourcemap: true,
  logLevel: 'warning',
});
cpSync('src/platform/db/migrations', 'dist/migrations', { recursive: true });
cpSync('src/platform/db/reference', 'dist/reference', { recursive: true });
cpSync('src/demo/fixtures', 'dist/fixtures', { recursive: true });
