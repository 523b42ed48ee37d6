import type { MembershipView } from '@telar/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { focalPoints, memberships, people } from './directory.tables.js';
import { queryRows } from '../../platform/db/query.js';

// Person contacts (email, phone) are deliberately absent from this view.
const membershipViewColumns = sql`m.id, m.body_id as "bodyId",
  json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) as organization,
  m.role, m.start_date::text as "startDate", m.end_date::text as "endDate",
  coalesce((select json_agg(json_build_object('id', f.id, 'kind', f.kind,
      'person', json_build_object('id', p.id, 'name', p.name, 'position', p.position),
      'startDate', f.start_date::text, 'endDate', f.end_date::text) order by f.kind desc, f.start_date desc)
    from focal_points f join people p on p.id = f.person_id
    where f.membership_id = m.id and f.archived_at is null), '[]'::json) as "focalPoints"`;

export async function listMembershipsOfBody(db: Database, bodyId: string): Promise<MembershipView[]> {
  return queryRows<MembershipView>(
    db,
    sql`select ${membershipViewColumns} from memberships m join organizations o on o.id = m.organization_id
        where m.body_id = ${bodyId} and m.archived_at is null order by m.role, o.name_key`,
  );
}

export async function findMembershipView(db: Database, id: string): Promise<MembershipView | undefined> {
  const [row] = await queryRows<MembershipView>(
    db,
    sql`select ${membershipViewColumns} from memberships m join organizations o on o.id = m.organization_id where m.id = ${id}`,
  );
  return row;
}

export async function insertMembership(db: Database, values: Omit<typeof memberships.$inferInsert, 'id'>) {
  const [row] = await db.insert(memberships).values(values).returning({ id: memberships.id });
  return row!;
}

export async function insertPerson(db: Database, values: Omit<typeof people.$inferInsert, 'id'>) {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  return row!;
}

export async function insertFocalPoint(db: Database, values: Omit<typeof focalPoints.$inferInsert, 'id'>) {
  const [row] = await db.insert(focalPoints).values(values).returning({ id: focalPoints.id });
  return row!;
}

/** A person of the directory by id (name, position, organisation), without contacts. */
export async function findPersonView(db: Database, id: string) {
  const [row] = await queryRows<{ id: string; name: string; position: string | null; organizationId: string | null }>(
    db,
    sql`select id, name, position, organization_id as "organizationId" from people where id = ${id} and archived_at is null`,
  );
  return row;
}
