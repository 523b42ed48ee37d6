import { useId } from 'react';
import { MEXICO_MAP_VIEW_BOX, MEXICO_STATE_SHAPES } from './mexico-states.generated';

interface MexicoMapProps {
  /** ISO 3166-2:MX codes to highlight. */
  highlightedCodes: readonly string[];
  title: string;
  /** Accessible names for the states, from the API (falls back to the INEGI names in the geometry). */
  getStateName?: (code: string) => string;
}

/**
 * Outline map of the 32 states with some highlighted. Loaded lazily: the geometry is ~19 KB gzip.
 * The picture repeats a list shown beside it, so it is labelled as one image with hover titles.
 */
export default function MexicoMap({ highlightedCodes, title, getStateName }: MexicoMapProps) {
  const titleId = useId();
  const highlighted = new Set(highlightedCodes);
  return (
    <svg className="mexico-map" viewBox={MEXICO_MAP_VIEW_BOX} role="img" aria-labelledby={titleId} focusable="false">
      <title id={titleId}>{title}</title>
      {MEXICO_STATE_SHAPES.map((shape) => (
        <path key={shape.code} d={shape.d} className={highlighted.has(shape.code) ? 'mexico-map__state mexico-map__state--on' : 'mexico-map__state'} data-code={shape.code}>
          <title>{getStateName?.(shape.code) ?? shape.name}</title>
        </path>
      ))}
    </svg>
  );
}
