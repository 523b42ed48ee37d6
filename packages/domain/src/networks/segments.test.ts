import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_SEGMENT_RESPONDENTS } from './model.js';
import { generaliseSegments, protectOverlappingSegments, protectSegments } from './segments.js';

const seg = (segment: string, respondents: number) => ({ segment, respondents });

describe('protectSegments', () => {
  it('shows segments of at least 5 and pools the small ones as «Otros» when the pool reaches 5', () => {
    const result = protectSegments([seg('MX-JAL', 12), seg('MX-CMX', 5), seg('MX-OAX', 3), seg('MX-YUC', 2), seg('MX-SON', 0)]);
    expect(result).toEqual({ shown: [seg('MX-JAL', 12), seg('MX-CMX', 5)], hidden: ['MX-OAX', 'MX-YUC'], others: 5 });
  });

  it('hides the smallest shown segment too when the pool alone would be readable from the total', () => {
    // Total 20: showing 9 and 7 would reveal that MX-OAX has 4.
    const result = protectSegments([seg('MX-JAL', 9), seg('MX-CMX', 7), seg('MX-OAX', 4)]);
    expect(result).toEqual({ shown: [seg('MX-JAL', 9)], hidden: ['MX-CMX', 'MX-OAX'], others: 11 });
  });

  it('hides everything when no pool can reach the threshold without it', () => {
    expect(protectSegments([seg('a', 6), seg('b', 1)])).toEqual({ shown: [], hidden: ['a', 'b'], others: 7 });
    expect(protectSegments([seg('a', 2), seg('b', 1)])).toEqual({ shown: [], hidden: ['a', 'b'], others: null });
  });

  it('leaves everything shown when nothing is small, and ignores empty segments', () => {
    expect(protectSegments([seg('a', 5), seg('b', 50), seg('c', 0)])).toEqual({ shown: [seg('a', 5), seg('b', 50)], hidden: [], others: null });
    expect(protectSegments([])).toEqual({ shown: [], hidden: [], others: null });
  });

  it('keeps the fields of a shown segment (its label)', () => {
    const result = protectSegments([{ segment: 'MX-JAL', label: 'Jalisco', respondents: 8 }, { segment: 'MX-OAX', label: 'Oaxaca', respondents: 1 }]);
    expect(result).toEqual({ shown: [], hidden: ['MX-JAL', 'MX-OAX'], others: 9 });
    expect(protectSegments([{ segment: 'MX-JAL', label: 'Jalisco', respondents: 8 }]).shown).toEqual([{ segment: 'MX-JAL', label: 'Jalisco', respondents: 8 }]);
  });

  it('takes another threshold', () => {
    expect(protectSegments([seg('a', 3), seg('b', 2), seg('c', 1)], 3)).toEqual({ shown: [seg('a', 3)], hidden: ['b', 'c'], others: 3 });
  });

  it('breaks ties between equally small shown segments by segment', () => {
    expect(protectSegments([seg('z', 6), seg('y', 6), seg('x', 1)]).hidden).toEqual(['y', 'x']);
  });

  it('never shows a small segment, and what is left over is 0 or at least the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ segment: fc.string({ maxLength: 4 }), respondents: fc.nat(30) }), { selector: (s) => s.segment, maxLength: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (segments, min) => {
          const result = protectSegments(segments, min);
          const total = segments.reduce((sum, s) => sum + s.respondents, 0);
          const shownTotal = result.shown.reduce((sum, s) => sum + s.respondents, 0);
          const remainder = total - shownTotal;
          for (const s of result.shown) expect(s.respondents).toBeGreaterThanOrEqual(min);
          if (result.shown.length > 0) expect(remainder === 0 || remainder >= min).toBe(true);
          expect(result.others).toBe(remainder >= min ? remainder : null);
          // Every segment with respondents is either shown or hidden, once.
          const named = [...result.shown.map((s) => s.segment), ...result.hidden].sort();
          expect(named).toEqual(segments.filter((s) => s.respondents > 0).map((s) => s.segment).sort());
        },
      ),
    );
  });

  it('uses the contract threshold by default', () => {
    expect(MIN_SEGMENT_RESPONDENTS).toBe(5);
    expect(protectSegments([seg('a', 4), seg('b', 40)]).shown).toEqual([]);
  });
});

describe('protectOverlappingSegments', () => {
  it('hides a commission whose complement (total minus it) is 1 to 4, keeps one whose complement is 0 or ≥ 5', () => {
    expect(protectOverlappingSegments([seg('salud', 5)], 6, [])).toEqual([]);
    expect(protectOverlappingSegments([seg('salud', 6)], 6, [])).toEqual([seg('salud', 6)]);
    expect(protectOverlappingSegments([seg('salud', 5), seg('chica', 4)], 10, [])).toEqual([seg('salud', 5)]);
  });
  it('hides the smaller of two nested commissions whose difference is 1 to 4, not of two that merely overlap', () => {
    const sizes = [seg('c', 6), seg('d', 8), seg('e', 20)];
    expect(protectOverlappingSegments(sizes, 30, [{ a: 'c', b: 'd', both: 6 }])).toEqual([seg('d', 8), seg('e', 20)]);
    expect(protectOverlappingSegments(sizes, 30, [{ a: 'c', b: 'd', both: 5 }])).toEqual(sizes);
    expect(protectOverlappingSegments(sizes, 30, [{ a: 'c', b: 'e', both: 6 }])).toEqual(sizes);
  });
});

describe('generaliseSegments', () => {
  const member = (stateCode: string | null, sector: string, commissionIds: string[] = []) => ({ stateCode, sector, commissionIds });
  const many = (n: number, m: ReturnType<typeof member>) => Array.from({ length: n }, () => m);
  it('keeps the segments when 5 invited members share them, and drops commissions, then sector, then state', () => {
    const own = member('MX-JAL', 'academia', ['c1']);
    expect(generaliseSegments(own, many(5, own))).toEqual(own);
    expect(generaliseSegments(own, [...many(4, own), member('MX-JAL', 'academia', ['c2'])])).toEqual(member('MX-JAL', 'academia'));
    expect(generaliseSegments(own, [...many(2, own), ...many(3, member('MX-JAL', 'civil_society'))])).toEqual(member('MX-JAL', ''));
    expect(generaliseSegments(own, [own, ...many(9, member('MX-COL', 'academia', ['c1']))])).toEqual(member('', ''));
  });
  it('matches commission sets whatever their order, and a member without a state only with others without one', () => {
    const own = member(null, 'academia', ['a', 'b']);
    expect(generaliseSegments(own, many(5, member(null, 'academia', ['b', 'a'])))).toEqual(own);
    expect(generaliseSegments(own, many(5, member('MX-JAL', 'academia', ['a', 'b'])))).toEqual(member('', ''));
  });
});
