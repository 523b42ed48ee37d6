/** Finds the Mexican states named in free text (follow-up activities, trainings, agreements). */
import { foldAccents } from '../text/normalize.js';
import { MEXICAN_STATES, type StateIsoCode } from './states.js';

/**
 * Phrases that contain a state name without naming the state; matching them first (longest
 * match wins) keeps "Miguel Hidalgo" from counting as Hidalgo.
 */
const NON_STATE_PHRASES = ['Miguel Hidalgo', 'Vicente Guerrero', 'José María Morelos', 'Morelos y Pavón'];

interface StatePhrase {
  folded: string;
  iso: StateIsoCode | null;
}

function listStatePhrases(): StatePhrase[] {
  const phrases: StatePhrase[] = MEXICAN_STATES.flatMap((state) =>
    // The bare "México" is skipped on purpose: it names the country, not Estado de México.
    [state.name, state.shortName, ...state.aliases]
      .filter((phrase) => phrase !== 'México')
      .map((phrase) => ({ folded: foldAccents(phrase).toLowerCase(), iso: state.iso })),
  );
  phrases.push(...NON_STATE_PHRASES.map((phrase) => ({ folded: foldAccents(phrase).toLowerCase(), iso: null })));
  return phrases;
}

const STATE_PHRASES = listStatePhrases();
const ISO_BY_KEY = new Map(STATE_PHRASES.map((phrase) => [toPhraseKey(phrase.folded), phrase.iso]));
// Alternatives longest first: JS alternation takes the first that matches, so "Baja California
// Sur" wins over "Baja California" at the same position.
const STATE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${STATE_PHRASES.map((phrase) => phrase.folded)
    .sort((a, b) => b.length - a.length)
    .map(toPhrasePattern)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Spaces may be any whitespace, and may be missing after an abbreviation dot ("Q.Roo"). */
function toPhrasePattern(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .reduce((pattern, word) => `${pattern}${pattern.endsWith('.') ? '\\s*' : '\\s+'}${word}`);
}

function toPhraseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** ISO 3166-2:MX codes of the states named in `text`, in order of first mention, without repeats. */
export function detectStates(text: string): StateIsoCode[] {
  const found = new Set<StateIsoCode>();
  for (const match of foldAccents(text.normalize('NFC')).matchAll(STATE_PATTERN)) {
    const iso = ISO_BY_KEY.get(toPhraseKey(match[0]));
    if (iso) found.add(iso);
  }
  return [...found];
}
