/**
 * Reads an answered questionnaire (a UN communication's reply, an Alliance 8.7 report…) from the
 * text extracted from its PDF or Word file into an `ImportedQuestionnaire`.
 *
 * A question is a numbered line that is both the next number of the sequence and shaped like a
 * question ("¿…?", "Sírvase…", "Por favor…", bold, required mark): numbered lists inside answers
 * fail one test or the other. Everything else between two questions is the first one's options,
 * editorial note and answer. The extraction's debris (page breaks, garbled duplicate lines, page
 * footers) is tolerated and reported as warnings with line numbers; only a document without a
 * readable sequence of questions is refused. Never throws.
 */
import { parseSpanishDate } from '../text/dates.js';
import { normalizeForMatch, splitNormalizedLines } from '../text/normalize.js';
import type { ImportDiagnostic, ImportedOption, ImportedQuestion, ImportedQuestionnaire, QuestionKind, RichText } from './model.js';
import {
  buildRichText,
  containsUrl,
  endsSentence,
  FOOTNOTE_DEFINITION,
  isNumberedItem,
  startsLowercase,
  stripMarkdown,
  superscriptToDigits,
  type BuiltText,
  type SourceLine,
} from './text-blocks.js';

export type QuestionnaireParseResult =
  | { ok: true; value: ImportedQuestionnaire }
  | { ok: false; errors: ImportDiagnostic[]; warnings: ImportDiagnostic[] };

/** How far the numbering may jump (a question lost by the extraction) before a number is read as text. */
const MAX_NUMBER_GAP = 3;

export function parseQuestionnaire(text: string): QuestionnaireParseResult {
  try {
    return parseLines(toSourceLines(text));
  } catch (error) {
    // A bug must not take the import down with an unexplained crash: it is reported like bad input.
    return { ok: false, errors: [{ line: 1, message: `No se pudo leer el documento (${error instanceof Error ? error.message : 'error interno'}).` }], warnings: [] };
  }
}

function toSourceLines(text: string): SourceLine[] {
  return splitNormalizedLines(text.replace(/[\u200B\u200C\u200D\uFEFF]/g, '')).map((line, index) => ({ line: index + 1, text: line }));
}

// ---------------------------------------------------------------------------------------------
// Question lines

interface NumberedLine {
  number: number;
  rest: string;
  /** The shape of the numbering ("- N. ", "N.\t"…), to recognise a question written like the previous one. */
  style: string;
}

// "- 1. …", "1. **…**", "9.\t¿…", "13.\t. ¿…", "21\tPor favor…", "1) …", "Pregunta 1. …", "P1. …", "### 1. …".
const NUMBERED_LINE = /^(\s*(?:#{1,6}\s+)?(?:[-–•]\s+)?(?:\*\*)?)(?:(Pregunta\s+|P)(\d{1,3})[.):-]?\s*|(\d{1,3})(?:([.)])[ \t]*|(\t)))(.*)$/iu;

function readNumberedLine(text: string): NumberedLine | null {
  const match = NUMBERED_LINE.exec(text);
  if (!match) return null;
  const [, lead, word, wordNumber, number, punctuation, tab, rest] = match;
  // A line such as "3.5 millones" or "2.\t" is not a question.
  if (/^\d/.test(rest!) || rest!.trim() === '') return null;
  const style = `${lead!.trim()}${word ? word.trim().toLowerCase() : ''}#${punctuation ?? ''}${tab ? 'tab' : ''}`;
  return { number: Number(wordNumber ?? number), rest: rest!.replace(/^\s*\.\s+/, '').replace(/^\*\*/, ''), style };
}

const ASKING = /^(?:¿|sírvase|sirvase|por favor|especifique|describa|indique|proporcione|explique|señale|mencione|enumere|detalle|informe|facilite|cuéntenos|díganos|comparte|comparta|precise|identifique|en caso afirmativo|de ser aplicable)/iu;

/** Clearly a question: asks ("¿…?"), is all bold, or carries the required mark. */
function isStrongQuestion(rest: string): boolean {
  const text = rest.trim();
  return /[¿?]/u.test(text) || /\*\*$/.test(text) || /[?.:)]\s*\*(?:\s|$)/u.test(text);
}

function looksLikeQuestion(rest: string): boolean {
  const plain = stripMarkdown(rest).replace(/^[.\s]+/, '');
  return isStrongQuestion(rest) || ASKING.test(plain) || /\b(?:sírvase|por favor|especifique|describa)\b/iu.test(plain.slice(0, 120));
}

interface QuestionStart {
  index: number;
  number: number;
  rest: string;
}

/** The question lines of the document, in order; a numbered line that breaks the sequence or does not ask is text. */
function findQuestions(lines: SourceLine[], warnings: ImportDiagnostic[]): QuestionStart[] {
  const starts: QuestionStart[] = [];
  let expected = 1;
  let previousStyle: string | null = null;
  // The next number of a numbered list seen inside an answer: "2." after "1." is that list's item.
  let listNext: number | null = null;
  for (const [index, { text, line }] of lines.entries()) {
    const numbered = readNumberedLine(text);
    if (!numbered) continue;
    const { number, rest, style } = numbered;
    const inList = listNext === number;
    const asks = inList ? isStrongQuestion(rest) : looksLikeQuestion(rest) || style === previousStyle;
    const isNext = number === expected;
    const isAfterGap = number > expected && number <= expected + MAX_NUMBER_GAP && !inList && looksLikeQuestion(rest);
    if ((isNext && asks) || isAfterGap) {
      if (isAfterGap) {
        const missing = number - expected === 1 ? `la pregunta ${expected}` : `las preguntas ${expected} a ${number - 1}`;
        warnings.push({ line, message: `Falta ${missing}: la numeración salta a la ${number}.` });
      }
      starts.push({ index, number, rest });
      expected = number + 1;
      previousStyle = style;
      listNext = null;
    } else {
      listNext = number + 1;
    }
  }
  return starts;
}

// ---------------------------------------------------------------------------------------------
// Options

// Unmarked: ☐ □ \square $\hfill \square$ [ ]; marked: ⊠ ☑ ☒ ■ [x].
const MARK = /\$\\hfill\s*\\square\$|\\square\b|\[\s?\]|\[[xX]\]|[☐□⊠☑☒■]/gu;
const MARKED = /^(?:\[[xX]\]|[⊠☑☒■])$/u;
const OPTION_LINE = /^\s*(?:\$\\hfill\s*\\square\$|\\square\b|\[\s?\]|\[[xX]\]|[☐□⊠☑☒■])/u;
const OTHER_OPTION = /^(otr[oa]s?\b[^:]*?(?:precis|especifi)[^:]*:?)\s*(.*)$/iu;
// A box that asks for a text when another option was chosen ("Si ha respondido «sí»…, especifique…").
const FOLLOW_UP_PROMPT = /^(?:si ha respondido|en caso afirmativo|si (?:la )?respuesta)/iu;

interface OptionRead {
  options: ImportedOption[];
  otherText: string | null;
  /** Prompts read as options (added to the question's text). */
  prompts: string[];
  /** The text before the first box. */
  before: string;
}

function readOptions(text: string): OptionRead {
  const marks = [...text.matchAll(MARK)];
  const read: OptionRead = { options: [], otherText: null, prompts: [], before: marks.length ? text.slice(0, marks[0]!.index) : text };
  marks.forEach((mark, index) => {
    const end = marks[index + 1]?.index ?? text.length;
    const label = stripMarkdown(text.slice(mark.index + mark[0].length, end).replace(/\t+/g, ' '));
    if (label === '') return;
    const marked = MARKED.test(mark[0]);
    if (FOLLOW_UP_PROMPT.test(label)) {
      read.prompts.push(label);
      return;
    }
    const other = OTHER_OPTION.exec(label);
    if (other && other[2]) {
      read.options.push({ label: other[1]!.trim(), marked });
      read.otherText = other[2].trim();
    } else read.options.push({ label, marked });
  });
  return read;
}

const YES_NO_LABELS = new Set(['si', 'no', 'no aplica', 'no aplicable', 'no lo se', 'no se', 'n/a']);
const STATUS_LABELS = new Set(['no alcanzado', 'previsto', 'en curso', 'completado', 'no iniciado', 'en proceso', 'concluido', 'cumplido']);
const RATING_LABEL = /progreso|^(?:muy )?(?:bajo|baja|medio|media|alto|alta|malo|mala|regular|bueno|buena)$|^(?:nada|poco|algo|mucho|bastante)$/u;
const SELECT_ALL = /(?:seleccione|marque|elija)\s+tod[oa]s?\b|tod[oa]s?\s+l[oa]s?\s+que\s+(?:correspond|apliqu)/iu;

function classify(options: ImportedOption[], questionText: string): QuestionKind {
  if (options.length === 0) return 'open';
  const labels = options.map((option) => normalizeForMatch(option.label).replace(/[.:,;]+$/, ''));
  if (labels.every((label) => YES_NO_LABELS.has(label)) && labels.some((label) => label === 'si' || label === 'no')) return 'yes_no';
  if (labels.every((label) => STATUS_LABELS.has(label))) return 'status';
  if (labels.length >= 2 && labels.every((label) => RATING_LABEL.test(label))) return 'rating';
  if (SELECT_ALL.test(questionText)) return 'multiple_choice';
  return 'single_choice';
}

// ---------------------------------------------------------------------------------------------
// One question: its text, note, options and answer lines

const EDITORIAL_NOTE = /^\s*notas? de edici[oó]n\s*:\s*(.*)$/iu;
const INSTRUCTION = /^\s*(?:por favor,?\s*)?(?:seleccione|marque|elija)\b/iu;
const COMMENTS_LABEL = /^\s*comentarios?\s*:?\s*$/iu;
// A garbled copy of the question line left by OCR ("ZI.\trui Tavui, …" under "21\tPor favor, …").
const GARBLED_NUMBER = /^\s*[\p{L}\p{N}]{1,3}[.,]?\t/u;

interface QuestionDraft {
  question: ImportedQuestion;
  answerLines: SourceLine[];
}

function readQuestion(lines: SourceLine[], start: QuestionStart, end: number, warnings: ImportDiagnostic[]): QuestionDraft {
  const first = lines[start.index]!;
  const options: ImportedOption[] = [];
  const prompts: string[] = [];
  let otherText: string | null = null;
  let editorialNote: string | null = null;
  const addOptions = (read: OptionRead) => {
    options.push(...read.options);
    prompts.push(...read.prompts);
    otherText ??= read.otherText;
  };

  const firstRead = readOptions(start.rest);
  let text = firstRead.before;
  addOptions(firstRead);
  let index = start.index + 1;
  // The question's text wraps onto the next lines until it ends like a sentence.
  while (index < end && options.length === 0 && !endsSentence(stripTrailingDebris(text))) {
    const next = lines[index]!.text;
    if (next.trim() === '' || OPTION_LINE.test(next) || EDITORIAL_NOTE.test(next) || isNumberedItem(next) || /^\s*[-–•]\s/.test(next) || isGarbledCopy(next, text)) break;
    const read = readOptions(next);
    text = `${text} ${read.before}`;
    addOptions(read);
    index++;
  }
  if (index < end && isGarbledCopy(lines[index]!.text, text)) {
    warnings.push({ line: lines[index]!.line, message: `Línea ilegible que repite la pregunta ${start.number}; se omite.` });
    index++;
  }

  // Before the answer: the editorial note, instructions ("Por favor, seleccione…") and the options, blank lines between them.
  let lastOptionLine = -1;
  for (;;) {
    let next = index;
    while (next < end && lines[next]!.text.trim() === '') next++;
    if (next >= end) break;
    const current = lines[next]!.text;
    const note = EDITORIAL_NOTE.exec(current);
    if (note && options.length === 0) {
      const parts = [note[1]!.trim()];
      index = next + 1;
      while (index < end && !endsSentence(parts.join(' ')) && lines[index]!.text.trim() !== '' && !OPTION_LINE.test(lines[index]!.text) && !isNumberedItem(lines[index]!.text)) {
        parts.push(lines[index++]!.text.trim());
      }
      editorialNote = stripMarkdown(parts.join(' ').replace(/\t+/g, ' '));
      continue;
    }
    if (INSTRUCTION.test(current) && options.length === 0 && current.length <= 200) {
      text = `${text} ${current.trim()}`;
      index = next + 1;
      continue;
    }
    if (OPTION_LINE.test(current)) {
      addOptions(readOptions(current));
      lastOptionLine = next;
      index = next + 1;
      continue;
    }
    // Right under the boxes: "Comentarios:", the text of a marked "otros (precisar):", or debris.
    if (lastOptionLine >= 0 && next === lastOptionLine + 1) {
      const lastOption = options.at(-1);
      if (COMMENTS_LABEL.test(current)) {
        index = next + 1;
        continue;
      }
      if (lastOption && OTHER_OPTION.test(lastOption.label) && otherText === null) {
        if (lastOption.marked) otherText = current.replace(/\t+/g, ' ').trim();
        else warnings.push({ line: lines[next]!.line, message: `Texto bajo la opción «${lastOption.label}», que no está marcada; se omite: «${current.trim()}».` });
        index = next + 1;
        continue;
      }
      if (current.trim().split(/\s+/).length <= 3 && !endsSentence(current)) {
        warnings.push({ line: lines[next]!.line, message: `Texto ilegible bajo las opciones de la pregunta ${start.number}; se omite: «${current.trim()}».` });
        index = next + 1;
        continue;
      }
    }
    if (COMMENTS_LABEL.test(current) && options.length > 0) {
      index = next + 1;
      continue;
    }
    break;
  }

  for (const prompt of prompts) {
    warnings.push({ line: first.line, message: `La casilla «${prompt.slice(0, 60)}…» es una indicación, no una opción: se añade al texto de la pregunta ${start.number}.` });
  }
  const cleaned = cleanQuestionText(text, first.line, warnings);
  const questionText = [cleaned.text, ...prompts].join(' ');
  return {
    question: {
      number: String(start.number),
      text: questionText,
      kind: classify(options, questionText),
      section: null,
      required: cleaned.required,
      editorialNote,
      options,
      otherText,
      answer: { blocks: [], footnotes: [] },
      line: first.line,
    },
    answerLines: lines.slice(index, end),
  };
}

/** A one- or two-letter cell after the last tab of a question line is extraction debris ("…nacionales.\tj"). */
function stripTrailingDebris(text: string): string {
  // By hand, not /\t+\S{1,2}\s*$/: on a line with a long run of tabs that pattern backtracks from every tab.
  const trimmed = text.trimEnd();
  const lastTab = trimmed.lastIndexOf('\t');
  const tail = trimmed.slice(lastTab + 1);
  return lastTab >= 0 && tail.length <= 2 && tail.trim() === tail && tail !== '' ? trimmed.slice(0, lastTab).trimEnd() : trimmed;
}

function isGarbledCopy(text: string, questionText: string): boolean {
  if (!GARBLED_NUMBER.test(text) || readNumberedLine(text)) return false;
  const ratio = text.trim().length / Math.max(1, questionText.trim().length);
  return ratio > 0.7 && ratio < 1.4;
}

function cleanQuestionText(raw: string, line: number, warnings: ImportDiagnostic[]): { text: string; required: boolean } {
  let text = stripTrailingDebris(raw);
  if (text !== raw.trimEnd()) warnings.push({ line, message: `Se omiten caracteres sueltos al final de la pregunta: «${raw.slice(text.length).trim()}».` });
  text = stripMarkdown(text.replace(/\t+/g, ' '));
  // The required mark: " *" after the question ("…? *", "…?*", "…? * Por favor, seleccione…").
  const required = /[?.:)]\s*\*(?=\s|$)/u.test(text);
  text = text.replace(/([?.:)])\s*\*(?=\s|$)/gu, '$1');
  const end = text.trimEnd();
  if (end.endsWith('*') && /\s/u.test(end.at(-2) ?? '')) text = end.slice(0, -1);
  // An unbalanced quote left at the end by the extraction ('…de su país? "').
  if ((text.match(/"/g) ?? []).length % 2 === 1) text = text.replace(/\s*"\s*$/, '');
  return { text: text.replace(/^[.\s]+/, '').replace(/\s+/g, ' ').trim(), required };
}

// ---------------------------------------------------------------------------------------------
// Section headings: a short line between two questions, followed by the next question or an introduction.

const SHORT_ANSWER = /^(?:no|si|sí|n\/a|ninguno|ninguna|sin informaci[oó]n|no aplica|no aplicable)\b/iu;

interface LineGroup {
  lines: SourceLine[];
  /** Index of the group's first line in the passage. */
  start: number;
}

function groupParagraphs(lines: SourceLine[]): LineGroup[] {
  const groups: LineGroup[] = [];
  let current: LineGroup | null = null;
  lines.forEach((line, index) => {
    if (line.text.trim() === '') current = null;
    else if (current) current.lines.push(line);
    else groups.push((current = { lines: [line], start: index }));
  });
  return groups;
}

/** A Markdown heading or bold line is read by its text ("## Perspectivas de futuro", "**Marco legal**"). */
const headingText = (text: string) => stripMarkdown(text.replace(/^\s*#{1,6}\s+/, ''));

function isHeadingLine(text: string): boolean {
  const trimmed = headingText(text);
  // A Markdown heading says it is one; other lines must look like one.
  if (/^\s*#{1,6}\s+\S/u.test(text)) return trimmed.length <= 200;
  const words = trimmed.split(/\s+/);
  return (
    trimmed.length <= 100 &&
    words.length >= 3 &&
    words.length <= 14 &&
    /^\p{Lu}/u.test(trimmed) &&
    !/[.,;:]$/.test(trimmed) &&
    !text.includes('\t') &&
    !containsUrl(trimmed) &&
    !SHORT_ANSWER.test(trimmed) &&
    !OPTION_LINE.test(trimmed) &&
    !EDITORIAL_NOTE.test(trimmed) &&
    !FOOTNOTE_DEFINITION.test(trimmed)
  );
}

const isNoteParagraph = (text: string) => /^\*(?!\*)/.test(text.trim()) || EDITORIAL_NOTE.test(text);

interface SectionSplit {
  heading: string;
  headingLine: number;
  /** The passage before the heading (the previous answer). */
  before: SourceLine[];
  /** The section's introduction (between the heading and the next question). */
  introduction: SourceLine[];
}

/**
 * The section heading at the end of a passage, if it can be told: a short line with no final stop
 * after a blank line, followed by nothing, by notes ("*Esta sección…", "Notas de edición…") with at
 * most two ordinary paragraphs, or by lower-case debris. A garbled copy of the heading just before it is dropped.
 * Paragraphs before `firstCandidate` are never headings.
 */
function splitSection(lines: SourceLine[], warnings: ImportDiagnostic[], firstCandidate = 0): SectionSplit | null {
  const groups = groupParagraphs(lines);
  for (let candidate = groups.length - 1; candidate >= Math.max(firstCandidate, groups.length - 6); candidate--) {
    const group = groups[candidate]!;
    const previousLine = lines[group.start - 1];
    if (group.lines.length !== 1 || !isHeadingLine(group.lines[0]!.text) || (previousLine && previousLine.text.trim() !== '')) continue;
    const after = groups.slice(candidate + 1).map((g) => g.lines.map((l) => l.text).join(' '));
    const notes = after.filter(isNoteParagraph).length;
    const debris = after.filter((text) => startsLowercase(text)).length;
    const ordinary = after.length - notes - debris;
    if (!(after.length === 0 || (notes > 0 && ordinary <= 2) || (ordinary === 0 && debris > 0))) continue;
    const heading = headingText(group.lines[0]!.text);
    let beforeEnd = group.start;
    const previous = groups[candidate - 1];
    if (previous && previous.lines.length === 1 && isGarbledHeading(previous.lines[0]!.text, heading)) {
      warnings.push({ line: previous.lines[0]!.line, message: `Línea ilegible que repite el título «${heading}»; se omite.` });
      beforeEnd = previous.start;
    }
    return { heading, headingLine: group.lines[0]!.line, before: lines.slice(0, beforeEnd), introduction: lines.slice(group.start + 1) };
  }
  return null;
}

/** "aboración con socios nacionalos" above "Colaboración con socios nacionales". */
function isGarbledHeading(text: string, heading: string): boolean {
  if (!startsLowercase(text)) return false;
  const headingWords = normalizeForMatch(heading).split(' ');
  const words = normalizeForMatch(text).split(' ');
  const similar = words.filter((word) => headingWords.some((h) => h === word || (word.length >= 4 && (h.endsWith(word) || h.startsWith(word.slice(0, -2))))));
  return similar.length / words.length >= 0.6;
}

// ---------------------------------------------------------------------------------------------
// Front matter: cover note, title, date, recipient, reference, contributors, preamble

const COVER_NOTE = /saluda\s+(?:muy\s+)?atentamente|tiene\s+el\s+honor\s+de|hace\s+referencia\s+a\s+la\s+(?:comunicaci|nota)/iu;
const TITLE_WORDS = /\b(?:informe|respuesta|contribuci[oó]n|contribuciones|cuestionario|encuesta|aportaciones)\b/iu;
// The recipient and the contributors are read in two steps: the words that introduce them, then a lazy
// capture within a bounded window after them, so a long hostile text costs what it weighs (a lazy capture
// over the whole text would rescan it from every place the introduction matched).
const RECIPIENT_INTRO = /saluda\s+(?:muy\s+)?atentamente\s+(?:a\s+)?(?:la\s+|el\s+|los\s+|las\s+)?/iu;
const RECIPIENT = /^(.+?)(?:,|\s+y\s+(?:hace|tiene|se\s+permite))/iu;
const REFERENCE = /comunicaci[oó]n(?:\s+conjunta)?\s+(?:n[uú]m(?:ero|\.)?\s+)?([A-Z]{2,4}(?:\s+[A-Z]{2,4})*\s+\d{1,4}\/\d{4})/u;
const ANY_REFERENCE = /\b([A-Z]{2,4}\s+[A-Z]{3}\s+\d{1,4}\/\d{4})\b/u;
const CONTRIBUTORS_INTRO = /\b(?:integrad[ao]|elaborad[ao]|preparad[ao]|proporcionad[ao]|compilad[ao])\s+(?:por|con\s+(?:la\s+)?informaci[oó]n\s+de|con\s+aportaciones\s+de)\s+/iu;
const CONTRIBUTORS = /^(.+?)\.(?:\s|$)/u;
/** How far after its introduction a recipient or a list of contributors may run. */
const FRONT_WINDOW = 2000;

/** `capture` applied to the text right after the first match of `intro`, within FRONT_WINDOW characters. */
function readAfter(text: string, intro: RegExp, capture: RegExp): string | null {
  const found = intro.exec(text);
  if (!found) return null;
  const start = found.index + found[0].length;
  return capture.exec(text.slice(start, start + FRONT_WINDOW))?.[1] ?? null;
}
const DATE_LINE = /^([\p{Lu}][\p{L} .]*?),\s+(.+?)\s*$/u;
const CLOSING = /^¡?\s*(?:muchas\s+)?gracias\s*!?\.?$/iu;

interface FrontMatter {
  title: string;
  reference: string | null;
  date: string | null;
  place: string | null;
  recipient: string | null;
  contributors: string[];
  coverLines: SourceLine[];
  preambleLines: SourceLine[];
}

function readFrontMatter(lines: SourceLine[], warnings: ImportDiagnostic[]): FrontMatter {
  const groups = groupParagraphs(lines).map((group) => ({ ...group, text: group.lines.map((line) => line.text.trim()).join(' ') }));
  const coverIndex = groups.findIndex((group) => COVER_NOTE.test(group.text));
  const titleIndex = findTitle(groups, coverIndex);
  const title = titleIndex >= 0 ? headingText(groups[titleIndex]!.text) : '';
  if (titleIndex < 0) warnings.push({ line: 1, message: 'No se encontró el título del documento antes de la primera pregunta.' });

  const titleGroup = titleIndex >= 0 ? groups[titleIndex]! : null;
  const titleEnd = titleGroup ? titleGroup.start + titleGroup.lines.length : 0;
  const hasCover = coverIndex >= 0 && titleGroup !== null && coverIndex < titleIndex;
  const coverLines = hasCover ? lines.slice(0, titleGroup.start) : [];
  const preambleLines = hasCover
    ? lines.slice(titleEnd)
    : [...lines.slice(0, titleGroup?.start ?? 0), ...(titleGroup ? lines.slice(titleEnd) : lines)];

  const coverText = groups.filter((_, index) => index !== titleIndex).map((group) => group.text).join('\n');
  const searchText = `${coverText}\n${title}`;
  let date: string | null = null;
  let place: string | null = null;
  for (const group of groups) {
    const match = DATE_LINE.exec(stripMarkdown(group.text));
    const parsed = match ? parseSpanishDate(match[2]!) : null;
    if (parsed) {
      date = parsed;
      place = match![1]!.trim();
      break;
    }
  }
  return {
    title,
    reference: (REFERENCE.exec(searchText) ?? ANY_REFERENCE.exec(searchText))?.[1]?.replace(/\s+/g, ' ') ?? null,
    date,
    place,
    recipient: readAfter(coverText, RECIPIENT_INTRO, RECIPIENT)?.trim() ?? null,
    contributors: readContributors(coverText),
    coverLines,
    preambleLines,
  };
}

function findTitle(groups: { text: string }[], coverIndex: number): number {
  const candidates = groups.map((group, index) => ({ text: group.text, index })).filter(({ text, index }) => index !== coverIndex && text.length <= 400 && !COVER_NOTE.test(text));
  const bold = candidates.find(({ text }) => text.startsWith('**') && TITLE_WORDS.test(text));
  const named = candidates.find(({ text }) => TITLE_WORDS.test(text) && !endsSentence(stripMarkdown(text).replace(/\.$/, '')) && text.length <= 200);
  const worded = candidates.find(({ text }) => TITLE_WORDS.test(text));
  const first = candidates.find(({ text }) => text.length <= 200);
  return (bold ?? named ?? worded ?? first)?.index ?? -1;
}

/** "…fue integrada por el Sistema…, la Secretaría…, … y la Fiscalía General de la República." → the names, articles dropped. */
function readContributors(text: string): string[] {
  const list = readAfter(text.replace(/\s+/g, ' '), CONTRIBUTORS_INTRO, CONTRIBUTORS);
  if (!list) return [];
  // Split only where an article starts the next name: "de niños, niñas y adolescentes" stays whole.
  return list
    .split(/,\s+(?:y\s+)?(?=(?:el|la|los|las)\s)|\s+y\s+(?=(?:el|la|los|las)\s)/u)
    .map((name) => name.replace(/^(?:el|la|los|las)\s+/u, '').trim())
    .filter((name) => name !== '');
}

// ---------------------------------------------------------------------------------------------

function parseLines(lines: SourceLine[]): QuestionnaireParseResult {
  const warnings: ImportDiagnostic[] = [];
  const starts = findQuestions(lines, warnings);
  if (starts.length === 0) {
    const numbered = lines.find((line) => {
      const read = readNumberedLine(line.text);
      return read !== null && isStrongQuestion(read.rest);
    });
    const error = numbered
      ? { line: numbered.line, message: `No se puede seguir la numeración de las preguntas: la primera pregunta numerada es la ${readNumberedLine(numbered.text)!.number}, se esperaba la 1.` }
      : { line: 1, message: 'No se encontró ninguna pregunta numerada (por ejemplo «1. ¿…?»).' };
    return { ok: false, errors: [error], warnings };
  }

  // The closing ("¡Gracias!") after the last answer is not part of it.
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.text.trim() === '') end--;
  if (end > starts.at(-1)!.index + 1 && CLOSING.test(lines[end - 1]!.text.trim())) end--;

  const footnoteIds = new Set(lines.map((line) => FOOTNOTE_DEFINITION.exec(line.text)?.[1]).filter((marks) => marks !== undefined).map(superscriptToDigits));
  const drafts = starts.map((start, index) => readQuestion(lines, start, index + 1 < starts.length ? starts[index + 1]!.index : end, warnings));

  // Section headings: at the end of the front matter and of each answer, for the questions after them.
  const frontLines = lines.slice(0, starts[0]!.index);
  // The first paragraph of the document is its title, not a section.
  const frontSection = splitSection(frontLines, warnings, 1);
  let section = frontSection?.heading ?? null;
  drafts.forEach((draft, index) => {
    draft.question.section = section;
    const split = index + 1 < drafts.length ? splitSection(draft.answerLines, warnings) : null;
    if (!split) return;
    draft.answerLines = split.before;
    section = split.heading;
    const intro = split.introduction.filter((line) => line.text.trim() !== '');
    if (intro.length) warnings.push({ line: intro[0]!.line, message: `Se omite la introducción de la sección «${split.heading}» (${intro.length === 1 ? '1 línea' : `${intro.length} líneas`}): no es parte de ninguna respuesta.` });
  });

  const front = readFrontMatter(frontSection ? [...frontSection.before] : frontLines, warnings);
  const preambleLines = frontSection ? [...front.preambleLines, ...frontSection.introduction] : front.preambleLines;

  const passages: BuiltText[] = [];
  const cover = buildRichText(front.coverLines, footnoteIds, warnings);
  const preamble = buildRichText(preambleLines, footnoteIds, warnings);
  const answers = drafts.map((draft) => buildRichText(draft.answerLines, footnoteIds, warnings));
  passages.push(cover, preamble, ...answers);
  const [coverNote, preambleText, ...answerTexts] = attachFootnotes(passages, warnings);
  drafts.forEach((draft, index) => (draft.question.answer = answerTexts[index]!));

  return {
    ok: true,
    value: {
      title: front.title || 'Cuestionario sin título',
      reference: front.reference,
      date: front.date,
      recipient: front.recipient,
      place: front.place,
      coverNote: isEmpty(coverNote!) ? null : coverNote!,
      contributors: front.contributors,
      preamble: isEmpty(preambleText!) ? null : preambleText!,
      questions: drafts.map((draft) => draft.question),
      warnings: warnings.toSorted((a, b) => a.line - b.line),
    },
  };
}

const isEmpty = (text: RichText) => text.blocks.length === 0 && text.footnotes.length === 0;

/**
 * Each footnote goes with the passage that calls it (the first unused text with its number); a
 * footnote nobody calls stays with the passage where it is written, with a warning.
 */
function attachFootnotes(passages: BuiltText[], warnings: ImportDiagnostic[]): RichText[] {
  const pool = passages.flatMap((passage, owner) => passage.footnotes.map((footnote) => ({ ...footnote, owner, used: false })));
  const result: RichText[] = passages.map((passage) => ({ blocks: passage.blocks, footnotes: [] }));
  passages.forEach((passage, owner) => {
    for (const id of passage.references) {
      const footnote = pool.find((candidate) => !candidate.used && candidate.id === id);
      if (!footnote) continue;
      footnote.used = true;
      result[owner]!.footnotes.push({ id, content: footnote.content });
    }
  });
  for (const footnote of pool.filter((candidate) => !candidate.used)) {
    warnings.push({ line: footnote.line, message: `La nota ${footnote.id} no tiene llamada en el texto; se conserva donde está escrita.` });
    result[footnote.owner]!.footnotes.push({ id: footnote.id, content: footnote.content });
  }
  return result;
}

/** Whether a question was answered: text written, an option marked or an "otros" text given. */
export function isAnswered(question: ImportedQuestion): boolean {
  return question.answer.blocks.length > 0 || question.options.some((option) => option.marked) || question.otherText !== null;
}
