/**
 * Small-group suppression for survey results and response rates: a segment (a state, a sector, a
 * commission) with few respondents would let anyone who knows who is in it read their answers, so no
 * segment under the threshold is shown on its own, in the UI, the exports or the portal alike.
 */
import { MIN_SEGMENT_RESPONDENTS } from './model.js';

export interface SegmentCount {
  segment: string;
  respondents: number;
}

export interface ProtectedSegments<S extends SegmentCount = SegmentCount> {
  /** Segments shown on their own, in the order given, as given (a label and other fields kept). */
  shown: S[];
  /** Segments not shown on their own, in the order given. */
  hidden: string[];
  /** The hidden segments pooled as «Otros», when that pool is itself big enough; else null. */
  others: number | null;
}

/**
 * Segments with at least `min` respondents are shown; the others are pooled as «Otros» when the pool
 * reaches `min`. Secondary suppression: a pool of 1…min−1 could be read off as the total minus the
 * shown segments, so the smallest shown segments are hidden too (smallest first, ties by segment)
 * until the pool reaches `min` or nothing is shown. Segments without respondents are neither shown
 * nor counted. So: every shown segment has ≥ min respondents, and total − Σshown is 0 or ≥ min
 * (or everything is hidden, when the total itself is under min).
 */
export function protectSegments<S extends SegmentCount>(segments: readonly S[], min: number = MIN_SEGMENT_RESPONDENTS): ProtectedSegments<S> {
  const counted = segments.filter((s) => s.respondents > 0);
  const hiddenSet = new Set(counted.filter((s) => s.respondents < min).map((s) => s.segment));
  let pool = counted.filter((s) => hiddenSet.has(s.segment)).reduce((sum, s) => sum + s.respondents, 0);
  if (pool > 0 && pool < min) {
    const candidates = counted
      .filter((s) => !hiddenSet.has(s.segment))
      .sort((a, b) => a.respondents - b.respondents || (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
    for (const candidate of candidates) {
      if (pool >= min) break;
      hiddenSet.add(candidate.segment);
      pool += candidate.respondents;
    }
  }
  return {
    shown: counted.filter((s) => !hiddenSet.has(s.segment)),
    hidden: counted.filter((s) => hiddenSet.has(s.segment)).map((s) => s.segment),
    others: pool >= min ? pool : null,
  };
}
