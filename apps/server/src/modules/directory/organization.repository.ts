import type { OrganizationRef, OrganizationView } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { organizations } from './directory.tables.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { countPageTotal, matchesSearch, type PageRequest, pageClause, queryRows, updateIfVersion, uuidArray, whereAll } from '../../platform/db/query.js';

export interface OrganizationFilter {
  q?: string;
  sector?: string;
  stateCode?: string;
}

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationValues = Omit<typeof organizations.$inferInsert, 'id' | 'search'>;

const viewColumns = sql`o.id, o.name, o.acronym, o.sector, o.level, o.state_code as "stateCode",
  o.parent_id as "parentId", o.version, ${isoInstant(sql`o.updated_at`)} as "updatedAt"`;

function filterOrganizations(filter: OrganizationFilter) {
  return whereAll([
    sql`o.archived_at is null`,
    matchesSearch(sql`o.search`, filter.q),
    filter.sector ? sql`o.sector = ${filter.sector}` : undefined,
    filter.stateCode ? sql`o.state_code = ${filter.stateCode}` : undefined,
  ]);
}

export async function listOrganizations(db: Database, filter: OrganizationFilter, page: PageRequest) {
  const where = filterOrganizations(filter);
  const [items, count] = await Promise.all([
    queryRows<OrganizationView>(db, sql`select ${viewColumns} from organizations o where ${where} order by o.name_key ${pageClause(page)}`),
    countPageTotal(db, sql`organizations o where ${where}`, Boolean(filter.q)),
  ]);
  return { items, ...count };
}

export async function findOrganizationView(db: Database, id: string): Promise<OrganizationView | undefined> {
  const [row] = await queryRows<OrganizationView>(db, sql`select ${viewColumns} from organizations o where o.id = ${id}`);
  return row;
}

/** The ids among these that name organisations, to tell which of a list does not exist. */
export async function listExistingOrganizationIds(db: Database, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await queryRows<{ id: string }>(db, sql`select id from organizations where id = any(${uuidArray(ids)})`);
  return new Set(rows.map((row) => row.id));
}

export async function findOrganization(db: Database, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** The existing organisation a name refers to: same normalised name, or same acronym. */
export async function findOrganizationByIdentity(db: Database, nameKey: string, acronym: string | null): Promise<OrganizationRef | undefined> {
  const [row] = await queryRows<OrganizationRef>(
    db,
    sql`select id, name, acronym from organizations
        where name_key = ${nameKey} or (${acronym}::text is not null and lower(acronym) = lower(${acronym}))
        order by (name_key = ${nameKey}) desc limit 1`,
  );
  return row;
}

export async function insertOrganization(db: Database, values: OrganizationValues): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

export const updateOrganization = (db: Database, id: string, version: number, values: Partial<OrganizationValues>) => updateIfVersion(db, organizations, id, version, values);
