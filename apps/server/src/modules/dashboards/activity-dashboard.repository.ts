import type { ActivityTotals, DashboardFilter, KindTotalsRow, PeriodTotalsRow, StateTotalsRow } from '@telar/domain';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, whereAll } from '../../platform/db/query.js';
import type { Database } from '../../platform/db/client.js';
import { isValidatedActivity } from '../activities/index.js';

/** The four measures, summed, as the view's field names. */
const sums = (t: SQL) => sql`coalesce(sum(${t}.activities), 0)::int as activities, coalesce(sum(${t}.events), 0)::float8 as events,
  coalesce(sum(${t}.participants), 0)::float8 as participants, coalesce(sum(${t}.people_reached), 0)::float8 as "peopleReached"`;

/** Totals rows in the filter's years and kind; `place` is a state code or '' for the whole country. */
function totalsWhere(filter: DashboardFilter, place: SQL | undefined, isValidated = true) {
  return whereAll([
    sql`t.is_validated = ${isValidated}`,
    place,
    filter.from ? sql`t.month >= ${`${filter.from}-01-01`}` : undefined,
    filter.to ? sql`t.month <= ${`${filter.to}-12-01`}` : undefined,
    filter.kind ? sql`t.kind = ${filter.kind}` : undefined,
  ]);
}

const selectedPlace = (filter: DashboardFilter) => sql`t.state_code = ${filter.stateCode ?? ''}`;

/** Totals of validated activities in the filter (the whole country, or the selected state). */
export async function sumActivityTotals(db: Database, filter: DashboardFilter): Promise<ActivityTotals> {
  const [row] = await queryRows<ActivityTotals>(db, sql`select ${sums(sql`t`)} from activity_totals t where ${totalsWhere(filter, selectedPlace(filter))}`);
  return row!;
}

/** Activities filed in reports not yet accepted, which the totals leave out. */
export async function countPendingReview(db: Database, filter: DashboardFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(t.activities), 0)::int as n from activity_totals t where ${totalsWhere(filter, selectedPlace(filter), false)}`,
  );
  return row?.n ?? 0;
}

/** All 32 states, with zeros where nothing was recorded, and participants per 100,000 inhabitants. */
export function sumByState(db: Database, filter: DashboardFilter): Promise<StateTotalsRow[]> {
  return queryRows<StateTotalsRow>(
    db,
    sql`select s.code as "stateCode", s.population, ${sums(sql`t`)},
          round((coalesce(sum(t.participants), 0) * 100000.0 / s.population)::numeric, 2)::float8 as "participantsPer100k"
        from states s left join activity_totals t on t.state_code = s.code and ${totalsWhere(filter, undefined)}
        group by s.code, s.population order by s.code`,
  );
}

export function sumByYear(db: Database, filter: DashboardFilter): Promise<PeriodTotalsRow[]> {
  return queryRows<PeriodTotalsRow>(
    db,
    sql`select extract(year from t.month)::int::text as period, ${sums(sql`t`)} from activity_totals t
        where ${totalsWhere(filter, selectedPlace(filter))} group by 1 having sum(t.activities) > 0 order by 1`,
  );
}

export function sumByKind(db: Database, filter: DashboardFilter): Promise<KindTotalsRow[]> {
  return queryRows<KindTotalsRow>(
    db,
    sql`select t.kind, ${sums(sql`t`)} from activity_totals t
        where ${totalsWhere(filter, selectedPlace(filter))} group by t.kind having sum(t.activities) > 0 order by activities desc, t.kind`,
  );
}

/** Validated activities an organisation led or took part in. */
const ofOrganization = (organizationId: string) => sql`a.archived_at is null and ${isValidatedActivity(sql`a`)}
  and exists (select 1 from activity_organizations o where o.activity_id = a.id and o.organization_id = ${organizationId})`;

const rawSums = sql`count(*)::int as activities, coalesce(sum(a.events), 0)::float8 as events,
  coalesce(sum(a.participants), 0)::float8 as participants, coalesce(sum(a.people_reached), 0)::float8 as "peopleReached"`;

export async function sumOrganizationActivities(db: Database, organizationId: string) {
  const where = ofOrganization(organizationId);
  const [[total], byYear, byState] = await Promise.all([
    queryRows<ActivityTotals>(db, sql`select ${rawSums} from activities a where ${where}`),
    queryRows<PeriodTotalsRow>(
      db,
      sql`select extract(year from a.start_date)::int::text as period, ${rawSums} from activities a where ${where} group by 1 order by 1`,
    ),
    queryRows<StateTotalsRow>(
      db,
      sql`select s.code as "stateCode", s.population, ${rawSums},
            round((coalesce(sum(a.participants), 0) * 100000.0 / s.population)::numeric, 2)::float8 as "participantsPer100k"
          from activities a join activity_states st on st.activity_id = a.id join states s on s.code = st.state_code
          where ${where} group by s.code, s.population order by s.code`,
    ),
  ]);
  return { total: total!, byYear, byState };
}
