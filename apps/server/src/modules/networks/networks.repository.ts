import type { DuesStatus, FocalRole, NetworkBodyRole, PointWeights, Sector } from '@telar/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { matchesSearch, queryRows, updateIfVersion, whereAll } from '../../platform/db/query.js';
import { commissionFocalPoints, networkBodies, networkContributions, networkMembers, networks } from './networks.tables.js';

export type NetworkRow = typeof networks.$inferSelect;
export type NetworkValues = Omit<typeof networks.$inferInsert, 'bodyId' | 'version' | 'createdAt' | 'updatedAt' | 'archivedAt'>;
export type MemberValues = Omit<typeof networkMembers.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'archivedAt'>;
export type MemberRecord = typeof networkMembers.$inferSelect;
export type ContributionRow = typeof networkContributions.$inferSelect;
export type NetworkBodyRow = typeof networkBodies.$inferSelect;
export type FocalTermRow = typeof commissionFocalPoints.$inferSelect;

// ── Networks ─────────────────────────────────────────────────────────────────────────────────

/** A network with its body's name, acronym and its plan's name. */
export interface NetworkRecord extends NetworkRow {
  name: string;
  acronym: string | null;
  planName: string | null;
}

const networkColumns = sql`n.body_id as "bodyId", n.plan_id as "planId", n.declared_members as "declaredMembers", n.declared_states as "declaredStates",
  n.declared_source as "declaredSource", n.declared_on::text as "declaredOn", n.new_days as "newDays", n.grace_days as "graceDays",
  n.members_public as "membersPublic", n.ranking_public as "rankingPublic", n.point_weights as "pointWeights", n.flags, n.version,
  n.created_at as "createdAt", n.updated_at as "updatedAt", n.archived_at as "archivedAt",
  b.name, b.acronym, p.name as "planName"`;

export async function listNetworkRecords(db: Database): Promise<NetworkRecord[]> {
  return queryRows<NetworkRecord>(
    db,
    sql`select ${networkColumns} from networks n join bodies b on b.id = n.body_id left join plans p on p.id = n.plan_id
        where n.archived_at is null and b.archived_at is null order by b.name`,
  );
}

export async function findNetworkRecord(db: Database, bodyId: string): Promise<NetworkRecord | undefined> {
  const [row] = await queryRows<NetworkRecord>(
    db,
    sql`select ${networkColumns} from networks n join bodies b on b.id = n.body_id left join plans p on p.id = n.plan_id
        where n.body_id = ${bodyId} and n.archived_at is null`,
  );
  return row;
}

/** A network by its body's name or acronym (the command line names it so), case and accents aside. */
export async function findNetworkIdByName(db: Database, name: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select n.body_id as id from networks n join bodies b on b.id = n.body_id
        where n.archived_at is null and (lower(unaccent(b.name)) = lower(unaccent(${name})) or upper(b.acronym) = upper(${name}))
        order by (lower(unaccent(b.name)) = lower(unaccent(${name}))) desc limit 1`,
  );
  return row?.id;
}

export async function findNetworkRow(db: Database, bodyId: string): Promise<NetworkRow | undefined> {
  const [row] = await db.select().from(networks).where(eq(networks.bodyId, bodyId));
  return row;
}

export async function insertNetwork(db: Database, bodyId: string, values: NetworkValues) {
  await db.insert(networks).values({ ...values, bodyId });
}

export async function updateNetwork(db: Database, bodyId: string, version: number, values: Partial<NetworkValues>) {
  const [row] = await db
    .update(networks)
    .set({ ...values, version: sql`${networks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(networks.bodyId, bodyId), eq(networks.version, version)))
    .returning();
  return row;
}

// ── Members ──────────────────────────────────────────────────────────────────────────────────

/** A member as the service computes its status and view: its organisation and its contributions by year. */
export interface MemberRow {
  id: string;
  networkId: string;
  organizationId: string;
  name: string;
  acronym: string | null;
  stateCode: string | null;
  sector: Sector;
  joinedOn: string | null;
  leftOn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  source: string | null;
  version: number;
  dues: { year: number; status: DuesStatus }[];
}

export interface MemberFilter {
  q?: string;
  stateCode?: string;
  sector?: string;
}

const memberColumns = sql`m.id, m.network_id as "networkId", m.organization_id as "organizationId", o.name, o.acronym, m.state_code as "stateCode",
  m.sector, m.joined_on::text as "joinedOn", m.left_on::text as "leftOn", m.contact_name as "contactName", m.contact_email as "contactEmail",
  m.contact_phone as "contactPhone", m.source, m.version,
  coalesce((select json_agg(json_build_object('year', c.year, 'status', c.status) order by c.year)
    from network_contributions c where c.member_id = m.id and c.archived_at is null), '[]'::json) as dues`;

/** The members of networks (one, or all when `networkId` is null), filtered, in name order. */
export async function listMemberRows(db: Database, networkId: string | null, filter: MemberFilter = {}): Promise<MemberRow[]> {
  const where = whereAll([
    sql`m.archived_at is null`,
    networkId ? sql`m.network_id = ${networkId}` : undefined,
    matchesSearch(sql`o.search`, filter.q),
    filter.stateCode ? sql`m.state_code = ${filter.stateCode}` : undefined,
    filter.sector ? sql`m.sector = ${filter.sector}` : undefined,
  ]);
  return queryRows<MemberRow>(db, sql`select ${memberColumns} from network_members m join organizations o on o.id = m.organization_id where ${where} order by o.name_key, m.id`);
}

export async function findMemberRow(db: Database, id: string): Promise<MemberRow | undefined> {
  const [row] = await queryRows<MemberRow>(db, sql`select ${memberColumns} from network_members m join organizations o on o.id = m.organization_id where m.id = ${id} and m.archived_at is null`);
  return row;
}

export async function findMemberRecord(db: Database, id: string): Promise<MemberRecord | undefined> {
  const [row] = await db.select().from(networkMembers).where(eq(networkMembers.id, id));
  return row;
}

/** The current (not archived) membership of an organisation in a network. */
export async function findMemberOfOrganization(db: Database, networkId: string, organizationId: string): Promise<MemberRecord | undefined> {
  const [row] = await db
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.organizationId, organizationId), sql`${networkMembers.archivedAt} is null`));
  return row;
}

export async function insertMember(db: Database, values: MemberValues) {
  const [row] = await db.insert(networkMembers).values(values).returning({ id: networkMembers.id });
  return row!;
}

export const updateMember = (db: Database, id: string, version: number, values: Partial<MemberValues>) => updateIfVersion(db, networkMembers, id, version, values);

// ── Contributions ────────────────────────────────────────────────────────────────────────────

export async function listContributions(db: Database, memberId: string): Promise<ContributionRow[]> {
  return db.select().from(networkContributions).where(and(eq(networkContributions.memberId, memberId), sql`${networkContributions.archivedAt} is null`)).orderBy(networkContributions.year);
}

export async function findContribution(db: Database, memberId: string, year: number): Promise<ContributionRow | undefined> {
  const [row] = await db.select().from(networkContributions).where(and(eq(networkContributions.memberId, memberId), eq(networkContributions.year, year)));
  return row;
}

export async function findContributionById(db: Database, id: string): Promise<ContributionRow | undefined> {
  const [row] = await db.select().from(networkContributions).where(eq(networkContributions.id, id));
  return row;
}

export async function insertContribution(db: Database, values: Omit<typeof networkContributions.$inferInsert, 'id'>) {
  const [row] = await db.insert(networkContributions).values(values).returning({ id: networkContributions.id });
  return row!;
}

export const updateContribution = (db: Database, id: string, version: number, values: object) => updateIfVersion(db, networkContributions, id, version, values);

// ── Bodies under a network ───────────────────────────────────────────────────────────────────

export interface NetworkBodyRecord {
  bodyId: string;
  networkId: string;
  name: string;
  role: NetworkBodyRole;
  planNodeId: string | null;
  commitmentCode: string | null;
  commitmentTitle: string | null;
  communication: NetworkBodyRow['communication'];
  work: NetworkBodyRow['work'];
  version: number;
  /** Organisations sitting in the body now (memberships not ended). */
  members: number;
}

const networkBodyColumns = sql`nb.body_id as "bodyId", nb.network_id as "networkId", b.name, nb.role, nb.plan_node_id as "planNodeId",
  pn.code as "commitmentCode", pn.title as "commitmentTitle", nb.communication, nb.work, nb.version,
  (select count(distinct ms.organization_id)::int from memberships ms where ms.body_id = nb.body_id and ms.archived_at is null
     and (ms.end_date is null or ms.end_date >= (now() at time zone 'America/Mexico_City')::date)) as members`;

export async function listNetworkBodyRecords(db: Database, networkId: string): Promise<NetworkBodyRecord[]> {
  return queryRows<NetworkBodyRecord>(
    db,
    sql`select ${networkBodyColumns} from network_bodies nb join bodies b on b.id = nb.body_id left join plan_nodes pn on pn.id = nb.plan_node_id
        where nb.network_id = ${networkId} and nb.archived_at is null and b.archived_at is null
        order by case nb.role when 'board' then 0 when 'coordination' then 1 else 2 end, pn.position nulls last, pn.code, b.name`,
  );
}

export async function findNetworkBodyRecord(db: Database, bodyId: string): Promise<NetworkBodyRecord | undefined> {
  const [row] = await queryRows<NetworkBodyRecord>(
    db,
    sql`select ${networkBodyColumns} from network_bodies nb join bodies b on b.id = nb.body_id left join plan_nodes pn on pn.id = nb.plan_node_id
        where nb.body_id = ${bodyId} and nb.archived_at is null`,
  );
  return row;
}

export async function findNetworkBodyRow(db: Database, bodyId: string): Promise<NetworkBodyRow | undefined> {
  const [row] = await db.select().from(networkBodies).where(eq(networkBodies.bodyId, bodyId));
  return row;
}

export async function insertNetworkBody(db: Database, values: Pick<typeof networkBodies.$inferInsert, 'bodyId' | 'networkId' | 'role' | 'planNodeId'>) {
  await db.insert(networkBodies).values(values);
}

export async function updateNetworkBody(db: Database, bodyId: string, version: number, values: Partial<Pick<NetworkBodyRow, 'communication' | 'work'>>) {
  const [row] = await db
    .update(networkBodies)
    .set({ ...values, version: sql`${networkBodies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(networkBodies.bodyId, bodyId), eq(networkBodies.version, version)))
    .returning();
  return row;
}

/** The top-level nodes of a plan (its commitments), in order. */
export async function listCommitments(db: Database, planId: string): Promise<{ id: string; code: string; title: string }[]> {
  return queryRows(db, sql`select id, code, title from plan_nodes where plan_id = ${planId} and parent_id is null and archived_at is null order by position, code`);
}

export async function findPlanNodePlanId(db: Database, planNodeId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ planId: string }>(db, sql`select plan_id as "planId" from plan_nodes where id = ${planNodeId}`);
  return row?.planId;
}

// ── Focal points ─────────────────────────────────────────────────────────────────────────────

export interface FocalTermRecord {
  id: string;
  bodyId: string;
  role: FocalRole;
  startOn: string;
  endOn: string | null;
  version: number;
  person: { id: string; name: string; position: string | null; organizationName: string | null; email: string | null; phone: string | null };
}

const focalColumns = sql`f.id, f.body_id as "bodyId", f.role, f.start_on::text as "startOn", f.end_on::text as "endOn", f.version,
  json_build_object('id', p.id, 'name', p.name, 'position', p.position, 'organizationName', o.name, 'email', p.email, 'phone', p.phone) as person`;

/** The terms of the bodies given, latest first within each role. */
export async function listFocalTerms(db: Database, bodyIds: string[]): Promise<FocalTermRecord[]> {
  if (!bodyIds.length) return [];
  return queryRows<FocalTermRecord>(
    db,
    sql`select ${focalColumns} from commission_focal_points f join people p on p.id = f.person_id left join organizations o on o.id = p.organization_id
        where f.body_id in (${sql.join(bodyIds.map((id) => sql`${id}::uuid`), sql`, `)}) and f.archived_at is null
        order by f.body_id, f.role desc, f.start_on desc`,
  );
}

export async function findFocalTerm(db: Database, id: string): Promise<FocalTermRow | undefined> {
  const [row] = await db.select().from(commissionFocalPoints).where(eq(commissionFocalPoints.id, id));
  return row;
}

export async function listTermsOfRole(db: Database, bodyId: string, role: FocalRole): Promise<FocalTermRow[]> {
  return db
    .select()
    .from(commissionFocalPoints)
    .where(and(eq(commissionFocalPoints.bodyId, bodyId), eq(commissionFocalPoints.role, role), sql`${commissionFocalPoints.archivedAt} is null`))
    .orderBy(commissionFocalPoints.startOn);
}

export async function insertFocalTerm(db: Database, values: Pick<typeof commissionFocalPoints.$inferInsert, 'bodyId' | 'personId' | 'role' | 'startOn'>) {
  const [row] = await db.insert(commissionFocalPoints).values(values).returning({ id: commissionFocalPoints.id });
  return row!;
}

export const updateFocalTerm = (db: Database, id: string, version: number, values: object) => updateIfVersion(db, commissionFocalPoints, id, version, values);

// ── Points ───────────────────────────────────────────────────────────────────────────────────

export interface PointCounts {
  memberId: string;
  assemblies: number;
  surveys: number;
  activities: number;
  commissions: number;
}

/**
 * What each member of the network did in a year, from what Telar records: assemblies attended (its
 * attendance at sessions of the network or at assemblies of its bodies), surveys of the network it
 * answered (opened or closed that year; counted only once closed, so that the count moving while a survey is
 * open does not tell who just sent an anonymous response), activities it took part in (dated that year), and commission
 * work (seats in the network's commissions during the year, and focal-point terms its people held).
 * In name order, so that equal points keep a stable order in the ranking.
 */
export async function countMemberContributions(db: Database, networkId: string, year: number): Promise<PointCounts[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return queryRows<PointCounts>(
    db,
    sql`with nb as (select body_id from network_bodies where network_id = ${networkId} and archived_at is null),
        commissions as (select body_id from network_bodies where network_id = ${networkId} and role = 'commission' and archived_at is null)
      select m.id as "memberId",
        (select count(distinct s.id)::int from session_attendance sa join sessions s on s.id = sa.session_id
          where sa.organization_id = m.organization_id and s.archived_at is null and s.date between ${from}::date and ${to}::date
            and (s.body_id = ${networkId} or (s.kind = 'assembly' and s.body_id in (select body_id from nb)))) as assemblies,
        (select count(*)::int from survey_invitations si join surveys sv on sv.id = si.survey_id
          where si.member_id = m.id and si.responded and sv.network_id = ${networkId} and sv.archived_at is null and sv.status = 'closed'
            and (extract(year from sv.opened_at at time zone 'America/Mexico_City') = ${year}
              or extract(year from sv.closed_at at time zone 'America/Mexico_City') = ${year})) as surveys,
        (select count(distinct a.id)::int from activity_organizations ao join activities a on a.id = ao.activity_id
          where ao.organization_id = m.organization_id and a.archived_at is null and a.start_date between ${from}::date and ${to}::date) as activities,
        ((select count(distinct ms.body_id)::int from memberships ms
           where ms.organization_id = m.organization_id and ms.archived_at is null and ms.body_id in (select body_id from commissions)
             and (ms.start_date is null or ms.start_date <= ${to}::date) and (ms.end_date is null or ms.end_date >= ${from}::date))
         + (select count(*)::int from commission_focal_points f join people p on p.id = f.person_id
           where p.organization_id = m.organization_id and f.archived_at is null and f.body_id in (select body_id from commissions)
             and f.start_on <= ${to}::date and (f.end_on is null or f.end_on >= ${from}::date))) as commissions
      from network_members m join organizations o on o.id = m.organization_id
      where m.network_id = ${networkId} and m.archived_at is null order by o.name_key, m.id`,
  );
}

export type { PointWeights };
