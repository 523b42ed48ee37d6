import { COUNT_CAP } from '@telar/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';

/** Runs a raw query on either driver; both return `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A prefix query for Spanish full-text search: every word must match, each as a prefix, so
 * "niña" finds "niñas" (stemmed) and "Save" finds "Save the Children" while typing.
 * Returns null when the text has no searchable word; with `isPrefix` false, the words are whole.
 */
export function toPrefixTsQuery(text: string | undefined, isPrefix = true): string | null {
  const words = (text ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((word) => (isPrefix ? `${word}:*` : word)).join(' & ') : null;
}

/** `column @@ query` for the prefix query, or undefined when there is nothing to search. */
export function matchesSearch(searchColumn: SQL, text: string | undefined): SQL | undefined {
  const query = toPrefixTsQuery(text);
  return query ? sql`${searchColumn} @@ to_tsquery('telar_es', ${query})` : undefined;
}

/** AND of the conditions that are present; `true` when none is. */
export function whereAll(conditions: (SQL | undefined)[]): SQL {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** A list of ids as one `uuid[]` parameter list, for `= any(…)`. */
export const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

export const pageClause = ({ page, pageSize }: PageRequest) => sql`limit ${pageSize} offset ${(page - 1) * pageSize}`;

/**
 * The `total` of a list page: the rows of `fromWhere` ("t where …"), counted exactly, or — for a text
 * search (`isSearch`) — up to COUNT_CAP, past which the answer says there are more. A common word
 * matches half a table, and counting every match cost more than the whole page.
 */
export async function countPageTotal(db: Database, fromWhere: SQL, isSearch: boolean): Promise<{ total: number; isTotalCapped?: true }> {
  const limit = isSearch ? sql`limit ${COUNT_CAP + 1}` : sql``;
  const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from (select 1 from ${fromWhere} ${limit}) x`);
  const total = row?.total ?? 0;
  return isSearch && total > COUNT_CAP ? { total: COUNT_CAP, isTotalCapped: true } : { total };
}

/** A table with the record columns (id, version, updated_at) that edits need. */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** The row of `table` with this id, as Drizzle reads it, or undefined. */
export async function findRowById<T extends PgTable & { id: PgColumn }>(db: Database, table: T, id: string) {
  const rows = (await db.select().from(table as PgTable).where(eq(table.id, id))) as T['$inferSelect'][];
  return rows[0];
}

/**
 * Writes `values` only when the stored version is the one the edit was based on, bumping it.
 * Returns the updated row, or undefined when the row is missing or the version is stale.
 */
export async function updateIfVersion<T extends VersionedTable>(db: Database, table: T, id: string, version: number, values: object) {
  const rows = (await db
    .update(table as PgTable)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  return rows[0];
}

/** How many of these keys exist in `table` — to refuse links to unknown records with a field error. */
export async function countExisting(db: Database, table: string, keys: string[], column = 'id'): Promise<number> {
  const unique = [...new Set(keys)];
  if (!unique.length) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text in (${sql.join(unique.map((key) => sql`${key}`), sql`, `)})`,
  );
  return row?.n ?? 0;
}
