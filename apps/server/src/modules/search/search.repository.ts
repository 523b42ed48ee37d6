import { COUNT_CAP, type SearchType, type SessionKind } from '@telar/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows, toPrefixTsQuery, whereAll } from '../../platform/db/query.js';
import type { SessionReference } from './search-query.js';

/**
 * Search reads each table through its own GIN index (the generated `search` columns), so it is always
 * as current as the tables and costs no extra writes. Each type reads at most COUNT_CAP + 1 matches,
 * which it counts and ranks: that bounds the work a common word can cause, and what a type shows
 * first is the best of those.
 */

/** What a search asks: the words as a prefix tsquery, and the session it may name. */
export interface SearchTerms {
  /**
   * The search's words as a tsquery, whole words (stemmed, so endings do not matter), null when it has
   * no word. Not prefixes: PostgreSQL estimates any prefix query at 2 % of the rows and reads a common
   * word's whole GIN posting list (220 ms for «violencia» in a million activities) where the table's
   * first rows give the same answer in 8 ms; and the box is submitted, not searched while typing.
   */
  tsQuery: string | null;
  /** The search as typed, to find an organisation or body by its exact acronym. */
  text: string;
  session: SessionReference | null;
}

/** How one type of record matches: its rows, the condition, a rank (higher first) and a date (newer first on ties). */
interface TypeMatch {
  from: SQL;
  where: SQL;
  rank: SQL;
  date: SQL;
}

const asQuery = (tsQuery: string) => sql`to_tsquery('telar_es', ${tsQuery})`;

/** Organisations and bodies: by name and acronym, an exact acronym first. */
const namedMatch = (table: 'organizations' | 'bodies', terms: SearchTerms, q: SQL): TypeMatch => ({
  from: sql`${sql.identifier(table)} t`,
  where: sql`t.search @@ ${q} and t.archived_at is null`,
  rank: sql`ts_rank(t.search, ${q}, 1) + case when upper(t.acronym) = upper(${terms.text}) then 1 else 0 end`,
  date: sql`null::date`,
});

/** Sessions are named by ordinal, kind and body (they have no text of their own); they come before text matches. */
function sessionMatch(session: SessionReference): TypeMatch {
  const bodyQuery = toPrefixTsQuery(session.bodyWords);
  return {
    from: sql`sessions t`,
    where: whereAll([
      sql`t.archived_at is null`,
      session.number === null ? undefined : sql`t.number = ${session.number}`,
      session.kind === null ? undefined : sql`t.kind = ${session.kind satisfies SessionKind}`,
      bodyQuery ? sql`t.body_id in (select id from bodies where search @@ ${asQuery(bodyQuery)})` : undefined,
    ]),
    rank: sql`1.5`,
    date: sql`t.date`,
  };
}

/** A table with its own text: matched and ranked on its search column. */
const textMatch = (from: SQL, q: SQL, date: SQL = sql`null::date`): TypeMatch => ({
  from,
  where: sql`t.search @@ ${q} and t.archived_at is null`,
  rank: sql`ts_rank(t.search, ${q}, 1)`,
  date,
});

function buildMatches(terms: SearchTerms): Partial<Record<SearchType, TypeMatch>> {
  const matches: Partial<Record<SearchType, TypeMatch>> = {};
  if (terms.session) matches.session = sessionMatch(terms.session);
  if (!terms.tsQuery) return matches;
  const q = asQuery(terms.tsQuery);
  return {
    organization: namedMatch('organizations', terms, q),
    body: namedMatch('bodies', terms, q),
    ...matches,
    agreement: textMatch(sql`agreements t`, q),
    follow_up: textMatch(sql`follow_ups t`, q, sql`t.date`),
    plan: textMatch(sql`plans t`, q),
    plan_node: textMatch(sql`plan_nodes t`, q),
    activity: textMatch(sql`activities t`, q, sql`t.start_date`),
    // A report is named by its organisation, its period and its plan together ("REDIM primer semestre").
    report: {
      from: sql`reports t join organizations o on o.id = t.organization_id join reporting_periods rp on rp.id = t.reporting_period_id
        join plans p on p.id = rp.plan_id`,
      where: sql`(o.search || rp.search || p.search) @@ ${q} and t.archived_at is null`,
      rank: sql`0`,
      date: sql`rp.period_to`,
    },
  };
}

export interface SearchCandidate {
  type: SearchType;
  id: string;
}

/**
 * The best `limit` records among the types asked for, most pertinent first, and how many of each type
 * match (every type, up to the cap) — one statement, whatever the number of types.
 */
export async function searchRecords(db: Database, terms: SearchTerms, types: readonly SearchType[], limit: number) {
  const matches = Object.entries(buildMatches(terms)) as [SearchType, TypeMatch][];
  if (!matches.length) return { candidates: [], counts: new Map<SearchType, number>() };
  // One index scan per type gives both its count (up to the cap) and its candidates.
  const firstMatches = matches.map(
    ([type, m]) => sql`(select ${type}::text as type, t.id, (${m.rank})::float8 as rank, ${m.date} as date from ${m.from} where ${m.where} limit ${COUNT_CAP + 1})`,
  );
  const asked = sql.join(types.map((type) => sql`${type}`), sql`, `);
  const rows = await queryRows<{ kind: 'count' | 'item'; type: SearchType; id: string | null; n: number }>(
    db,
    sql`with m as (${sql.join(firstMatches, sql` union all `)})
        select 'count' as kind, type, null::uuid as id, count(*)::int as n from m group by type
        union all
        (select 'item', type, id, 0 from m where type in (${asked}) order by rank desc, date desc nulls last, type, id limit ${limit})`,
  );
  return {
    candidates: rows.filter((row) => row.kind === 'item').map(({ type, id }) => ({ type, id: id! })),
    counts: new Map(rows.filter((row) => row.kind === 'count').map((row) => [row.type, row.n])),
  };
}

/** What each type shows of a record found: the parts of its title, its place, and where the words were found. */
export interface SearchDisplayRow {
  type: SearchType;
  id: string;
  /** Name, title or code, depending on the type. */
  name: string | null;
  acronym: string | null;
  /** The record's place: its body, plan or session, as the service words it. */
  context: {
    kind?: SessionKind;
    number?: number | null;
    date?: string;
    bodyName?: string;
    bodyAcronym?: string | null;
    organizationName?: string;
    organizationAcronym?: string | null;
    planId?: string;
    planName?: string;
    agreementId?: string | null;
    agreementCode?: string | null;
    sessionId?: string | null;
  } | null;
  snippet: string | null;
}

/** A fragment of plain text around the words found (no markup). */
const headline = (text: SQL, tsQuery: string | null) =>
  tsQuery ? sql`ts_headline('telar_es', ${text}, ${asQuery(tsQuery)}, 'MaxFragments=1, MaxWords=30, MinWords=12, StartSel="", StopSel=""')` : sql`null::text`;

const sessionContext = (s: SQL, b: SQL) =>
  sql`json_build_object('kind', ${s}.kind, 'number', ${s}.number, 'date', ${s}.date::text, 'bodyName', ${b}.name, 'bodyAcronym', ${b}.acronym)`;

/** The rows to show for the candidates found, by type; each type is read by primary key. */
export async function findDisplayRows(db: Database, candidates: SearchCandidate[], tsQuery: string | null): Promise<SearchDisplayRow[]> {
  const idsOf = (type: SearchType) => candidates.filter((c) => c.type === type).map((c) => c.id);
  const none = sql`null`;
  /** One type's select, its columns named and typed alike so the union reads them whatever type comes first. */
  const select = (type: SearchType, columns: { name?: SQL; acronym?: SQL; context?: SQL; snippet?: SQL }, rest: SQL) =>
    sql`select ${type}::text as type, t.id, (${columns.name ?? none})::text as name, (${columns.acronym ?? none})::text as acronym,
          (${columns.context ?? none})::json as context, (${columns.snippet ?? none})::text as snippet ${rest}`;
  const display: Record<SearchType, (ids: SQL) => SQL> = {
    organization: (ids) => select('organization', { name: sql`t.name`, acronym: sql`t.acronym` }, sql`from organizations t where t.id in ${ids}`),
    body: (ids) => select('body', { name: sql`t.name`, acronym: sql`t.acronym` }, sql`from bodies t where t.id in ${ids}`),
    session: (ids) =>
      select('session', { context: sessionContext(sql`t`, sql`b`) }, sql`from sessions t join bodies b on b.id = t.body_id where t.id in ${ids}`),
    agreement: (ids) =>
      select(
        'agreement',
        { name: sql`t.code`, context: sessionContext(sql`s`, sql`b`), snippet: headline(sql`t.text`, tsQuery) },
        sql`from agreements t join sessions s on s.id = t.session_id join bodies b on b.id = s.body_id where t.id in ${ids}`,
      ),
    follow_up: (ids) =>
      select(
        'follow_up',
        {
          context: sql`json_build_object('agreementId', a.id, 'agreementCode', a.code, 'sessionId', s.id, 'kind', s.kind, 'number', s.number,
            'date', s.date::text, 'bodyName', b.name, 'bodyAcronym', b.acronym)`,
          snippet: headline(sql`t.text`, tsQuery),
        },
        sql`from follow_ups t left join agreements a on a.id = t.agreement_id left join participations p on p.id = t.participation_id
            join sessions s on s.id = coalesce(a.session_id, p.session_id) join bodies b on b.id = s.body_id
          where t.id in ${ids}`,
      ),
    plan: (ids) =>
      select('plan', { name: sql`t.name`, acronym: sql`t.short_name`, snippet: headline(sql`coalesce(t.description, '')`, tsQuery) }, sql`from plans t where t.id in ${ids}`),
    plan_node: (ids) =>
      select(
        'plan_node',
        { name: sql`t.code || ' ' || t.title`, context: sql`json_build_object('planId', p.id, 'planName', coalesce(p.short_name, p.name))` },
        sql`from plan_nodes t join plans p on p.id = t.plan_id where t.id in ${ids}`,
      ),
    activity: (ids) =>
      select('activity', { name: sql`t.title`, snippet: headline(sql`coalesce(t.description, '')`, tsQuery) }, sql`from activities t where t.id in ${ids}`),
    report: (ids) =>
      select(
        'report',
        {
          name: sql`rp.title`,
          context: sql`json_build_object('organizationName', o.name, 'organizationAcronym', o.acronym, 'planName', coalesce(p.short_name, p.name))`,
        },
        sql`from reports t join reporting_periods rp on rp.id = t.reporting_period_id join plans p on p.id = rp.plan_id
            join organizations o on o.id = t.organization_id where t.id in ${ids}`,
      ),
  };
  const parts = (Object.keys(display) as SearchType[]).flatMap((type) => {
    const ids = idsOf(type);
    return ids.length ? [display[type](sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)] : [];
  });
  if (!parts.length) return [];
  return queryRows<SearchDisplayRow>(db, sql.join(parts, sql` union all `));
}
