/**
 * Spanish ordinal words ("Vigésima Primera", "Décimo Primera", "Undécima", "Onceava", "21a.")
 * as numbers 1–99, both ways. Session numbers in the source documents are written this way.
 */
import { capitalizeWords, normalizeForMatch } from './normalize.js';

export type GrammaticalGender = 'feminine' | 'masculine';

const UNIT_STEMS = ['primer', 'segund', 'tercer', 'cuart', 'quint', 'sext', 'septim', 'octav', 'noven'];
const TEN_STEMS = [
  'decim',
  'vigesim',
  'trigesim',
  'cuadragesim',
  'quincuagesim',
  'sexagesim',
  'septuagesim',
  'octogesim',
  'nonagesim',
];
const UNIT_WORDS = ['primer', 'segund', 'tercer', 'cuart', 'quint', 'sext', 'séptim', 'octav', 'noven'];
const TEN_WORDS = [
  'décim',
  'vigésim',
  'trigésim',
  'cuadragésim',
  'quincuagésim',
  'sexagésim',
  'septuagésim',
  'octogésim',
  'nonagésim',
];

/** Forms that are not tens + units: learned "undécimo", "duodécimo" and the colloquial "-avo" ones. */
const SPECIAL_FORMS: Record<string, number> = {
  undecimo: 11,
  undecima: 11,
  duodecimo: 12,
  duodecima: 12,
  onceavo: 11,
  onceava: 11,
  doceavo: 12,
  doceava: 12,
  treceavo: 13,
  treceava: 13,
  catorceavo: 14,
  catorceava: 14,
  quinceavo: 15,
  quinceava: 15,
};

const WORD_ORDINAL = new RegExp(
  `^(?:(${TEN_STEMS.join('|')})[oa])?(?:(${UNIT_STEMS.join('|')}|setim)(?:[oa])?)?$`,
);
// "1a.", "21a", "1o.", "1°", "1er", "3ra" — the digit forms seen in minutes and reports.
const DIGIT_ORDINAL = /^(\d{1,2})\s*(?:a|o|er|era|ero|ra|ro|do|da|to|ta|vo|va|mo|ma|no|na|°|º|ª)?\.?$/;

/** Reads a Spanish ordinal (words or digits) as a number 1–99; null when it is not one. */
export function parseSpanishOrdinal(text: string): number | null {
  const normalized = normalizeForMatch(text);
  const digits = DIGIT_ORDINAL.exec(normalized);
  if (digits) return toOrdinalRange(Number(digits[1]));
  const compact = normalized.replace(/[\s.-]+/g, '');
  const special = SPECIAL_FORMS[compact];
  if (special !== undefined) return special;
  const words = WORD_ORDINAL.exec(compact);
  if (!words || compact === '') return null;
  const [, tens, unit] = words;
  const tensValue = tens ? (TEN_STEMS.indexOf(tens) + 1) * 10 : 0;
  const unitValue = unit ? (unit === 'setim' ? 7 : UNIT_STEMS.indexOf(unit) + 1) : 0;
  return toOrdinalRange(tensValue + unitValue);
}

function toOrdinalRange(value: number): number | null {
  return value >= 1 && value <= 99 ? value : null;
}

/** Writes 1–99 as a capitalised Spanish ordinal ("Vigésima Primera", "Décima Sexta"). */
export function formatSpanishOrdinal(value: number, gender: GrammaticalGender = 'feminine'): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    throw new RangeError(`Ordinal out of range 1-99: ${value}`);
  }
  const ending = gender === 'feminine' ? 'a' : 'o';
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  const words = [
    tens > 0 ? `${TEN_WORDS[tens - 1]}${ending}` : null,
    unit > 0 ? `${UNIT_WORDS[unit - 1]}${ending}` : null,
  ].filter((word) => word !== null);
  return capitalizeWords(words.join(' '));
}
