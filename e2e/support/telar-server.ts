import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findFreePort } from '../../apps/server/src/test/free-port.js';
import { type ApiSession, type Credentials, signInReplacingPassword } from './api-session.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningTelar {
  baseUrl: string;
  /** The administrator created with the command line before the server started. */
  admin: Credentials;
  /** The API signed in as that administrator, for seeding. */
  adminApi: ApiSession;
  stop(): Promise<void>;
}

/** One `telar serve` process. */
export interface TelarProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

const admin: Credentials = { email: 'administracion@e2e.telar.mx', password: 'Prueba-de-extremo-2024' };
/** What `create-admin --password` is given: Telar has it replaced by `admin.password` at the first sign-in. */
const FIRST_ADMIN_PASSWORD = 'Primera-clave-e2e-2024';

function requireBuild() {
  if (!existsSync(join(repoRoot, 'apps/server/dist/cli.js')) || !existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('Telar no está compilado: ejecute `npm run build` antes de las pruebas e2e.');
  }
}

/** Creates the administrator with the built command line, as a person installing Telar would. */
export async function createAdminWithCli(env: NodeJS.ProcessEnv, credentials: Credentials = admin): Promise<void> {
  await runTelarCommand(env, ['users', 'create-admin', '--email', credentials.email, '--name', 'Administración e2e', '--password', credentials.password]);
}

async function runTelarCommand(env: NodeJS.ProcessEnv, args: string[]) {
  requireBuild();
  await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/telar.mjs'), ...args], { env });
}

/** Runs the built `telar serve` with this environment on a free port and waits until it listens. */
export async function startTelarProcess(env: NodeJS.ProcessEnv): Promise<TelarProcess> {
  requireBuild();
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin/telar.mjs'), 'serve', '--port', String(port)], {
    // Links in e-mail point at this server unless the spec says otherwise.
    env: { TELAR_PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Telar escucha')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Telar no arrancó:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Starts the built Telar (`npm run build`) on the embedded database in a fresh directory, as a user would;
 * `extraEnv` adds settings; `withDemoData` loads the demo data first (`telar demo`).
 */
export async function startTelar(extraEnv: NodeJS.ProcessEnv = {}, { withDemoData = false } = {}): Promise<RunningTelar> {
  const dataDir = mkdtempSync(join(tmpdir(), 'telar-e2e-'));
  // Every browser and client of a spec signs in from 127.0.0.1: the default 10 sign-ins a minute is for one person.
  const env = { ...process.env, TELAR_DATA_DIR: dataDir, DATABASE_URL: '', TELAR_LOGIN_ATTEMPTS_PER_MINUTE: '60', ...extraEnv };
  if (withDemoData) await runTelarCommand(env, ['demo']);
  // The embedded database is locked while the server runs, so the first account is made before it.
  await createAdminWithCli(env, { email: admin.email, password: FIRST_ADMIN_PASSWORD });
  const server = await startTelarProcess(env);
  return {
    baseUrl: server.baseUrl,
    admin,
    adminApi: await signInReplacingPassword(server.baseUrl, { email: admin.email, password: FIRST_ADMIN_PASSWORD }, admin.password),
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
