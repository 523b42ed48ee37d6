/**
 * A member's annual points: what Telar records of its participation (assemblies attended, surveys
 * answered, activities reported, commission work), weighted as the coordination sets.
 */
import type { PointWeights } from './model.js';

export interface PointCounts {
  memberId: string;
  assemblies: number;
  surveys: number;
  activities: number;
  commissions: number;
}

export type RankedMember<R extends PointCounts> = R & { points: number; rank: number };

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/**
 * Points (rounded to 2 decimals) and rank of each member, best first. Equal points share a rank and the
 * next rank skips ("1, 1, 3"), so a published ranking never suggests an order the counts do not give;
 * members with equal points keep the order they came in (pass them sorted by name). Extra fields of the
 * rows (name, state…) are kept.
 */
export function rankMembers<R extends PointCounts>(rows: readonly R[], weights: PointWeights): RankedMember<R>[] {
  const scored = rows.map((row) => ({
    ...row,
    points: round2(row.assemblies * weights.assembly + row.surveys * weights.survey + row.activities * weights.activity + row.commissions * weights.commission),
    rank: 0,
  }));
  scored.sort((a, b) => b.points - a.points);
  scored.forEach((row, index) => {
    const previous = scored[index - 1];
    row.rank = previous && previous.points === row.points ? previous.rank : index + 1;
  });
  return scored;
}
