import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/query.js';

/** Where a record sits, for authorisation: the body (with its ancestors) and the organisations concerned. */
export interface RecordScope {
  bodyIds: string[];
  organizationIds: string[];
}

/** The record and every record above it through parent_id, as text[] (bounded: a cycle cannot loop forever). */
const withAncestors = (table: 'bodies' | 'organizations', id: ReturnType<typeof sql>) => sql`(with recursive up(id, parent_id, depth) as (
    select id, parent_id, 1 from ${sql.identifier(table)} where id = ${id}
    union all select t.id, t.parent_id, up.depth + 1 from ${sql.identifier(table)} t join up on t.id = up.parent_id where up.depth < 100)
  select coalesce(array_agg(id::text), '{}') from up)`;

/** The body and every body above it (a commission's secretariat also manages its working groups). */
const bodyWithAncestors = (bodyId: ReturnType<typeof sql>) => withAncestors('bodies', bodyId);

/** An organisation and every organisation it depends on. */
export async function findOrganizationAncestorIds(db: Database, organizationId: string): Promise<string[]> {
  const [row] = await queryRows<{ ids: string[] }>(db, sql`select ${withAncestors('organizations', sql`${organizationId}::uuid`)} as ids`);
  return row?.ids ?? [];
}

export async function findBodyScope(db: Database, bodyId: string): Promise<RecordScope> {
  const [row] = await queryRows<{ bodyIds: string[] }>(db, sql`select ${bodyWithAncestors(sql`${bodyId}::uuid`)} as "bodyIds"`);
  return { bodyIds: row?.bodyIds ?? [], organizationIds: [] };
}

export async function findSessionScope(db: Database, sessionId: string): Promise<RecordScope | undefined> {
  const [row] = await queryRows<RecordScope>(
    db,
    sql`select ${bodyWithAncestors(sql`s.body_id`)} as "bodyIds", '{}'::text[] as "organizationIds" from sessions s where s.id = ${sessionId}`,
  );
  return row;
}

/** The body of a record that hangs off a session, and the organisations linked to it through `links`. */
async function findSessionRecordScope(db: Database, record: { table: string; links: string; key: string; id: string }) {
  const [row] = await queryRows<RecordScope>(
    db,
    sql`select ${bodyWithAncestors(sql`s.body_id`)} as "bodyIds",
          coalesce((select array_agg(l.organization_id::text) from ${sql.identifier(record.links)} l where l.${sql.identifier(record.key)} = r.id), '{}') as "organizationIds"
        from ${sql.identifier(record.table)} r join sessions s on s.id = r.session_id where r.id = ${record.id}`,
  );
  return row;
}

/** An agreement's body and its responsible organisations. */
export const findAgreementScope = (db: Database, id: string) =>
  findSessionRecordScope(db, { table: 'agreements', links: 'agreement_organizations', key: 'agreement_id', id });

/** A participation's body and its participant organisations. */
export const findParticipationScope = (db: Database, id: string) =>
  findSessionRecordScope(db, { table: 'participations', links: 'participation_organizations', key: 'participation_id', id });

export async function findMembershipScope(db: Database, membershipId: string): Promise<RecordScope | undefined> {
  const [row] = await queryRows<RecordScope>(
    db,
    sql`select ${bodyWithAncestors(sql`m.body_id`)} as "bodyIds", array[m.organization_id::text] as "organizationIds"
        from memberships m where m.id = ${membershipId}`,
  );
  return row;
}

/** A plan's body (with the bodies above it); its secretariat manages the plan. */
export async function findPlanScope(db: Database, planId: string): Promise<RecordScope | undefined> {
  const [row] = await queryRows<RecordScope>(
    db,
    sql`select ${bodyWithAncestors(sql`p.body_id`)} as "bodyIds", '{}'::text[] as "organizationIds" from plans p where p.id = ${planId}`,
  );
  return row;
}

/** A plan node's plan body and the organisations responsible for the node. */
export async function findPlanNodeScope(db: Database, planNodeId: string): Promise<RecordScope | undefined> {
  const [row] = await queryRows<RecordScope>(
    db,
    sql`select ${bodyWithAncestors(sql`p.body_id`)} as "bodyIds",
          coalesce((select array_agg(organization_id::text) from plan_node_organizations where plan_node_id = n.id), '{}') as "organizationIds"
        from plan_nodes n join plans p on p.id = n.plan_id where n.id = ${planNodeId}`,
  );
  return row;
}

/** A report's plan body and the organisation that reports. */
export async function findReportScope(db: Database, reportId: string): Promise<RecordScope | undefined> {
  const [row] = await queryRows<RecordScope>(
    db,
    sql`select ${bodyWithAncestors(sql`p.body_id`)} as "bodyIds", array[r.organization_id::text] as "organizationIds"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id where r.id = ${reportId}`,
  );
  return row;
}

/** The given bodies and every body under them (what their secretariats manage), bounded like the walk up. */
export async function listBodiesUnder(db: Database, bodyIds: string[]): Promise<string[]> {
  if (!bodyIds.length) return [];
  const roots = sql.join(bodyIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive down(id, depth) as (
          select id, 1 from bodies where id in (${roots})
          union all select b.id, down.depth + 1 from bodies b join down on b.parent_id = down.id where down.depth < 100)
        select distinct id::text as id from down`,
  );
  return rows.map((row) => row.id);
}
