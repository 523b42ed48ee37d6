import type { SurveyAnonymity, SurveyAudience, SurveyStatus, TemplateDefinition } from '@telar/domain';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows, updateIfVersion } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { surveys } from './surveys.tables.js';

/** The status a reader sees: an open survey whose closing moment has passed is closed, whoever closed it. */
export const effectiveStatus = (s: SQL) =>
  sql`(case when ${s}.status = 'open' and ${s}.closes_at is not null and ${s}.closes_at <= now() then 'closed' else ${s}.status end)`;

/** A member by its dates today (Mexico City): joined (or since when unknown) and not left. memberStatus narrows it further. */
const isCurrentMember = (m: SQL) =>
  sql`(${m}.archived_at is null and (${m}.joined_on is null or ${m}.joined_on <= (now() at time zone 'America/Mexico_City')::date)
       and (${m}.left_on is null or ${m}.left_on > (now() at time zone 'America/Mexico_City')::date))`;

/** A membership of a body that holds today. */
const isCurrentMembership = (ms: SQL) =>
  sql`(${ms}.archived_at is null and (${ms}.start_date is null or ${ms}.start_date <= (now() at time zone 'America/Mexico_City')::date)
       and (${ms}.end_date is null or ${ms}.end_date >= (now() at time zone 'America/Mexico_City')::date))`;

/** The ids of the network's commissions whose body the member's organisation currently belongs to. */
const memberCommissionIds = (m: SQL) =>
  sql`coalesce((select array_agg(nb.body_id order by nb.body_id) from network_bodies nb
       join memberships ms on ms.body_id = nb.body_id and ms.organization_id = ${m}.organization_id and ${isCurrentMembership(sql`ms`)}
       where nb.network_id = ${m}.network_id and nb.role = 'commission' and nb.archived_at is null), '{}'::uuid[])`;

export type SurveyRow = typeof surveys.$inferSelect;

export async function findNetwork(db: Database, networkId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select n.body_id as id, b.name from networks n join bodies b on b.id = n.body_id where n.body_id = ${networkId} and n.archived_at is null`,
  );
  return row;
}

export async function insertSurvey(
  db: Database,
  values: { networkId: string; title: string; description: string | null; definition: TemplateDefinition; anonymity: SurveyAnonymity; audience: SurveyAudience; closesAt: string | null },
): Promise<string> {
  const [row] = await db.insert(surveys).values(values).returning({ id: surveys.id });
  return row!.id;
}

export async function findSurveyRow(db: Database, id: string): Promise<(SurveyRow & { effectiveStatus: SurveyStatus }) | undefined> {
  const [row] = await db
    .select({ survey: surveys, effectiveStatus: sql<SurveyStatus>`${effectiveStatus(sql`${surveys}`)}` })
    .from(surveys)
    .where(eq(surveys.id, id));
  return row && { ...row.survey, effectiveStatus: row.effectiveStatus };
}

export const updateSurvey = (db: Database, id: string, version: number, values: Partial<SurveyRow>) => updateIfVersion(db, surveys, id, version, values);

/** Invitations, responses and members without an e-mail of each survey, by one grouped read. */
const countsJoin = sql`left join lateral (
    select count(*)::int as invited, count(*) filter (where nullif(trim(m.contact_email), '') is null)::int as "withoutEmail"
    from survey_invitations i join network_members m on m.id = i.member_id where i.survey_id = s.id) inv on true
  left join lateral (select count(*)::int as responses from survey_responses r where r.survey_id = s.id) resp on true`;

export interface SurveyViewRow {
  id: string;
  networkId: string;
  networkName: string;
  title: string;
  description: string | null;
  definition: TemplateDefinition;
  anonymity: SurveyAnonymity;
  status: SurveyStatus;
  audience: SurveyAudience;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  publishedQuestions: string[];
  flags: string[];
  invited: number;
  responses: number;
  withoutEmail: number;
  version: number;
}

export async function findSurveyView(db: Database, id: string): Promise<SurveyViewRow | undefined> {
  const [row] = await queryRows<SurveyViewRow>(
    db,
    sql`select s.id, s.network_id as "networkId", b.name as "networkName", s.title, s.description, s.definition, s.anonymity,
          ${effectiveStatus(sql`s`)} as status, s.audience, ${isoInstant(sql`s.opened_at`)} as "openedAt", ${isoInstant(sql`s.closes_at`)} as "closesAt",
          ${isoInstant(sql`s.closed_at`)} as "closedAt", s.published_questions as "publishedQuestions", s.flags,
          coalesce(inv.invited, 0) as invited, coalesce(resp.responses, 0) as responses, coalesce(inv."withoutEmail", 0) as "withoutEmail", s.version
        from surveys s join bodies b on b.id = s.network_id ${countsJoin}
        where s.id = ${id} and s.archived_at is null`,
  );
  return row;
}

export async function listSurveys(db: Database, networkId: string) {
  return queryRows<{ id: string; title: string; status: SurveyStatus; anonymity: SurveyAnonymity; closesAt: string | null; invited: number; responses: number }>(
    db,
    sql`select s.id, s.title, ${effectiveStatus(sql`s`)} as status, s.anonymity, ${isoInstant(sql`s.closes_at`)} as "closesAt",
          coalesce(inv.invited, 0) as invited, coalesce(resp.responses, 0) as responses
        from surveys s ${countsJoin}
        where s.network_id = ${networkId} and s.archived_at is null
        order by s.created_at desc`,
  );
}

/** Which of the audience's commissions are not commissions of the network, and which listed members are not its members. */
export async function findUnknownAudienceReferences(db: Database, networkId: string, audience: SurveyAudience): Promise<string[]> {
  if (audience.kind === 'commission') {
    const known = await queryRows<{ id: string }>(
      db,
      sql`select body_id as id from network_bodies where network_id = ${networkId} and role = 'commission' and archived_at is null
          and body_id = any(${sql.param(audience.commissionIds)}::uuid[])`,
    );
    const ids = new Set(known.map((row) => row.id));
    return audience.commissionIds.filter((id) => !ids.has(id));
  }
  if (audience.kind === 'list') {
    const known = await queryRows<{ id: string }>(
      db,
      sql`select id from network_members where network_id = ${networkId} and archived_at is null and id = any(${sql.param(audience.memberIds)}::uuid[])`,
    );
    const ids = new Set(known.map((row) => row.id));
    return audience.memberIds.filter((id) => !ids.has(id));
  }
  return [];
}

export interface AudienceMember {
  memberId: string;
  organizationName: string;
  email: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  /** Contributions, for the member's status (memberStatus in the domain). */
  dues: { year: number; status: 'paid' | 'pending' | 'exempt' }[];
}

/**
 * The audience's members whose dates make them members today (Mexico City), with what their status
 * needs; the service keeps those the network counts as current (memberStatus). By name.
 */
export async function resolveAudience(db: Database, networkId: string, audience: SurveyAudience): Promise<AudienceMember[]> {
  const filter =
    audience.kind === 'states'
      ? sql`m.state_code = any(${sql.param(audience.stateCodes)}::text[])`
      : audience.kind === 'list'
        ? sql`m.id = any(${sql.param(audience.memberIds)}::uuid[])`
        : audience.kind === 'commission'
          ? sql`exists (select 1 from memberships ms join network_bodies nb on nb.body_id = ms.body_id and nb.network_id = m.network_id and nb.role = 'commission'
                 where ms.organization_id = m.organization_id and ms.body_id = any(${sql.param(audience.commissionIds)}::uuid[]) and ${isCurrentMembership(sql`ms`)})`
          : sql`true`;
  return queryRows<AudienceMember>(
    db,
    sql`select m.id as "memberId", o.name as "organizationName", nullif(trim(m.contact_email), '') as email,
          m.joined_on::text as "joinedOn", m.left_on::text as "leftOn",
          coalesce((select json_agg(json_build_object('year', c.year, 'status', c.status)) from network_contributions c
            where c.member_id = m.id and c.archived_at is null), '[]'::json) as dues
        from network_members m join organizations o on o.id = m.organization_id
        where m.network_id = ${networkId} and ${isCurrentMember(sql`m`)} and ${filter}
        order by o.name_key, m.id`,
  );
}

/** The rules a member's status follows in this network. */
export async function findMembershipRules(db: Database, networkId: string): Promise<{ newDays: number; graceDays: number }> {
  const [row] = await queryRows<{ newDays: number; graceDays: number }>(db, sql`select new_days as "newDays", grace_days as "graceDays" from networks where body_id = ${networkId}`);
  return row!;
}

/** All invitations of a survey in one statement (the ids and token hashes made by the caller). */
export async function insertInvitations(db: Database, surveyId: string, rows: { id: string; memberId: string; tokenHash: string }[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(
    sql`insert into survey_invitations (id, survey_id, member_id, token_hash)
        select id, ${surveyId}::uuid, member_id, token_hash
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.memberId))}::uuid[], ${sql.param(rows.map((r) => r.tokenHash))}::text[])
          as u(id, member_id, token_hash)`,
  );
}

/** The invitations not yet answered of members who have not left since, with what their reminder needs. */
export async function listPendingInvitations(db: Database, surveyId: string) {
  return queryRows<{ id: string; reminders: number; organizationName: string; email: string | null }>(
    db,
    sql`select i.id, i.reminders, o.name as "organizationName", nullif(trim(m.contact_email), '') as email
        from survey_invitations i join network_members m on m.id = i.member_id join organizations o on o.id = m.organization_id
        where i.survey_id = ${surveyId} and not i.responded and ${isCurrentMember(sql`m`)}
        order by o.name_key, i.id`,
  );
}

/**
 * A reminder carries a new link (only the hash of a token is kept, so the first one cannot be sent again):
 * the token is replaced and the reminder counted, for invitations still unanswered. Returns those updated.
 */
export async function rotateInvitationTokens(db: Database, rows: { id: string; tokenHash: string }[]): Promise<{ id: string; reminders: number }[]> {
  if (!rows.length) return [];
  return queryRows<{ id: string; reminders: number }>(
    db,
    sql`update survey_invitations i set token_hash = u.token_hash, reminders = i.reminders + 1, reminded_at = now()
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.tokenHash))}::text[]) as u(id, token_hash)
        where i.id = u.id and not i.responded
        returning i.id, i.reminders`,
  );
}

export interface InvitationRow {
  invitationId: string;
  surveyId: string;
  memberId: string;
  responded: boolean;
  title: string;
  description: string | null;
  definition: TemplateDefinition;
  anonymity: SurveyAnonymity;
  status: SurveyStatus;
  closesAt: string | null;
  networkName: string;
  memberName: string;
}

/** The invitation a link's token opens (by the token's hash), with its survey and member. */
export async function findInvitationByTokenHash(db: Database, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await queryRows<InvitationRow>(
    db,
    sql`select i.id as "invitationId", i.survey_id as "surveyId", i.member_id as "memberId", i.responded,
          s.title, s.description, s.definition, s.anonymity, ${effectiveStatus(sql`s`)} as status, ${isoInstant(sql`s.closes_at`)} as "closesAt",
          b.name as "networkName", o.name as "memberName"
        from survey_invitations i join surveys s on s.id = i.survey_id join bodies b on b.id = s.network_id
          join network_members m on m.id = i.member_id join organizations o on o.id = m.organization_id
        where i.token_hash = ${tokenHash} and s.archived_at is null`,
  );
  return row;
}

/** Locks the invitation and its survey's state for the response being written; undefined when it is gone. */
export async function lockInvitation(db: Database, invitationId: string): Promise<{ responded: boolean; status: SurveyStatus } | undefined> {
  const [row] = await queryRows<{ responded: boolean; status: SurveyStatus }>(
    db,
    sql`select i.responded, ${effectiveStatus(sql`s`)} as status
        from survey_invitations i join surveys s on s.id = i.survey_id where i.id = ${invitationId} for update of i`,
  );
  return row;
}

/** What a response copies from its member so results can be cut without a link to anyone. */
export async function findMemberSegments(db: Database, memberId: string): Promise<{ stateCode: string | null; sector: string; commissionIds: string[] }> {
  const [row] = await queryRows<{ stateCode: string | null; sector: string; commissionIds: string[] }>(
    db,
    sql`select m.state_code as "stateCode", m.sector, ${memberCommissionIds(sql`m`)}::text[] as "commissionIds" from network_members m where m.id = ${memberId}`,
  );
  return row!;
}

/** The segments of every member invited to the survey, to keep an anonymous response's among at least 5 of them. */
export async function findInvitedSegments(db: Database, surveyId: string): Promise<{ stateCode: string | null; sector: string; commissionIds: string[] }[]> {
  return queryRows<{ stateCode: string | null; sector: string; commissionIds: string[] }>(
    db,
    sql`select m.state_code as "stateCode", m.sector, ${memberCommissionIds(sql`m`)}::text[] as "commissionIds"
        from survey_invitations i join network_members m on m.id = i.member_id where i.survey_id = ${surveyId}`,
  );
}

/** Serialises the anonymous marks of one survey (each rewrites all its answered invitations). */
export async function lockSurveyInvitations(db: Database, surveyId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('telar.survey-invitations:' || ${surveyId}))`);
}

/** A named response: the invitation is marked in the transaction that writes the response pointing to it. */
export async function markInvitationResponded(db: Database, invitationId: string): Promise<void> {
  await db.execute(sql`update survey_invitations set responded = true where id = ${invitationId}`);
}

/**
 * Marks an invitation answered for an ANONYMOUS response, and rewrites every other answered invitation of
 * the survey in the same transaction, one by one in a random order. Afterwards all answered invitations
 * carry the same `xmin` (the transaction that wrote them), which therefore says neither which one was
 * answered last nor when; their physical order (`ctid`) follows the random order as far as free space
 * lets PostgreSQL place them (best effort: a version tends to stay on its old page). The response itself
 * is written by the caller in a LATER transaction (`insertResponse`), so no row of it shares this `xmin`.
 * Cost: one row update per answered invitation (≈ 5,000 at most per network survey).
 * The ids travel as transaction-local settings because a DO block takes no parameters.
 */
export async function markInvitationRespondedAnonymously(db: Database, surveyId: string, invitationId: string): Promise<void> {
  await db.execute(sql`select set_config('telar.survey_id', ${surveyId}, true), set_config('telar.invitation_id', ${invitationId}, true)`);
  await db.execute(
    sql.raw(`do $$
      declare answered record;
      begin
        for answered in
          select id from survey_invitations
          where survey_id = current_setting('telar.survey_id')::uuid and (responded or id = current_setting('telar.invitation_id')::uuid)
          order by random()
        loop
          update survey_invitations set responded = true where id = answered.id;
        end loop;
      end $$`),
  );
  await db.execute(sql`select set_config('telar.survey_id', '', true), set_config('telar.invitation_id', '', true)`);
}

/** Undoes the mark when the anonymous response could not be written after it (the member may answer again). */
export async function unmarkInvitationResponded(db: Database, invitationId: string): Promise<void> {
  await db.execute(sql`update survey_invitations set responded = false where id = ${invitationId}`);
}

/**
 * Writes a response: a random id, the member's segments, the day in Mexico City (never a time), and
 * the invitation only when it is named.
 */
export async function insertResponse(
  db: Database,
  values: { surveyId: string; invitationId: string | null; stateCode: string | null; sector: string; commissionIds: string[] },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into survey_responses (survey_id, invitation_id, is_anonymous, state_code, sector, commission_ids, submitted_on)
        values (${values.surveyId}, ${values.invitationId}, ${values.invitationId === null}, ${values.stateCode}, ${values.sector},
          ${sql.param(values.commissionIds)}::uuid[], (now() at time zone 'America/Mexico_City')::date)
        returning id`,
  );
  return row!.id;
}

export interface AnswerRow {
  questionKey: string;
  optionKey: string | null;
  number: number | null;
  text: string | null;
}

/** A response's answers in one statement, in a random order (their ids then say nothing of the order of the form). */
export async function insertAnswers(db: Database, surveyId: string, responseId: string, rows: AnswerRow[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(
    sql`insert into survey_answers (survey_id, response_id, question_key, option_key, number, text)
        select ${surveyId}::uuid, ${responseId}::uuid, q, o, n, t
        from unnest(${sql.param(rows.map((r) => r.questionKey))}::text[], ${sql.param(rows.map((r) => r.optionKey))}::text[],
          ${sql.param(rows.map((r) => r.number))}::numeric[], ${sql.param(rows.map((r) => r.text))}::text[]) as u(q, o, n, t)`,
  );
}

/**
 * The counts of the responses `responseFilter` selects (on `r`), as rows of survey_counts. Per segment
 * (all '', state — '' for a member without one —, sector, each commission): question '' counts responses;
 * per question, option '' counts its respondents (`total`: the sum of numbers); per option, its
 * respondents (a number question's options are its values). One definition for the running count and the rebuild.
 */
const countsSelect = (surveyId: string, responseFilter: SQL) => sql`
  select ${surveyId}::uuid as survey_id, seg.kind, seg.segment, item.question_key, item.option_key, count(*)::int as respondents, sum(item.number) as total
  from (
    select r.id as response_id, '' as question_key, '' as option_key, null::numeric as number
      from survey_responses r where r.survey_id = ${surveyId} and ${responseFilter}
    union all
    select a.response_id, a.question_key, '', sum(a.number)
      from survey_answers a join survey_responses r on r.id = a.response_id
      where r.survey_id = ${surveyId} and ${responseFilter} group by a.response_id, a.question_key
    union all
    select distinct a.response_id, a.question_key, coalesce(a.option_key, trim_scale(a.number)::text), a.number
      from survey_answers a join survey_responses r on r.id = a.response_id
      where r.survey_id = ${surveyId} and ${responseFilter} and (a.option_key is not null or a.number is not null)
  ) item
  join survey_responses r on r.id = item.response_id
  cross join lateral (
    select 'all' as kind, '' as segment
    union all select 'state', coalesce(r.state_code, '')
    union all select 'sector', coalesce(r.sector, '')
    union all select 'commission', c::text from unnest(r.commission_ids) c
  ) seg
  group by seg.kind, seg.segment, item.question_key, item.option_key
  order by seg.kind, seg.segment, item.question_key, item.option_key`;

/**
 * Adds one response to the survey's counts (upsert +1), in the transaction that wrote it. Rows are
 * touched in key order, so two responses counted at once cannot deadlock.
 */
export async function addResponseCounts(db: Database, surveyId: string, responseId: string): Promise<void> {
  await db.execute(
    sql`insert into survey_counts (survey_id, segment_kind, segment, question_key, option_key, respondents, total)
        ${countsSelect(surveyId, sql`r.id = ${responseId}`)}
        on conflict (survey_id, segment_kind, segment, question_key, option_key) do update
          set respondents = survey_counts.respondents + excluded.respondents,
              total = case when excluded.total is null then survey_counts.total else coalesce(survey_counts.total, 0) + excluded.total end`,
  );
}

/** Recounts a survey from its answers (bulk loads, repair): one INSERT … SELECT … GROUP BY. */
export async function rebuildCounts(db: Database, surveyId: string): Promise<void> {
  await db.execute(sql`delete from survey_counts where survey_id = ${surveyId}`);
  await db.execute(sql`insert into survey_counts (survey_id, segment_kind, segment, question_key, option_key, respondents, total) ${countsSelect(surveyId, sql`true`)}`);
}

export interface RateRow {
  kind: 'all' | 'state' | 'sector' | 'commission';
  segment: string;
  label: string;
  invited: number;
  responded: number;
}

/**
 * Invited and answered organisations overall and by state, sector and commission (today's commission
 * memberships), for the coordination. About invitations only: no response is read.
 */
export async function surveyRates(db: Database, surveyId: string): Promise<RateRow[]> {
  return queryRows<RateRow>(
    db,
    sql`with inv as (
          select i.responded, m.state_code, m.sector, ${memberCommissionIds(sql`m`)} as commission_ids
          from survey_invitations i join network_members m on m.id = i.member_id where i.survey_id = ${surveyId}
        ), seg as (
          select 'all' as kind, '' as segment, responded from inv
          union all select 'state', coalesce(state_code, ''), responded from inv
          union all select 'sector', sector, responded from inv
          union all select 'commission', c::text, responded from inv cross join unnest(inv.commission_ids) c
        )
        select seg.kind, seg.segment, coalesce(st.name, cb.name, seg.segment) as label,
          count(*)::int as invited, count(*) filter (where seg.responded)::int as responded
        from seg
          left join states st on seg.kind = 'state' and st.code = seg.segment
          left join bodies cb on seg.kind = 'commission' and cb.id::text = seg.segment
        group by seg.kind, seg.segment, st.name, cb.name
        order by seg.kind, label`,
  );
}
