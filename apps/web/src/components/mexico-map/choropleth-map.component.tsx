import { memo, useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { DASHBOARD_DATA_MARK } from '../../api/dashboard-resources';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/dashboards.css';
import { buildChoroplethScale } from './choropleth-classes';
import { MEXICO_MAP_VIEW_BOX, MEXICO_STATE_SHAPES } from './mexico-states.generated';

/** Marked (performance.mark) each time the map has been committed with new values. */
export const MAP_RENDERED_MARK = 'telar:map-rendered';
/** Measured from the dashboard data's arrival to the map being committed. */
export const MAP_RENDER_MEASURE = 'telar:map-render';

interface ChoroplethMapProps {
  /** Value per ISO 3166-2:MX code; a state missing here has no data. */
  values: ReadonlyMap<string, number>;
  /** What the values count, in plural lower case: "participantes". */
  measureLabel: string;
  /** Accessible name of the map, which should name the table it pictures. */
  title: string;
  selectedCode?: string | null;
  /** Makes every state a button; choosing the selected one again clears the choice. */
  onSelect?: (code: string | null) => void;
  getStateName?: (code: string) => string;
  formatValue?: (value: number) => string;
  isCompact?: boolean;
  /** States whose value is withheld (disclosure control): drawn neutral and hatched, named «Confidencial». */
  suppressedCodes?: ReadonlySet<string>;
  /** States whose value is shown but not to be trusted (coverage under the threshold): outlined dashed. */
  unreliableCodes?: ReadonlySet<string>;
}

/** A state's mark beyond its colour. */
type StateMark = 'suppressed' | 'unreliable' | null;

interface StatePathProps {
  code: string;
  d: string;
  shade: number;
  mark: StateMark;
  label: string;
  isSelected: boolean;
  onActivate?: (code: string) => void;
}

/** One state; memoised so a new selection or measure repaints only the states that changed. */
const StatePath = memo(function StatePath({ code, d, shade, mark, label, isSelected, onActivate }: StatePathProps) {
  const fill = mark === 'suppressed' ? 'mexico-map__state--suppressed' : `mexico-map__state--c${shade}`;
  const className = `mexico-map__state ${fill}${mark === 'unreliable' ? ' mexico-map__state--unreliable' : ''}${isSelected ? ' mexico-map__state--selected' : ''}`;
  if (!onActivate) {
    return (
      <path d={d} className={className} data-code={code}>
        <title>{label}</title>
      </path>
    );
  }
  const onKeyDown = (event: KeyboardEvent<SVGPathElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onActivate(code);
  };
  return (
    <path
      d={d}
      className={`${className} mexico-map__state--interactive`}
      data-code={code}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={isSelected}
      onClick={() => onActivate(code)}
      onKeyDown={onKeyDown}
    >
      <title>{label}</title>
    </path>
  );
});

/** Start of the data arrival last measured, so a repaint (another measure chosen) is not counted again. */
let lastMeasuredDataAt = -1;

function markRendered(): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(MAP_RENDERED_MARK);
  const dataArrival = performance.getEntriesByName(DASHBOARD_DATA_MARK, 'mark').at(-1);
  if (dataArrival && dataArrival.startTime > lastMeasuredDataAt) {
    lastMeasuredDataAt = dataArrival.startTime;
    performance.measure(MAP_RENDER_MEASURE, DASHBOARD_DATA_MARK, MAP_RENDERED_MARK);
  }
}

/**
 * The 32 states coloured in five classes of a measure, with its legend. The picture repeats a table
 * shown beside it (its title says which); each state can be chosen with the mouse or the keyboard.
 */
export default function ChoroplethMap({
  values,
  measureLabel,
  title,
  selectedCode = null,
  onSelect,
  getStateName,
  formatValue = formatNumber,
  isCompact,
  suppressedCodes,
  unreliableCodes,
}: ChoroplethMapProps): ReactElement {
  const legendId = useId();
  const scale = useMemo(() => buildChoroplethScale(values.values()), [values]);

  // A stable handler so the memoised states do not re-render when only the selection changes.
  const latest = useRef({ onSelect, selectedCode });
  latest.current = { onSelect, selectedCode };
  const activate = useCallback((code: string) => {
    const { onSelect: select, selectedCode: selected } = latest.current;
    select?.(selected === code ? null : code);
  }, []);

  useEffect(() => {
    markRendered();
  }, [values]);

  const nameOf = (code: string, fallback: string) => getStateName?.(code) ?? fallback;
  const selectedShape = selectedCode ? MEXICO_STATE_SHAPES.find((shape) => shape.code === selectedCode) : undefined;
  const isInteractive = onSelect !== undefined;

  return (
    <div className={isCompact ? 'choropleth choropleth--compact' : 'choropleth'}>
      <svg
        className="mexico-map mexico-map--choropleth"
        viewBox={MEXICO_MAP_VIEW_BOX}
        role={isInteractive ? 'group' : 'img'}
        aria-label={title}
        aria-describedby={legendId}
        focusable="false"
      >
        {MEXICO_STATE_SHAPES.map((shape) => {
          const value = values.get(shape.code);
          const mark: StateMark = suppressedCodes?.has(shape.code) ? 'suppressed' : unreliableCodes?.has(shape.code) ? 'unreliable' : null;
          const shown = mark === 'suppressed' ? t('statistics.cell.suppressed') : value === undefined ? t('dashboards.map.noData') : `${formatValue(value)} ${measureLabel}`;
          const label = `${nameOf(shape.code, shape.name)}: ${shown}${mark === 'unreliable' ? ` (${t('statistics.flag.unreliable')})` : ''}`;
          return (
            <StatePath
              key={shape.code}
              code={shape.code}
              d={shape.d}
              shade={scale.getShade(value)}
              mark={mark}
              label={label}
              isSelected={shape.code === selectedCode}
              onActivate={isInteractive ? activate : undefined}
            />
          );
        })}
        {/* Drawn last so its outline is not hidden under the neighbouring states. */}
        {selectedShape && <path d={selectedShape.d} className="mexico-map__selection" aria-hidden="true" />}
      </svg>
      <div className="choropleth__legend" id={legendId}>
        <p className="choropleth__legend-title">{t('dashboards.map.legend', { measure: measureLabel })}</p>
        <ul className="choropleth__legend-list">
          {scale.classes.map((entry) => (
            <li key={entry.shade}>
              <svg className="choropleth__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" className={`mexico-map__state--c${entry.shade}`} />
              </svg>
              {entry.min === entry.max ? formatValue(entry.min) : t('dashboards.map.range', { min: formatValue(entry.min), max: formatValue(entry.max) })}
            </li>
          ))}
          <li>
            <svg className="choropleth__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" className="mexico-map__state--c0" />
            </svg>
            {t('dashboards.map.zero')}
          </li>
          {!!suppressedCodes?.size && (
            <li>
              <svg className="choropleth__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" className="mexico-map__state--suppressed" />
              </svg>
              {t('statistics.cell.suppressed')}
            </li>
          )}
          {!!unreliableCodes?.size && (
            <li>
              <svg className="choropleth__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" className="mexico-map__state--c0 mexico-map__state--unreliable" />
              </svg>
              {t('statistics.flag.unreliable')}
            </li>
          )}
        </ul>
      </div>
      {isInteractive && selectedCode && (
        <p className="choropleth__selection">
          <button type="button" className="button" onClick={() => onSelect(null)}>
            {t('dashboards.map.clearFilter')}
            <span className="visually-hidden">: {nameOf(selectedCode, selectedCode)}</span>
          </button>
        </p>
      )}
    </div>
  );
}
