import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';

/** A throwaway PostgreSQL cluster for one test run: started in about a second, removed afterwards. */
export interface PostgresCluster {
  url: string;
  stop(): void;
}

function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('PostgreSQL no está instalado: ejecute `sudo apt-get install -y postgresql postgresql-contrib`.');
  return bin;
}


export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'telar-pg-'));
  const isRoot = process.getuid?.() === 0;
  // initdb refuses to run as root, so the cluster belongs to the postgres system user.
  const asOwner = (command: string, args: string[]) => (isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [string, string[]];
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const port = await findFreePort();
  execFileSync(...asOwner(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']), { stdio: 'pipe' });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  execFileSync(...asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-w', '-l', join(dir, 'log'), 'start']), { stdio: 'pipe' });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      spawnSync(...asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']), { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
