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

/** How many respondents sit in both of two overlapping segments (commissions `a` and `b`). */
export interface SegmentOverlap {
  a: string;
  b: string;
  both: number;
}

/**
 * Overlapping segments (commissions: a member sits in several, or in none) cannot be pooled, and each shown
 * one is a difference waiting to be taken. So a segment is shown only when it and its complement
 * (`total` − it) are each 0 or ≥ `min`; and when a shown segment lies inside another shown one (C ⊂ D, so
 * D − C is a group of its own) and that difference is 1…min−1, the smaller one is hidden, until no such
 * pair is left. Differences of three or more segments are not checked.
 */
export function protectOverlappingSegments<S extends SegmentCount>(
  segments: readonly S[],
  total: number,
  overlaps: readonly SegmentOverlap[],
  min: number = MIN_SEGMENT_RESPONDENTS,
): S[] {
  const small = (n: number) => n > 0 && n < min;
  const shown = new Map(segments.filter((s) => s.respondents >= min && !small(total - s.respondents)).map((s) => [s.segment, s]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const { a, b, both } of overlaps) {
      const [first, second] = [shown.get(a), shown.get(b)];
      if (!first || !second) continue;
      const [inner, outer] = first.respondents < second.respondents || (first.respondents === second.respondents && first.segment < second.segment) ? [first, second] : [second, first];
      if (both === inner.respondents && small(outer.respondents - inner.respondents)) {
        shown.delete(inner.segment);
        changed = true;
      }
    }
  }
  return segments.filter((s) => shown.has(s.segment));
}

/** The segments an anonymous response copies from its member: state ('' when generalised), sector ('' likewise), commissions. */
export interface ResponseSegments {
  stateCode: string | null;
  sector: string;
  commissionIds: string[];
}

/**
 * k-anonymity of an anonymous response's copied segments: the stored (state, sector, commission set) must be
 * shared by at least `min` of the survey's invited members, else whoever reads the tables joins it back to
 * the one member it fits. Generalised step by step, least useful first: the commissions are dropped (empty
 * set), then the sector (''), then the state ('' — not null, which is a member without a state). A dropped
 * part matches any value, so each step counts the invited members sharing the parts still kept.
 */
export function generaliseSegments(own: ResponseSegments, invited: readonly ResponseSegments[], min: number = MIN_SEGMENT_RESPONDENTS): ResponseSegments {
  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
  const sharing = (keep: { commissions: boolean; sector: boolean }) =>
    invited.filter(
      (m) => m.stateCode === own.stateCode && (!keep.sector || m.sector === own.sector) && (!keep.commissions || sameSet(m.commissionIds, own.commissionIds)),
    ).length;
  if (sharing({ commissions: true, sector: true }) >= min) return own;
  if (sharing({ commissions: false, sector: true }) >= min) return { ...own, commissionIds: [] };
  if (sharing({ commissions: false, sector: false }) >= min) return { ...own, sector: '', commissionIds: [] };
  return { stateCode: '', sector: '', commissionIds: [] };
}
