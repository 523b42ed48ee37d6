import type { IndicatorDetailView, IndicatorValueView } from '@telar/domain';
import { eq, inArray, isNotNull, and, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { type IndicatorDatasetQuery, indicators, type indicatorValues } from './indicators.tables.js';
import { queryRows } from '../../platform/db/query.js';

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValues = Omit<typeof indicators.$inferInsert, 'id'>;

/**
 * A computed indicator's value from its base value: per 100,000 inhabitants of the state, or of the
 * country for a national value (INEGI, Censo 2020).
 */
const computedValue = (value: SQL, stateCode: SQL) =>
  sql`round((${value} * 100000 / coalesce((select population from states where code = ${stateCode}), (select sum(population) from states)))::numeric, 2)::float8`;

/** Whose values an indicator shows: its own, or for a computed one those of the indicator it derives from. */
const valueSource = (i: SQL) => sql`coalesce(${i}.base_indicator_id, ${i}.id)`;

/**
 * The latest value of an indicator: the national one, or the sum over the states for the latest period
 * when only state values exist. Totals only (no breakdown).
 */
const latestValueJson = (i: SQL) => sql`coalesce(
  (select json_build_object('period', v.period, 'value', case when ${i}.formula is null then v.value::float8 else ${computedValue(sql`v.value`, sql`null`)} end)
     from indicator_values v where v.indicator_id = ${valueSource(i)} and v.state_code is null and v.disaggregation = ''
     order by v.period_start desc limit 1),
  (select json_build_object('period', latest.period, 'value', sum(v.value)::float8)
     from (select period from indicator_values where indicator_id = ${valueSource(i)} order by period desc limit 1) latest
     join indicator_values v on v.indicator_id = ${valueSource(i)} and v.period = latest.period and v.disaggregation = '' and v.state_code is not null
     where ${i}.formula is null
     group by latest.period))`;

/** IndicatorSummaryView without its progress, which the service works out from baseline and target. */
export const indicatorSummaryJson = (i: SQL) =>
  sql`json_build_object('id', ${i}.id, 'code', ${i}.code, 'name', ${i}.name, 'unit', ${i}.unit, 'baseline', ${i}.baseline::float8,
    'target', ${i}.target::float8, 'targetYear', ${i}.target_year, 'periodicity', ${i}.periodicity, 'formula', ${i}.formula,
    'latest', ${latestValueJson(i)}, 'progress', null)`;

/** The detail view without its values, and the dataset its values are read from, if any. */
export async function findIndicatorView(
  db: Database,
  id: string,
): Promise<{ indicator: Omit<IndicatorDetailView, 'values' | 'dataSource'>; datasetSource: { datasetId: string; query: IndicatorDatasetQuery } | null } | undefined> {
  const [row] = await queryRows<{ indicator: Omit<IndicatorDetailView, 'values' | 'dataSource'>; datasetId: string | null; datasetQuery: IndicatorDatasetQuery | null }>(
    db,
    sql`select (${indicatorSummaryJson(sql`i`)}::jsonb || jsonb_build_object(
          'planNode', json_build_object('id', n.id, 'planId', n.plan_id, 'code', n.code, 'title', n.title),
          'baselineYear', i.baseline_year, 'source', i.source, 'disaggregations', i.disaggregations,
          'baseIndicatorId', i.base_indicator_id, 'version', i.version)) as indicator,
          i.dataset_id as "datasetId", i.dataset_query as "datasetQuery"
        from indicators i join plan_nodes n on n.id = i.plan_node_id where i.id = ${id}`,
  );
  if (!row) return undefined;
  return { indicator: row.indicator, datasetSource: row.datasetId && row.datasetQuery ? { datasetId: row.datasetId, query: row.datasetQuery } : null };
}

/** The dataset sources of those of the indicators that read their values from a dataset, by indicator. */
export async function listDatasetSources(db: Database, ids: string[]) {
  if (!ids.length) return new Map<string, { datasetId: string; query: IndicatorDatasetQuery }>();
  const rows = await db
    .select({ id: indicators.id, datasetId: indicators.datasetId, query: indicators.datasetQuery })
    .from(indicators)
    .where(and(inArray(indicators.id, ids), isNotNull(indicators.datasetId)));
  return new Map(rows.map((r) => [r.id, { datasetId: r.datasetId!, query: r.query! }]));
}

/**
 * Values of an indicator, oldest period first; a computed indicator's are derived from its base.
 * Totals only unless the breakdowns are asked for: a monthly indicator by state and sex has tens of thousands.
 */
export async function listIndicatorValues(
  db: Database,
  indicator: Pick<IndicatorRow, 'id' | 'formula' | 'baseIndicatorId'>,
  { withBreakdowns }: { withBreakdowns: boolean },
): Promise<IndicatorValueView[]> {
  const value = indicator.formula ? computedValue(sql`v.value`, sql`v.state_code`) : sql`v.value::float8`;
  return queryRows<IndicatorValueView>(
    db,
    sql`select v.period, v.state_code as "stateCode", v.disaggregation, ${value} as value, null as flag, v.source, v.notes, v.report_id as "reportId"
        from indicator_values v where v.indicator_id = ${indicator.baseIndicatorId ?? indicator.id} ${withBreakdowns ? sql`` : sql`and v.disaggregation = ''`}
        order by v.period_start, v.state_code nulls first, v.disaggregation`,
  );
}

export async function findIndicator(db: Database, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function insertIndicator(db: Database, values: IndicatorValues) {
  const [row] = await db.insert(indicators).values(values).returning();
  return row!;
}

export type IndicatorValueInsert = Omit<typeof indicatorValues.$inferInsert, 'id' | 'updatedAt'>;

/** Values as they were before an upsert, for the audit trail. */
export async function findValuesAt(db: Database, indicatorId: string, keys: { period: string; stateCode: string | null; disaggregation: string }[]) {
  if (!keys.length) return [];
  return queryRows<{ period: string; stateCode: string | null; disaggregation: string; value: number; reportId: string | null }>(
    db,
    sql`select period, state_code as "stateCode", disaggregation, value::float8 as value, report_id as "reportId" from indicator_values
        where indicator_id = ${indicatorId} and (period, coalesce(state_code, ''), disaggregation) in
          (${sql.join(keys.map((k) => sql`(${k.period}, ${k.stateCode ?? ''}, ${k.disaggregation})`), sql`, `)})`,
  );
}

/** Writes values by period × state × breakdown: a value already there is replaced. */
export async function upsertIndicatorValues(db: Database, values: IndicatorValueInsert[]) {
  if (!values.length) return;
  const rows = values.map(
    (v) => sql`(${v.indicatorId}::uuid, ${v.period}, ${v.periodStart}::date, ${v.stateCode ?? null}, ${v.disaggregation ?? ''}, ${v.value}::numeric,
      ${v.source ?? null}, ${v.notes ?? null}, ${v.reportId ?? null}::uuid)`,
  );
  // The conflict target is the identity index, which treats a national value (no state) as state ''.
  await db.execute(sql`insert into indicator_values (indicator_id, period, period_start, state_code, disaggregation, value, source, notes, report_id)
    values ${sql.join(rows, sql`, `)}
    on conflict (indicator_id, period, coalesce(state_code, ''), disaggregation) do update set
      value = excluded.value, source = excluded.source, notes = excluded.notes, report_id = excluded.report_id, updated_at = now()`);
}

/** Values filed in a report, with their indicator's name. */
export function listValuesOfReport(db: Database, reportId: string) {
  return queryRows<IndicatorValueView & { indicatorId: string; indicatorName: string }>(
    db,
    sql`select v.period, v.state_code as "stateCode", v.disaggregation, v.value::float8 as value, null as flag, v.source, v.notes, v.report_id as "reportId",
          i.id as "indicatorId", i.name as "indicatorName"
        from indicator_values v join indicators i on i.id = v.indicator_id where v.report_id = ${reportId}
        order by i.name, v.period_start, v.state_code nulls first`,
  );
}
