import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { municipalities, states } from '../db/geo.tables.js';
import { queryRows } from '../db/query.js';

/** The INEGI catalogues every prepared database already holds (see db/reference-data.ts). */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set([getTableName(states), getTableName(municipalities)]);

export interface BackupColumn {
  name: string;
  /** The column's type as SQL spells it (format_type), e.g. "timestamp with time zone". */
  type: string;
  isBytea: boolean;
  /** The sequence behind a serial or identity column, which restore moves past the restored ids. */
  sequence: string | null;
}

export interface ForeignKey {
  columns: string[];
  referencedTable: string;
}

export interface BackupTable {
  name: string;
  /** Stored columns in table order; generated columns are left out, the database recomputes them. */
  columns: BackupColumn[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

const ident = (name: string) => sql.identifier(name);
const tableRef = (name: string) => sql`public.${ident(name)}`;
const columnList = (names: string[], prefix?: string) => sql.join(names.map((name) => (prefix ? sql`${sql.raw(prefix)}.${ident(name)}` : ident(name))), sql`, `);

/** Every table of schema public with its stored columns, primary key and foreign keys within public. */
export async function listPublicTables(db: Database): Promise<BackupTable[]> {
  const columns = await queryRows<BackupColumn & { table: string }>(
    db,
    sql`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
          a.atttypid = 'bytea'::regtype as "isBytea",
          pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as sequence
        from pg_class c join pg_attribute a on a.attrelid = c.oid
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const constraints = await queryRows<{ kind: 'p' | 'f'; table: string; referencedTable: string | null; columns: string[] }>(
    db,
    sql`select con.contype as kind, c.relname as "table", r.relname as "referencedTable",
          array(select a.attname from unnest(con.conkey) with ordinality k(attnum, i)
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i)::text[] as columns
        from pg_constraint con join pg_class c on c.oid = con.conrelid left join pg_class r on r.oid = con.confrelid
        where c.relnamespace = 'public'::regnamespace
          and (con.contype = 'p' or (con.contype = 'f' and r.relnamespace = 'public'::regnamespace))
        order by con.conname`,
  );
  const tables = new Map<string, BackupTable>();
  for (const { table, ...column } of columns) {
    const entry = tables.get(table) ?? { name: table, columns: [], primaryKey: [], foreignKeys: [] };
    entry.columns.push(column);
    tables.set(table, entry);
  }
  for (const constraint of constraints) {
    const table = tables.get(constraint.table);
    if (!table) continue;
    if (constraint.kind === 'p') table.primaryKey = constraint.columns;
    else table.foreignKeys.push({ columns: constraint.columns, referencedTable: constraint.referencedTable! });
  }
  return [...tables.values()];
}

/** Hashes of the applied drizzle migrations, oldest first; none when the database was never migrated. */
export async function listAppliedMigrations(db: Database): Promise<string[]> {
  const [journal] = await queryRows<{ exists: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!journal?.exists) return [];
  const rows = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return rows.map((row) => row.hash);
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${tableRef(table)}`);
  return row!.n;
}

/** Timestamps come out with a +00:00 offset whatever the server's zone, so backups read the same everywhere. */
export async function useUtcInTransaction(db: Database): Promise<void> {
  await db.execute(sql`set local timezone to 'UTC'`);
}

/** Keeps every other writer out until the restore transaction ends, so "empty" stays true. */
export async function lockTables(db: Database, tables: string[]): Promise<void> {
  await db.execute(sql`lock table ${sql.join(tables.map(tableRef), sql`, `)} in exclusive mode`);
}

const BACKUP_CURSOR = sql.raw('telar_backup_rows');

/**
 * Opens a cursor over a table's rows, each as one JSON text the database writes itself (so
 * numbers, dates and jsonb keep their exact text), with bytea as base64. Call inside a transaction.
 */
export async function openRowCursor(db: Database, table: BackupTable): Promise<void> {
  const columns = table.columns.map((c) => (c.isBytea ? sql`translate(encode(${ident(c.name)}, 'base64'), E'\n', '') as ${ident(c.name)}` : ident(c.name)));
  await db.execute(
    sql`declare ${BACKUP_CURSOR} no scroll cursor for select row_to_json(r)::text as line from (select ${sql.join(columns, sql`, `)} from ${tableRef(table.name)}) r`,
  );
}

export async function fetchRowLines(db: Database, count: number): Promise<string[]> {
  const rows = await queryRows<{ line: string }>(db, sql`fetch forward ${sql.raw(String(Math.trunc(count)))} from ${BACKUP_CURSOR}`);
  return rows.map((row) => row.line);
}

export async function closeRowCursor(db: Database): Promise<void> {
  await db.execute(sql`close ${BACKUP_CURSOR}`);
}

/**
 * `select <columns> from json_to_recordset(<rows>)`: the rows of a backup page typed as the table's
 * columns (types from the catalogue, never from the file), bytea decoded from base64, and the
 * `nulled` columns left null.
 */
function selectFromRecordset(rowsJson: string, columns: BackupColumn[], nulled: ReadonlySet<string> = new Set()): SQL {
  const definitions = columns.map((c) => sql`${ident(c.name)} ${sql.raw(c.isBytea ? 'text' : c.type)}`);
  const values = columns.map((c) => {
    const value = nulled.has(c.name) ? sql`null::${sql.raw(c.type)}` : c.isBytea ? sql`decode(r.${ident(c.name)}, 'base64')` : sql`r.${ident(c.name)}`;
    return sql`${value} as ${ident(c.name)}`;
  });
  return sql`select ${sql.join(values, sql`, `)} from json_to_recordset(${rowsJson}::json) as r(${sql.join(definitions, sql`, `)})`;
}

/** Inserts a page of backup rows (a JSON array of row objects) exactly as they were, ids included. */
export async function insertBackupRows(db: Database, table: BackupTable, rowsJson: string, nulled: ReadonlySet<string>): Promise<void> {
  const names = table.columns.map((c) => c.name);
  // overriding system value: identity columns get the backed-up ids, not fresh ones.
  await db.execute(
    sql`insert into ${tableRef(table.name)} (${columnList(names)}) overriding system value ${selectFromRecordset(rowsJson, table.columns, nulled)}`,
  );
}

/** How many rows of a backup page the table does not hold. */
export async function countRowsNotInTable(db: Database, table: BackupTable, rowsJson: string): Promise<number> {
  const names = table.columns.map((c) => c.name);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${selectFromRecordset(rowsJson, table.columns)} except select ${columnList(names)} from ${tableRef(table.name)}) missing`,
  );
  return row!.n;
}

/** Sets `columns` of the rows named by their primary key; `rowsJson` holds key and column values. */
export async function updateRowColumns(db: Database, table: BackupTable, columns: string[], rowsJson: string): Promise<void> {
  const involved = table.columns.filter((c) => table.primaryKey.includes(c.name) || columns.includes(c.name));
  const assignments = columns.map((name) => sql`${ident(name)} = v.${ident(name)}`);
  await db.execute(
    sql`update ${tableRef(table.name)} t set ${sql.join(assignments, sql`, `)}
        from (${selectFromRecordset(rowsJson, involved)}) v
        where (${columnList(table.primaryKey, 't')}) = (${columnList(table.primaryKey, 'v')})`,
  );
}

/** Moves a serial/identity sequence to the highest restored value, so new rows do not collide. */
export async function resetSequence(db: Database, table: string, column: BackupColumn): Promise<void> {
  const value = ident(column.name);
  await db.execute(sql`select setval(${column.sequence}::regclass, coalesce(max(${value}), 1), max(${value}) is not null) from ${tableRef(table)}`);
}
