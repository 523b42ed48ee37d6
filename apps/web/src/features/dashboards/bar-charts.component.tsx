import type { ReactElement } from 'react';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** One bar: its label (a year, a kind of activity) and its value. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

interface BarChartProps {
  data: readonly BarDatum[];
  /** Accessible name; the chart is an image of the table beside it, which the name should point to. */
  title: string;
  /** How a value is written beside its bar (counts as they are by default; rates with their decimals). */
  formatValue?: (value: number) => string;
  /** What an empty chart says (the activity dashboards' wording by default). */
  emptyText?: string;
}

const WIDTH = 600;

/** Axis ticks from 0 at a round step (1, 2 or 5 × 10ⁿ, at least 1 for counts) up to the largest value. */
export function buildTicks(max: number, isWhole: boolean): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  if (isWhole) step = Math.max(1, Math.round(step));
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

function EmptyChart({ title, height, text = t('dashboards.chart.empty') }: { title: string; height: number; text?: string }) {
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} focusable="false">
      <text x={WIDTH / 2} y={height / 2} textAnchor="middle" className="bar-chart__empty">
        {text}
      </text>
    </svg>
  );
}

/** Vertical bars over time (one per year), with a light value grid; hand-drawn to keep the page small. */
export function ColumnChart({ data, title, formatValue = formatNumber, emptyText }: BarChartProps): ReactElement {
  const height = 280;
  if (data.length === 0) return <EmptyChart title={title} height={height} text={emptyText} />;
  const margin = { top: 24, right: 12, bottom: 32, left: 64 };
  const plotWidth = WIDTH - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const ticks = buildTicks(
    Math.max(...data.map((datum) => datum.value)),
    data.every((datum) => Number.isInteger(datum.value)),
  );
  const max = ticks.at(-1)!;
  const slot = plotWidth / data.length;
  const barWidth = Math.max(2, Math.min(56, slot * 0.7));
  // With many years, label every n-th one so the labels do not overlap.
  const labelEvery = Math.max(1, Math.ceil(data.length / 14));
  const showValues = data.length <= 16;
  const yOf = (value: number) => margin.top + plotHeight - (value / max) * plotHeight;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} focusable="false">
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="bar-chart__grid" x1={margin.left} x2={WIDTH - margin.right} y1={yOf(tick)} y2={yOf(tick)} />
          <text className="bar-chart__tick" x={margin.left - 6} y={yOf(tick) + 4} textAnchor="end">
            {formatNumber(tick)}
          </text>
        </g>
      ))}
      {data.map((datum, index) => {
        const x = margin.left + slot * index + (slot - barWidth) / 2;
        const y = yOf(datum.value);
        return (
          <g key={datum.key}>
            <rect className="bar-chart__bar" x={x} y={y} width={barWidth} height={margin.top + plotHeight - y} />
            {showValues && (
              <text className="bar-chart__value" x={x + barWidth / 2} y={y - 5} textAnchor="middle">
                {formatValue(datum.value)}
              </text>
            )}
            {index % labelEvery === 0 && (
              <text className="bar-chart__label" x={x + barWidth / 2} y={height - margin.bottom + 18} textAnchor="middle">
                {datum.label}
              </text>
            )}
          </g>
        );
      })}
      <line className="bar-chart__axis" x1={margin.left} x2={WIDTH - margin.right} y1={margin.top + plotHeight} y2={margin.top + plotHeight} />
    </svg>
  );
}

/** Horizontal bars, largest first as given, labelled on the left and valued on the right. */
export function HorizontalBarChart({ data, title, formatValue = formatNumber, emptyText }: BarChartProps): ReactElement {
  const rowHeight = 26;
  const labelWidth = 180;
  const valueWidth = 70;
  const width = 500;
  const top = 8;
  const height = Math.max(80, top * 2 + rowHeight * data.length);
  if (data.length === 0) return <EmptyChart title={title} height={height} text={emptyText} />;
  const max = Math.max(...data.map((datum) => datum.value), 0) || 1;
  const barSpace = width - labelWidth - valueWidth;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} focusable="false">
      {data.map((datum, index) => {
        const y = top + index * rowHeight;
        const width = (datum.value / max) * barSpace;
        return (
          <g key={datum.key}>
            <text className="bar-chart__label" x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end">
              {datum.label}
            </text>
            <rect className="bar-chart__bar" x={labelWidth} y={y + 5} width={width} height={rowHeight - 10} />
            <text className="bar-chart__value" x={labelWidth + width + 6} y={y + rowHeight / 2 + 4}>
              {formatValue(datum.value)}
            </text>
          </g>
        );
      })}
      <line className="bar-chart__axis" x1={labelWidth} x2={labelWidth} y1={top} y2={height - top} />
    </svg>
  );
}
