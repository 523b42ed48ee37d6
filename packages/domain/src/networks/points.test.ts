import { describe, expect, it } from 'vitest';
import { DEFAULT_POINT_WEIGHTS } from './model.js';
import { rankMembers } from './points.js';

const row = (memberId: string, assemblies: number, surveys: number, activities: number, commissions: number) => ({ memberId, assemblies, surveys, activities, commissions });

describe('rankMembers', () => {
  it('weights each source and ranks best first, ties sharing a rank (1, 1, 3)', () => {
    // Default weights: assembly 3, survey 1, activity 2, commission 2.
    const ranked = rankMembers([row('c', 0, 1, 0, 0), row('a', 1, 0, 1, 0), row('b', 0, 1, 0, 2), row('d', 0, 0, 0, 0)], DEFAULT_POINT_WEIGHTS);
    expect(ranked.map((r) => [r.memberId, r.points, r.rank])).toEqual([
      ['a', 5, 1],
      ['b', 5, 1],
      ['c', 1, 3],
      ['d', 0, 4],
    ]);
    expect(ranked[0]).toMatchObject({ assemblies: 1, surveys: 0, activities: 1, commissions: 0 });
  });

  it('rounds points to 2 decimals before comparing them', () => {
    const weights = { assembly: 0.1, survey: 0.2, activity: 0, commission: 0 };
    const ranked = rankMembers([row('x', 1, 1, 0, 0), row('y', 3, 0, 0, 0)], weights);
    // 0.1 + 0.2 and 3 × 0.1 are both 0.3 once rounded: a tie.
    expect(ranked.map((r) => [r.memberId, r.points, r.rank])).toEqual([
      ['x', 0.3, 1],
      ['y', 0.3, 1],
    ]);
    expect(rankMembers([row('z', 1, 0, 0, 0)], { assembly: 1.005, survey: 0, activity: 0, commission: 0 })[0]?.points).toBe(1.01);
  });

  it('keeps the extra fields of each row and the input order among ties', () => {
    const ranked = rankMembers(
      [
        { ...row('m2', 1, 0, 0, 0), name: 'Beta' },
        { ...row('m1', 1, 0, 0, 0), name: 'Alfa' },
      ],
      DEFAULT_POINT_WEIGHTS,
    );
    expect(ranked.map((r) => r.name)).toEqual(['Beta', 'Alfa']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('gives nothing for nobody', () => {
    expect(rankMembers([], DEFAULT_POINT_WEIGHTS)).toEqual([]);
  });
});
