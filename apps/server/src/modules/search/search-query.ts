import { normalizeForMatch, parseSpanishOrdinal, type SessionKind } from '@telar/domain';

/**
 * How a search names a session: "Vigésima Cuarta Sesión Ordinaria COMSE", "24", "sesión de instalación".
 * Sessions have no text of their own, so they are found by their ordinal, their kind and their body's name.
 */
export interface SessionReference {
  number: number | null;
  kind: SessionKind | null;
  /** The words left over, matched against the body's name and acronym. */
  bodyWords: string;
}

const KIND_WORDS: Record<string, SessionKind> = {
  ordinaria: 'ordinary',
  extraordinaria: 'extraordinary',
  permanente: 'permanent',
  instalacion: 'installation',
  asamblea: 'assembly',
};
/** Words that say "a session" without saying which, or that join the others. */
const SESSION_WORDS = new Set(['sesion', 'sesiones', 'de', 'del', 'la', 'el']);
/** Ordinals are written in at most two words ("vigésima cuarta"). */
const MAX_ORDINAL_WORDS = 2;

/**
 * Reads a search as a reference to sessions, or null when it names none: it must name an ordinal
 * (in words or digits), a kind of session or the word "sesión".
 */
export function readSessionReference(text: string): SessionReference | null {
  const words = normalizeForMatch(text).match(/[\p{L}\p{N}°ª]+/gu) ?? [];
  let number: number | null = null;
  let kind: SessionKind | null = null;
  let isSession = false;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const ordinal: { value: number; length: number } | null = number === null ? findOrdinalAt(words, i) : null;
    if (ordinal) {
      number = ordinal.value;
      i += ordinal.length - 1;
      continue;
    }
    const word = words[i]!;
    if (KIND_WORDS[word] && !kind) kind = KIND_WORDS[word];
    else if (SESSION_WORDS.has(word)) isSession ||= word.startsWith('sesion');
    else rest.push(word);
  }
  if (number === null && kind === null && !isSession) return null;
  return { number, kind, bodyWords: rest.join(' ') };
}

/** The longest ordinal starting at word `i`, if any. */
function findOrdinalAt(words: string[], i: number): { value: number; length: number } | null {
  for (let length = Math.min(MAX_ORDINAL_WORDS, words.length - i); length > 0; length--) {
    const value = parseSpanishOrdinal(words.slice(i, i + length).join(' '));
    if (value !== null) return { value, length };
  }
  return null;
}
