import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function makeDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'telar-lock-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

// Creating an on-disk PGlite cluster takes several seconds.
describe('embedded database directory lock', { timeout: 60_000 }, () => {
  it('refuses a directory this process already has open, and allows it once closed', async () => {
    const dataDir = makeDataDir();
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(/abierta por otro proceso/);
    await first.close();
    const second = await openDatabase({ dataDir });
    await second.close();
  });

  it('refuses a directory another live process holds, and takes over a stale lock', async () => {
    const dataDir = makeDataDir();
    const other = spawn('sleep', ['30']);
    cleanups.push(() => other.kill());
    writeFileSync(join(dataDir, 'telar.lock'), String(other.pid));
    await expect(openDatabase({ dataDir })).rejects.toThrow(`pid ${other.pid}`);

    other.kill();
    await new Promise((resolve) => other.once('exit', resolve));
    const handle = await openDatabase({ dataDir });
    await handle.close();
  });
});
