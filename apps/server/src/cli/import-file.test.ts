import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportFile } from './import-file.js';

const workDir = mkdtempSync(join(tmpdir(), 'telar-import-file-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('readImportFile', () => {
  it('reads a file up to the limit the API has', async () => {
    const file = join(workDir, 'plan.csv');
    writeFileSync(file, 'plan,título\n');
    expect((await readImportFile(file)).toString()).toBe('plan,título\n');
    truncateSync(file, 5 * 1024 * 1024);
    expect((await readImportFile(file)).length).toBe(5 * 1024 * 1024);
  });

  it('refuses, before reading, a file over the limit, a device and a missing file, naming them', async () => {
    const file = join(workDir, 'grande.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 48 * 1024 * 1024); // sparse: 48 MB that take no disk
    await expect(readImportFile(file)).rejects.toThrow(`El archivo ${file} pesa 48 MB; se importan archivos de hasta 5 MB.`);
    truncateSync(file, 5 * 1024 * 1024 + 1);
    await expect(readImportFile(file)).rejects.toThrow(`El archivo ${file} pesa 5.1 MB; se importan archivos de hasta 5 MB.`);
    await expect(readImportFile('/dev/zero')).rejects.toThrow('/dev/zero no es un archivo.');
    await expect(readImportFile(join(workDir, 'no-existe.csv'))).rejects.toThrow(`No existe el archivo ${join(workDir, 'no-existe.csv')}.`);
  });
});
