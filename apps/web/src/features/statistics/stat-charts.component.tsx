import type { CrossTabView } from '@telar/domain';
import { useMemo, type ReactElement } from 'react';
import ChoroplethMap from '../../components/mexico-map/choropleth-map.component';
import { MEXICO_STATE_SHAPES } from '../../components/mexico-map/mexico-states.generated';
import { t } from '../../i18n/translate';
import { buildTicks, HorizontalBarChart } from '../dashboards/bar-charts.component';
import { formatStatValue, rankRows, type StatRow } from './cross-tab-rows';

interface ChartProps {
  rows: readonly StatRow[];
  kind: CrossTabView['kind'];
  /** Accessible name: what the chart shows and the table it pictures. */
  title: string;
}

/** A state row's map code: the API's ISO 3166-2:MX codes, as the map's shapes are keyed. */
const isStateCode = (code: string) => /^MX-[A-Z]{3}$/.test(code);
/** The geometry's names, for the states the cross-tab has no row for. */
const SHAPE_NAMES = new Map(MEXICO_STATE_SHAPES.map((shape) => [shape.code, shape.name]));

/**
 * The map by state, then the ranking (suppressed, unavailable and unreliable states left out) and the
 * states whose figure is confidential or unreliable, named in words.
 */
export function StatesMap({ rows, kind, title, unit }: ChartProps & { unit: string }): ReactElement {
  const { values, suppressed, unreliable } = useMemo(() => {
    const stateRows = rows.filter((row) => isStateCode(row.code));
    return {
      values: new Map(stateRows.flatMap((row) => (row.value === null || row.flag === 'suppressed' ? [] : [[row.code, row.value] as const]))),
      suppressed: new Set(stateRows.filter((row) => row.flag === 'suppressed').map((row) => row.code)),
      unreliable: new Set(stateRows.filter((row) => row.flag === 'unreliable').map((row) => row.code)),
    };
  }, [rows]);
  const labelOf = useMemo(() => new Map(rows.map((row) => [row.code, row.label])), [rows]);
  const ranking = rankRows(rows);
  const namesOf = (codes: ReadonlySet<string>) => [...codes].map((code) => labelOf.get(code) ?? code).sort((a, b) => a.localeCompare(b, 'es-MX'));
  return (
    <div>
      <ChoroplethMap
        values={values}
        measureLabel={unit}
        title={title}
        getStateName={(code) => labelOf.get(code) ?? SHAPE_NAMES.get(code) ?? code}
        formatValue={(value) => formatStatValue(value, kind)}
        suppressedCodes={suppressed}
        unreliableCodes={unreliable}
      />
      <div className="stat-lists">
        {ranking.length > 0 && (
          <div>
            <h3>{t('statistics.map.ranking')}</h3>
            <ol>
              {ranking.slice(0, RANKING_SHOWN).map((row) => (
                <li key={row.code}>
                  {row.label}: {formatStatValue(row.value!, kind)}
                </li>
              ))}
            </ol>
          </div>
        )}
        {suppressed.size > 0 && (
          <div>
            <h3>{t('statistics.cell.suppressed')}</h3>
            <p>{namesOf(suppressed).join(', ')}</p>
          </div>
        )}
        {unreliable.size > 0 && (
          <div>
            <h3>{t('statistics.map.unreliableTitle')}</h3>
            <p>{namesOf(unreliable).join(', ')}</p>
          </div>
        )}
      </div>
    </div>
  );
}

/** The first places of the ranking; the whole list is the table beside the map. */
const RANKING_SHOWN = 10;

/** Bars by category, largest first; a bar only for a value that may be shown. */
export function CategoryBars({ rows, kind, title }: ChartProps): ReactElement {
  const data = rankRows(rows).map((row) => ({ key: row.code, label: row.label, value: row.value! }));
  return <HorizontalBarChart data={data} title={title} formatValue={(value) => formatStatValue(value, kind)} emptyText={t('statistics.chart.empty')} />;
}

const WIDTH = 600;
const HEIGHT = 280;
const MARGIN = { top: 20, right: 16, bottom: 36, left: 64 };

/** The polyline's runs: a period without a value (suppressed, blank) breaks the line instead of joining across it. */
function splitRuns(points: readonly ({ x: number; y: number } | null)[]): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [[]];
  for (const point of points) {
    if (point) runs.at(-1)!.push(point);
    else if (runs.at(-1)!.length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

/** A line over time (years or months, oldest first); a period without a value leaves a gap and a hollow mark on the axis. */
export function TimeSeriesChart({ rows, kind, title }: ChartProps): ReactElement {
  const shown = rows.filter((row) => row.value !== null && row.flag !== 'suppressed');
  if (shown.length === 0) {
    return (
      <svg className="line-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} focusable="false">
        <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="bar-chart__empty">
          {t('statistics.chart.empty')}
        </text>
      </svg>
    );
  }
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const ticks = buildTicks(Math.max(...shown.map((row) => row.value!)), kind === 'count');
  const max = ticks.at(-1)!;
  const step = rows.length > 1 ? plotWidth / (rows.length - 1) : 0;
  const xOf = (index: number) => MARGIN.left + (rows.length > 1 ? step * index : plotWidth / 2);
  const yOf = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const points = rows.map((row, index) => (row.value === null || row.flag === 'suppressed' ? null : { x: xOf(index), y: yOf(row.value) }));
  const labelEvery = Math.max(1, Math.ceil(rows.length / 12));
  const baseline = MARGIN.top + plotHeight;
  return (
    <svg className="line-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} focusable="false">
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="bar-chart__grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yOf(tick)} y2={yOf(tick)} />
          <text className="bar-chart__tick" x={MARGIN.left - 6} y={yOf(tick) + 4} textAnchor="end">
            {formatStatValue(tick, kind)}
          </text>
        </g>
      ))}
      <line className="bar-chart__axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} />
      {splitRuns(points).map((run) => (
        <polyline key={`${run[0]!.x}`} className="line-chart__line" points={run.map((point) => `${point.x},${point.y}`).join(' ')} />
      ))}
      {rows.map((row, index) => {
        const point = points[index];
        return (
          <g key={row.code}>
            {point ? <circle className="line-chart__point" cx={point.x} cy={point.y} r={rows.length > 40 ? 1.5 : 3} /> : <circle className="line-chart__gap" cx={xOf(index)} cy={baseline} r={3} />}
            {index % labelEvery === 0 && (
              <text className="bar-chart__label" x={xOf(index)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
                {row.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
