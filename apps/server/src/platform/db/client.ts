import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** Either driver: repositories only use what both share. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs `work` while no other process runs its own `exclusively` on this database (PGlite has one process anyway). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Key of the PostgreSQL advisory lock behind `exclusively`; any constant other code does not use. */
const EXCLUSIVE_LOCK_KEY = 7_264_583_201;

export interface DatabaseOptions {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; omit for an in-memory database (tests). */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir);
}

/** Postgres type oids of date and timestamps: kept as ISO text, since JS Dates would shift by the time zone. */
const DATE_OIDS = [1082, 1114, 1184] as const;
const keepText = (value: string) => value;

/**
 * UTC so timestamps read the same everywhere; no JIT, because our read queries are many small
 * correlated subqueries that PostgreSQL's cost model overrates: compiling them took 0.7 s of a
 * plan tree that runs in 8 ms without it (npm run bench, section 6).
 */
const SESSION_SETTINGS = '-c TimeZone=UTC -c jit=off';

function openPostgres(url: string): DatabaseHandle {
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => ((DATE_OIDS as readonly number[]).includes(oid) ? keepText : pg.types.getTypeParser(oid, format)) };
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.TELAR_DB_POOL_SIZE ?? 10), types: types as pg.CustomTypesConfig, options: SESSION_SETTINGS });
  const db = drizzlePostgres(pool) as unknown as Database;
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    // A session-level lock lives on one connection, held for the whole of `work`: its own, so that
    // `work` still has the whole pool (even a pool of one).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [EXCLUSIVE_LOCK_KEY]);
      return await work();
    } finally {
      await client.end();
    }
  };
  return { db, kind: 'postgres', exclusively, close: () => pool.end() };
}

/** PGlite with the contrib extensions our migrations need. */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  const parsers = Object.fromEntries(DATE_OIDS.map((oid) => [oid, keepText]));
  return PGlite.create({ dataDir, extensions: { unaccent, pg_trgm }, parsers });
}

async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  const releaseLock = dataDir ? takeDirectoryLock(dataDir) : () => {};
  try {
    const client = await createPglite(dataDir);
    const db = drizzlePglite(client) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      exclusively: (work) => work(),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite does not lock its directory and two instances on it silently lose writes, so we keep a
 * lock file with our pid and refuse a directory a live process (this one included) holds.
 * A lock left by a process that died is stale and taken over.
 */
function takeDirectoryLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'telar.lock');
  if (existsSync(lockPath)) {
    const holder = Number(readFileSync(lockPath, 'utf8').trim());
    if (holder && isProcessAlive(holder)) {
      throw new Error(`La base de datos en ${dataDir} está abierta por otro proceso (pid ${holder}).`);
    }
    rmSync(lockPath, { force: true });
  }
  const fd = openSync(lockPath, 'wx');
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(lockPath, { force: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
