#!/usr/bin/env node
// The `telar` command: runs the built server bundle (npm run build).
import { existsSync } from 'node:fs';

const bundle = new URL('../apps/server/dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error('Telar no está compilado: ejecute `npm run build` primero.');
  process.exit(1);
}
await import(bundle.href);
