/**
 * How a dimension's codes nest: a month in its quarter and year, a municipality in its state. The
 * code lists hold the coarser codes too (added at import), so a finer code rolls up by ordinal.
 */
import { type DimensionCode, type DimensionKind, type DimensionLevel, MEXICAN_STATES, type MexicanState, normalizeForMatch } from '@telar/domain';

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Levels from the coarsest, per kind of dimension that has levels. */
const LEVELS_BY_KIND: Partial<Record<DimensionKind, DimensionLevel[]>> = { period: ['year', 'quarter', 'month'], municipality: ['state', 'municipality'] };

/** The level of a code, or null for kinds without levels (or a code of no known form, such as a source's total). */
export function codeLevel(kind: DimensionKind, code: string): DimensionLevel | null {
  if (kind === 'period') return YEAR.test(code) ? 'year' : QUARTER.test(code) ? 'quarter' : MONTH.test(code) ? 'month' : null;
  if (kind === 'municipality') return /^\d{5}$/.test(code) ? 'municipality' : /^\d{2}$/.test(code) ? 'state' : null;
  return null;
}

/** The code at `level` that holds `code` (itself at its own level), or null when it has none there. */
export function ancestorCode(kind: DimensionKind, code: string, level: DimensionLevel): string | null {
  const own = codeLevel(kind, code);
  const levels = LEVELS_BY_KIND[kind];
  if (!own || !levels || levels.indexOf(level) > levels.indexOf(own)) return null;
  if (own === level) return code;
  if (kind === 'municipality') return code.slice(0, 2);
  if (level === 'year') return code.slice(0, 4);
  return `${code.slice(0, 4)}-Q${Math.ceil(Number(code.slice(5, 7)) / 3)}`;
}

/** The finest level a dimension's codes are at, or null for kinds without levels. */
export function finestLevel(kind: DimensionKind, codes: readonly { code: string }[]): DimensionLevel | null {
  const levels = LEVELS_BY_KIND[kind];
  if (!levels) return null;
  const present = new Set(codes.map((c) => codeLevel(kind, c.code)));
  return [...levels].reverse().find((level) => present.has(level)) ?? null;
}

/** The coarser levels a dimension can be asked at besides its own. */
export function coarserLevels(kind: DimensionKind, codes: readonly { code: string }[]): DimensionLevel[] {
  const levels = LEVELS_BY_KIND[kind];
  const finest = finestLevel(kind, codes);
  return levels && finest ? levels.slice(0, levels.indexOf(finest)) : [];
}

/** Whether `level` is one a dimension of this kind has. */
export const hasLevel = (kind: DimensionKind, level: DimensionLevel) => (LEVELS_BY_KIND[kind] ?? []).includes(level);

const labelOf = (kind: DimensionKind, code: string): string => {
  const quarter = QUARTER.exec(code);
  // As the domain's reader labels a quarter it reads.
  if (quarter) return `${quarter[2]}.º trimestre ${quarter[1]}`;
  if (kind === 'municipality') return findState(code)?.name ?? code;
  return code;
};

/** The coarser codes a code list lacks for its finer ones to roll up (2024-03 → 2024-Q1 and 2024; 01001 → 01), in order. */
export function missingParentCodes(kind: DimensionKind, codes: readonly DimensionCode[]): DimensionCode[] {
  const known = new Set(codes.map((c) => c.code));
  const added: DimensionCode[] = [];
  for (const level of coarserLevels(kind, codes)) {
    for (const { code } of codes) {
      const parent = ancestorCode(kind, code, level);
      if (parent && !known.has(parent)) {
        known.add(parent);
        added.push({ code: parent, label: labelOf(kind, parent) });
      }
    }
  }
  return added;
}

/** A state by INEGI code ("06"), ISO code ("MX-COL") or name, accents and case aside. */
export function findState(text: string): MexicanState | undefined {
  const wanted = normalizeForMatch(text);
  return MEXICAN_STATES.find(
    (state) =>
      state.cve === text.trim() ||
      state.iso.toLowerCase() === wanted ||
      [state.name, state.shortName, ...state.aliases].some((name) => normalizeForMatch(name) === wanted),
  );
}
