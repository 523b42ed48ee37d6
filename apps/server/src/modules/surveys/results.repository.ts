import type { CountRow, SegmentKind, SurveyAnonymity, SurveyStatus, TemplateDefinition } from '@telar/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { effectiveStatus } from './surveys.repository.js';

/**
 * What results read. Closed questions come only from survey_counts, by its primary key's prefix
 * (survey, segment kind, segment): a few hundred rows however many responses there are. Open answers
 * and their themes are read from survey_answers (only tagged answers are counted, by one GROUP BY).
 */

export interface ResultsSurveyRow {
  id: string;
  networkId: string;
  networkName: string;
  title: string;
  definition: TemplateDefinition;
  anonymity: SurveyAnonymity;
  status: SurveyStatus;
  closedAt: string | null;
  publishedAt: string | null;
  publishedQuestions: string[];
  invited: number;
}

/** What results need of a survey, and its invitations counted (by the invitation index: no response is read). */
export async function findResultsSurvey(db: Database, id: string): Promise<ResultsSurveyRow | undefined> {
  const [row] = await queryRows<ResultsSurveyRow>(
    db,
    sql`select s.id, s.network_id as "networkId", b.name as "networkName", s.title, s.definition, s.anonymity, ${effectiveStatus(sql`s`)} as status,
          ${isoInstant(sql`coalesce(s.closed_at, case when s.closes_at <= now() then s.closes_at end)`)} as "closedAt", ${isoInstant(sql`s.published_at`)} as "publishedAt",
          s.published_questions as "publishedQuestions", (select count(*)::int from survey_invitations i where i.survey_id = s.id) as invited
        from surveys s join bodies b on b.id = s.network_id
        where s.id = ${id} and s.archived_at is null`,
  );
  return row;
}

/** Which responses a result is about: all of them, or those of some segments of one kind. */
export type SegmentFilter = { kind: 'all' } | { kind: SegmentKind; segments: string[] };


/** The counts of a segment (or the sum of several of one kind: the pooled «Otros»), by question and option. */
export async function readCounts(db: Database, surveyId: string, filter: SegmentFilter): Promise<CountRow[]> {
  const [kind, segments] = filter.kind === 'all' ? ['all', ['']] : [filter.kind, filter.segments];
  if (!segments.length) return [];
  const rows = await queryRows<CountRow>(
    db,
    sql`select question_key as "questionKey", option_key as "optionKey", sum(respondents)::int as respondents, sum(total)::float8 as total
        from survey_counts
        where survey_id = ${surveyId} and segment_kind = ${kind} and segment = any(${sql.param(segments)}::text[])
        group by question_key, option_key`,
  );
  return rows.map((row) => ({ ...row, total: row.total === null ? null : Number(row.total) }));
}

export interface SegmentSizeRow {
  kind: SegmentKind;
  segment: string;
  respondents: number;
}

/** Responses per segment of every kind: the rows of question '' and option ''. */
export async function readSegmentSizes(db: Database, surveyId: string): Promise<SegmentSizeRow[]> {
  return queryRows<SegmentSizeRow>(
    db,
    sql`select segment_kind as kind, segment, respondents from survey_counts
        where survey_id = ${surveyId} and segment_kind in ('state', 'sector', 'commission') and question_key = '' and option_key = ''`,
  );
}

/** The survey's respondents, and how many of them sit in each pair of commissions (to catch nested ones). */
export async function readCommissionOverlaps(db: Database, surveyId: string): Promise<{ total: number; overlaps: { a: string; b: string; both: number }[] }> {
  const [totals, overlaps] = await Promise.all([
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from survey_responses where survey_id = ${surveyId}`),
    queryRows<{ a: string; b: string; both: number }>(
      db,
      sql`select a.id::text as a, b.id::text as b, count(*)::int as both
          from survey_responses r cross join lateral unnest(r.commission_ids) a(id) cross join lateral unnest(r.commission_ids) b(id)
          where r.survey_id = ${surveyId} and a.id < b.id group by a.id, b.id`,
    ),
  ]);
  return { total: totals[0]?.total ?? 0, overlaps };
}

/** Names of states (INEGI catalogue) and commissions (bodies) named by segment values. */
export async function readSegmentNames(db: Database, segments: { kind: SegmentKind; segment: string }[]): Promise<Map<string, string>> {
  const states = segments.filter((s) => s.kind === 'state' && s.segment).map((s) => s.segment);
  const commissions = segments.filter((s) => s.kind === 'commission' && /^[0-9a-f-]{36}$/i.test(s.segment)).map((s) => s.segment);
  if (!states.length && !commissions.length) return new Map();
  const rows = await queryRows<{ key: string; name: string }>(
    db,
    sql`select 'state:' || code as key, name from states where code = any(${sql.param(states)}::text[])
        union all select 'commission:' || id::text, name from bodies where id = any(${sql.param(commissions)}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.key, row.name]));
}

/** The member conditions of a segment filter, on network_members `m` (invitations) and on survey_responses `r`. */
function memberInSegments(filter: SegmentFilter, m: SQL): SQL {
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'state') return sql`coalesce(${m}.state_code, '') = any(${sql.param(filter.segments)}::text[])`;
  if (filter.kind === 'sector') return sql`${m}.sector = any(${sql.param(filter.segments)}::text[])`;
  // Today's commission memberships, as the rates read them.
  return sql`exists (select 1 from memberships ms join network_bodies nb on nb.body_id = ms.body_id and nb.role = 'commission'
                     where ms.organization_id = ${m}.organization_id and ms.archived_at is null and nb.network_id = ${m}.network_id
                       and ms.body_id::text = any(${sql.param(filter.segments)}::text[])
                       and (ms.start_date is null or ms.start_date <= (now() at time zone 'America/Mexico_City')::date)
                       and (ms.end_date is null or ms.end_date >= (now() at time zone 'America/Mexico_City')::date))`;
}

function responseInSegments(filter: SegmentFilter, r: SQL): SQL {
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'state') return sql`coalesce(${r}.state_code, '') = any(${sql.param(filter.segments)}::text[])`;
  if (filter.kind === 'sector') return sql`${r}.sector = any(${sql.param(filter.segments)}::text[])`;
  return sql`${r}.commission_ids && ${sql.param(filter.segments)}::uuid[]`;
}

/** Members invited in the segments (all invited for `all`). */
export async function countInvited(db: Database, surveyId: string, filter: SegmentFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from survey_invitations i join network_members m on m.id = i.member_id
        where i.survey_id = ${surveyId} and ${memberInSegments(filter, sql`m`)}`,
  );
  return row?.n ?? 0;
}

export interface ThemeResultRow {
  id: string;
  questionKey: string;
  label: string;
  description: string | null;
  position: number;
  version: number;
  count: number;
  quotes: string[];
}

/** How many quotes of a theme results show at most. */
export const QUOTES_PER_THEME = 5;

/**
 * The survey's themes with the number of answers (in the segments) tagged with each and up to
 * QUOTES_PER_THEME of those marked as quotes: one GROUP BY over the tags of the survey's themes (found by
 * the theme index, never by scanning answers); only a segment needs each tag's response, by primary keys.
 */
export async function readThemeResults(db: Database, surveyId: string, filter: SegmentFilter = { kind: 'all' }): Promise<ThemeResultRow[]> {
  const counted =
    filter.kind === 'all'
      ? sql`select theme_id, answer_id, is_quote from tags`
      : // A scalar subquery per tag (two primary-key reads): the work follows the tags (made by hand), never the responses.
        sql`select theme_id, answer_id, is_quote from tags
            where coalesce((select ${responseInSegments(filter, sql`r`)} from survey_answers a join survey_responses r on r.id = a.response_id where a.id = tags.answer_id), false)`;
  return queryRows<ThemeResultRow>(
    db,
    sql`with themes as materialized (
          select id, question_key, label, description, position, version from survey_themes where survey_id = ${surveyId} and archived_at is null
        ), tags as materialized (
          select at.theme_id, at.answer_id, at.is_quote from themes t join survey_answer_themes at on at.theme_id = t.id
        ), counted as materialized (${counted})
        select t.id, t.question_key as "questionKey", t.label, t.description, t.position, t.version,
          coalesce(n.count, 0) as count, coalesce(q.quotes, '{}') as quotes
        from themes t
          left join (select theme_id, count(*)::int as count from counted group by theme_id) n on n.theme_id = t.id
          left join (
            select c.theme_id, (array_agg((select a.text from survey_answers a where a.id = c.answer_id) order by c.answer_id))[1:${QUOTES_PER_THEME}] as quotes
            from counted c where c.is_quote group by c.theme_id
          ) q on q.theme_id = t.id
        order by t.question_key, t.position, t.label`,
  );
}

export interface OpenAnswerRow {
  /** The response's random id (an open question has one answer per response). */
  answerId: string;
  text: string;
  themeIds: string[];
  quoteThemeIds: string[];
  organizationName: string | null;
}

/**
 * The written answers to an open question with their themes. The organisation is read only through a
 * named response's invitation: an anonymous response has none, so nothing can name it.
 */
export async function listOpenAnswers(
  db: Database,
  surveyId: string,
  questionKey: string,
  page: { offset: number; limit: number; responseId?: string },
): Promise<OpenAnswerRow[]> {
  // The page is chosen from the answers alone; only its rows are then joined to their tags and organisations.
  const themesOf = (answerId: SQL, quotesOnly: boolean) =>
    sql`coalesce((select array_agg(at.theme_id order by t.position) from survey_answer_themes at
                  join survey_themes t on t.id = at.theme_id and t.archived_at is null
                  where at.answer_id = ${answerId} ${quotesOnly ? sql`and at.is_quote` : sql``}), '{}')`;
  return queryRows<OpenAnswerRow>(
    db,
    sql`with page as (
          select a.id, a.text, a.response_id from survey_answers a
          where a.survey_id = ${surveyId} and a.question_key = ${questionKey} and nullif(trim(a.text), '') is not null
            ${page.responseId === undefined ? sql`` : sql`and a.response_id = ${page.responseId}`}
          -- By the response's random id, not by the answer's: the order answers came in is not shown.
          order by a.response_id, a.id
          offset ${page.offset} limit ${page.limit}
        )
        select p.response_id::text as "answerId", p.text, ${themesOf(sql`p.id`, false)} as "themeIds", ${themesOf(sql`p.id`, true)} as "quoteThemeIds",
          case when r.is_anonymous then null else o.name end as "organizationName"
        from page p
          join survey_responses r on r.id = p.response_id
          left join survey_invitations i on i.id = r.invitation_id and not r.is_anonymous
          left join network_members m on m.id = i.member_id
          left join organizations o on o.id = m.organization_id
        order by p.response_id, p.id`,
  );
}

/** The written answer of a response to an open question of the survey: its internal id, if there is one. */
export async function findOpenAnswer(db: Database, surveyId: string, responseId: string, questionKey: string): Promise<{ id: number } | undefined> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id::float8 as id from survey_answers
        where survey_id = ${surveyId} and response_id = ${responseId} and question_key = ${questionKey} and nullif(trim(text), '') is not null
        order by id limit 1`,
  );
  return row;
}

export interface ThemeRow {
  id: string;
  surveyId: string;
  questionKey: string;
  label: string;
  description: string | null;
  position: number;
  version: number;
}

const themeColumns = sql`id, survey_id as "surveyId", question_key as "questionKey", label, description, position, version`;

export async function findTheme(db: Database, themeId: string): Promise<ThemeRow | undefined> {
  const [row] = await queryRows<ThemeRow>(db, sql`select ${themeColumns} from survey_themes where id = ${themeId} and archived_at is null`);
  return row;
}

/** The live themes of a survey among `ids`. */
export async function findThemes(db: Database, surveyId: string, ids: string[]): Promise<ThemeRow[]> {
  if (!ids.length) return [];
  return queryRows<ThemeRow>(
    db,
    sql`select ${themeColumns} from survey_themes where survey_id = ${surveyId} and archived_at is null and id = any(${sql.param(ids)}::uuid[])`,
  );
}

/** A new theme, last of its question's. */
export async function insertTheme(db: Database, values: { surveyId: string; questionKey: string; label: string; description: string | null }): Promise<ThemeRow> {
  const [row] = await queryRows<ThemeRow>(
    db,
    sql`insert into survey_themes (survey_id, question_key, label, description, position)
        select ${values.surveyId}, ${values.questionKey}, ${values.label}, ${values.description},
          coalesce(max(position), 0) + 1 from survey_themes where survey_id = ${values.surveyId} and question_key = ${values.questionKey} and archived_at is null
        returning ${themeColumns}`,
  );
  return row!;
}

export async function updateTheme(db: Database, id: string, version: number, values: { label?: string; description?: string | null; position?: number }) {
  const [row] = await queryRows<ThemeRow>(
    db,
    sql`update survey_themes set label = coalesce(${values.label ?? null}, label),
          description = case when ${values.description === undefined} then description else ${values.description ?? null} end,
          position = coalesce(${values.position ?? null}::int, position), version = version + 1, updated_at = now()
        where id = ${id} and version = ${version} and archived_at is null
        returning ${themeColumns}`,
  );
  return row;
}

/** A theme removed: archived (its label may be used again) and its tags dropped, so no answer still counts for it. */
export async function archiveTheme(db: Database, id: string): Promise<void> {
  await db.execute(sql`delete from survey_answer_themes where theme_id = ${id}`);
  await db.execute(sql`update survey_themes set archived_at = now(), version = version + 1, updated_at = now() where id = ${id}`);
}

/** Replaces an answer's tags: the themes it is coded with, and of which it is a quote. */
export async function replaceAnswerThemes(db: Database, answerId: number, themeIds: string[], quoteThemeIds: string[]): Promise<void> {
  await db.execute(sql`delete from survey_answer_themes where answer_id = ${answerId}`);
  if (!themeIds.length) return;
  await db.execute(
    sql`insert into survey_answer_themes (answer_id, theme_id, is_quote)
        select ${answerId}, t, t = any(${sql.param(quoteThemeIds)}::uuid[]) from unnest(${sql.param(themeIds)}::uuid[]) t`,
  );
}

export async function writePublication(db: Database, surveyId: string, questionKeys: string[]): Promise<{ questionKeys: string[]; publishedAt: string | null }> {
  const [row] = await queryRows<{ questionKeys: string[]; publishedAt: string | null }>(
    db,
    sql`update surveys set published_questions = ${sql.param(questionKeys)}::text[],
          published_at = case when ${questionKeys.length} = 0 then null when cardinality(published_questions) = 0 then now() else coalesce(published_at, now()) end,
          version = version + 1, updated_at = now()
        where id = ${surveyId}
        returning published_questions as "questionKeys", ${isoInstant(sql`published_at`)} as "publishedAt"`,
  );
  return row!;
}

export interface PublishedSurveyRow {
  id: string;
  title: string;
  networkName: string;
  closedAt: string | null;
  publishedAt: string | null;
  respondents: number;
  questions: number;
}

/** Surveys with results on the portal: closed, with at least one question published. */
export async function listPublishedSurveys(db: Database): Promise<PublishedSurveyRow[]> {
  return queryRows<PublishedSurveyRow>(
    db,
    sql`select s.id, s.title, b.name as "networkName", ${isoInstant(sql`coalesce(s.closed_at, s.closes_at)`)} as "closedAt", ${isoInstant(sql`s.published_at`)} as "publishedAt",
          coalesce(c.respondents, 0) as respondents, cardinality(s.published_questions) as questions
        from surveys s join bodies b on b.id = s.network_id
          left join survey_counts c on c.survey_id = s.id and c.segment_kind = 'all' and c.segment = '' and c.question_key = '' and c.option_key = ''
        where s.archived_at is null and cardinality(s.published_questions) > 0 and ${effectiveStatus(sql`s`)} = 'closed'
        order by s.published_at desc, s.title`,
  );
}

/**
 * Surveys whose id is `idOrTitle`, or whose title contains it (accents and case aside), the exact titles
 * marked: what the command line resolves.
 */
export async function findSurveysByTitleOrId(db: Database, idOrTitle: string): Promise<{ id: string; title: string; networkName: string; isExact: boolean }[]> {
  const text = idOrTitle.trim();
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return queryRows<{ id: string; title: string; networkName: string; isExact: boolean }>(
    db,
    sql`select s.id, s.title, b.name as "networkName", ${isId ? sql`true` : sql`lower(unaccent(s.title)) = lower(unaccent(${text}))`} as "isExact"
        from surveys s join bodies b on b.id = s.network_id
        where s.archived_at is null and ${isId ? sql`s.id = ${text}::uuid` : sql`lower(unaccent(s.title)) like lower(unaccent(${pattern}))`}
        order by s.created_at`,
  );
}
