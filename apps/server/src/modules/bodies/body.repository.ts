import type { BodyRef, BodyView } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { bodies } from './bodies.tables.js';
import { matchesSearch, type PageRequest, pageClause, queryRows, updateIfVersion, whereAll } from '../../platform/db/query.js';

export type BodyValues = Omit<typeof bodies.$inferInsert, 'id' | 'search'>;
export type BodyRow = typeof bodies.$inferSelect;

const bodyViewColumns = sql`b.id, b.name, b.acronym, b.kind, b.level, b.state_code as "stateCode", b.parent_id as "parentId", b.version`;

/** BodyView plus what only the server reads. */
export type BodyRecordView = BodyView & { mechanismAgreementId: string | null };
const bodyRecordColumns = sql`${bodyViewColumns}, b.mechanism_agreement_id as "mechanismAgreementId"`;

export async function listBodies(db: Database, filter: { q?: string }, page: PageRequest) {
  const where = whereAll([sql`b.archived_at is null`, matchesSearch(sql`b.search`, filter.q)]);
  const [items, [count]] = await Promise.all([
    queryRows<BodyView>(db, sql`select ${bodyViewColumns} from bodies b where ${where} order by b.level, b.name ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from bodies b where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findBodyView(db: Database, id: string): Promise<BodyView | undefined> {
  const [row] = await queryRows<BodyView>(db, sql`select ${bodyViewColumns} from bodies b where b.id = ${id}`);
  return row;
}

export async function findBody(db: Database, id: string): Promise<BodyRow | undefined> {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
  return row;
}

/** A national body by acronym (COMSE), or a state twin when the state is given. */
export async function findBodyByAcronym(db: Database, acronym: string, stateCode: string | null = null): Promise<BodyRecordView | undefined> {
  const [row] = await queryRows<BodyRecordView>(
    db,
    sql`select ${bodyRecordColumns} from bodies b where upper(b.acronym) = upper(${acronym}) and coalesce(b.state_code, '') = ${stateCode ?? ''}`,
  );
  return row;
}

export async function findBodyByName(db: Database, name: string): Promise<BodyRecordView | undefined> {
  const [row] = await queryRows<BodyRecordView>(db, sql`select ${bodyRecordColumns} from bodies b where lower(b.name) = lower(${name}) limit 1`);
  return row;
}

export async function listChildBodies(db: Database, parentId: string): Promise<BodyRef[]> {
  return queryRows<BodyRef>(db, sql`select id, name, acronym from bodies where parent_id = ${parentId} and archived_at is null order by name`);
}

export async function insertBody(db: Database, values: BodyValues): Promise<BodyRow> {
  const [row] = await db.insert(bodies).values(values).returning();
  return row!;
}

export const updateBody = (db: Database, id: string, version: number, values: Partial<BodyValues>) => updateIfVersion(db, bodies, id, version, values);

export async function setBodyMechanismAgreement(db: Database, id: string, mechanismAgreementId: string) {
  await db.update(bodies).set({ mechanismAgreementId, version: sql`${bodies.version} + 1`, updatedAt: sql`now()` }).where(eq(bodies.id, id));
}
