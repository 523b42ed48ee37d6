/**
 * Reads the participation-mechanism report (seed 000, or its Markdown export) into a
 * `MechanismReport`. The text comes from PDF extraction, so labels are split by page breaks,
 * values continue after footnotes, and footnote markers stick to titles; the parser tolerates
 * those and reports everything else with a line number instead of guessing.
 */
import { detectStates } from '../geo/detect-states.js';
import { isWebUrl } from '../schemas/common.js';
import { findSpanishPeriod, parseSpanishDate } from '../text/dates.js';
import { createLabelMatcher } from '../text/labels.js';
import { foldAccents, normalizeForMatch, normalizeLabel, splitNormalizedLines } from '../text/normalize.js';
import { parseSpanishOrdinal } from '../text/ordinals.js';
import {
  APPROVAL_TEXT_PREFIX,
  FIELD_LABELS,
  REPORT_FIELDS,
  SYSTEM_HEADING,
  createDiagnostic,
  getFieldLabel,
  type ReportField,
} from './messages.js';
import { unescapeMarkdownText as unescape } from './markdown-text.js';
import type {
  AgreementRef,
  Diagnostic,
  EvidenceRef,
  MechanismBlock,
  MechanismReport,
  SessionRef,
} from './model.js';
import type { SessionKind } from '../schemas/session-vocabulary.js';

export interface MechanismReportParseResult {
  /** Null whenever `diagnostics` is not empty: a report with errors must not be imported. */
  report: MechanismReport | null;
  /** Errors. */
  diagnostics: Diagnostic[];
  /** Things worth a look that do not prevent the import. */
  warnings: Diagnostic[];
  /** First line of every block found, in order (1-based). */
  blockLines: number[];
}

interface Findings {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

interface RawField {
  field: ReportField;
  line: number;
  parts: string[];
}

interface RawBlock {
  line: number;
  fields: RawField[];
}

interface Footnote {
  marker: string;
  parts: string[];
}

interface TextLine {
  line: number;
  text: string;
}

/** A label cut by a page break, waiting for the rest of its words on the next non-blank line. */
interface PendingLabel {
  field: RawField;
  remainingWords: string;
}

interface ScannedDocument {
  preamble: TextLine[][];
  blocks: RawBlock[];
  footnotes: Footnote[];
}

type LineSeparator = 'tab' | 'bold' | 'colon' | 'none';

interface LineHead {
  head: string;
  value: string;
  separator: LineSeparator;
  /** The head ended with ":" ("Observaciones:\t…"), i.e. it was written as a label. */
  hasColon: boolean;
}

type FieldMatch =
  | { field: ReportField; remainingWords: string; close?: { label: string } }
  | { ambiguous: string[] }
  | null;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const FOOTNOTE_LINE = new RegExp(`^(?:\\[\\^(\\d+)\\]:|([${SUPERSCRIPT_DIGITS}]+)(?=\\s))\\s*(.*)$`, 'u');
const TRAILING_MARKER = new RegExp(`\\s*(?:\\[\\^(\\d+)\\]|([${SUPERSCRIPT_DIGITS}]+))$`, 'u');
// A backslash ends an address: "\<https://…\>" is text the Markdown export escaped, not a link.
const TRAILING_URL = /\s*<(https?:\/\/[^\s<>\\]+)>$/;
const URLS_IN_TEXT = /<(https?:\/\/[^\s<>\\]+)>|(https?:\/\/[^\s<>\\]+)/g;
const AGREEMENT_CODE = /(?<![\p{L}\p{N}/])\p{Lu}[\p{Lu}\p{N}]*(?:\/[\p{Lu}\p{N}]+)+\/(?:19|20)\d{2}(?![\p{L}\p{N}/])/u;
const NOT_APPLICABLE_VALUES = new Set(['n/a', 'n.a.', 'na', 'no aplica', 'ninguno', 'ninguna', '-', '—']);
const MAX_UNKNOWN_LABEL_WORDS = 4;
/** The Markdown export's heading of each block ("## Participación 1"). */
const BLOCK_HEADING = /^#{2,6}\s+Participaci[oó]n\s+\d+$/u;
/** A head longer than this is prose with a tab or colon in it, not a label. */
const MAX_LABEL_WORDS = 15;
/** A page number or footer the PDF extraction left between two halves of a value. */
const PAGE_NOISE = /^(?:p[aá]g(?:ina|\.)?\s*)?\d+(?:\s*(?:de|\/)\s*\d+)?$/iu;

const LABELS = createLabelMatcher(FIELD_LABELS);

/** Parses the report; never throws: every problem becomes a diagnostic. */
export function parseMechanismReport(text: string): MechanismReportParseResult {
  const findings: Findings = { errors: [], warnings: [] };
  try {
    return parseDocument(typeof text === 'string' ? text : '', findings);
  } catch {
    // A parser bug must surface as a refused import, not as a crash of the caller.
    return {
      report: null,
      diagnostics: [...findings.errors, createDiagnostic('internal.error', 1, undefined)],
      warnings: findings.warnings,
      blockLines: [],
    };
  }
}

function parseDocument(text: string, findings: Findings): MechanismReportParseResult {
  const lines = splitLines(text);
  if (lines.every((line) => line.trim() === '')) {
    return refuse(findings, createDiagnostic('document.empty', 1, undefined));
  }
  const scanned = scanLines(lines, findings);
  if (scanned.blocks.length === 0) return refuse(findings, createDiagnostic('document.noBlocks', 1, undefined));
  const minutesUrl = findMinutesUrl(scanned.footnotes);
  const preamble = readPreamble(scanned.preamble, findings);
  const context: BlockContext = {
    footnoteUrls: collectFootnoteUrls(scanned.footnotes),
    minutesUrl,
    period: preamble.period,
  };
  const blocks = scanned.blocks.flatMap((raw) => {
    const block = buildBlock(raw, context, findings);
    return block ? [block] : [];
  });
  const report: MechanismReport = { ...preamble, minutesUrl, minutesNote: findMinutesNote(scanned.footnotes, minutesUrl), blocks };
  return {
    report: findings.errors.length === 0 ? report : null,
    diagnostics: sortByLine(findings.errors),
    warnings: sortByLine(findings.warnings),
    blockLines: scanned.blocks.map((block) => block.line),
  };
}

/** Diagnostics are collected per stage (scan, preamble, blocks); people read them in line order. */
function sortByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.toSorted((a, b) => a.line - b.line);
}

function refuse(findings: Findings, error: Diagnostic): MechanismReportParseResult {
  return { report: null, diagnostics: [...findings.errors, error], warnings: findings.warnings, blockLines: [] };
}

/** Lines of the text (see `splitNormalizedLines`), trailing tabs trimmed too: this report has no tables. */
function splitLines(text: string): string[] {
  return splitNormalizedLines(text).map((line) => line.trimEnd());
}

// ---------------------------------------------------------------------------------------------
// Scanning: lines → preamble paragraphs, raw blocks of labelled fields, footnotes.

function scanLines(lines: string[], findings: Findings): ScannedDocument {
  const scanned: ScannedDocument = { preamble: [[]], blocks: [], footnotes: [] };
  const state: ScanState = { lastField: null, lastFootnote: null, isAfterBreak: true };
  let pending: PendingLabel | null = null;

  for (const [index, rawLine] of lines.entries()) {
    const lineNumber = index + 1;
    if (rawLine.trim() === '') {
      state.isAfterBreak = true;
      if (scanned.blocks.length === 0) scanned.preamble.push([]);
      continue;
    }
    if (pending) {
      const isCompleted = completePendingLabel(pending, rawLine);
      if (!isCompleted) findings.warnings.push(createDiagnostic('label.incomplete', pending.field.line, pending.field.field));
      pending = null;
      if (isCompleted) {
        state.isAfterBreak = false;
        continue;
      }
    }
    const isIndented = /^\s/.test(rawLine);
    const line = rawLine.trim().replace(/^[-*+]\s+/, '');
    const footnote = isIndented ? null : FOOTNOTE_LINE.exec(line);
    if (footnote) {
      const marker = footnote[1] ?? toPlainDigits(footnote[2] ?? '');
      state.lastFootnote = { marker, parts: [footnote[3] ?? ''] };
      scanned.footnotes.push(state.lastFootnote);
      state.isAfterBreak = false;
      continue;
    }
    if (/^#{1,6}\s/.test(line) && (scanned.blocks.length > 0 || BLOCK_HEADING.test(line))) {
      // Block headings of the Markdown export ("## Participación 3") carry no data.
      state.isAfterBreak = true;
      continue;
    }
    const head = splitHead(line);
    const label = matchLabel(head, isIndented);
    if (label && 'ambiguous' in label) {
      findings.errors.push(createDiagnostic('label.ambiguous', lineNumber, undefined, { label: head.head, candidates: label.ambiguous }));
      state.isAfterBreak = false;
    } else if (label) {
      if (label.close) findings.warnings.push(createDiagnostic('label.approximate', lineNumber, undefined, { label: head.head, canonical: label.close.label }));
      state.lastField = addField(scanned.blocks, label.field, lineNumber, head.value);
      state.lastFootnote = null;
      state.isAfterBreak = false;
      if (label.remainingWords !== '') pending = { field: state.lastField, remainingWords: label.remainingWords };
    } else if (scanned.blocks.length === 0) {
      scanned.preamble.at(-1)?.push({ line: lineNumber, text: line.replace(/^#{1,6}\s+/, '') });
    } else {
      attachUnlabelledLine({ line, lineNumber, isIndented, head }, state, findings);
    }
  }
  if (pending) findings.warnings.push(createDiagnostic('label.incomplete', pending.field.line, pending.field.field));
  return scanned;
}

interface ScanState {
  lastField: RawField | null;
  lastFootnote: Footnote | null;
  /** The previous line was blank or a heading: unindented text after it continues nothing. */
  isAfterBreak: boolean;
}

interface UnlabelledLine {
  line: string;
  lineNumber: number;
  isIndented: boolean;
  head: LineHead;
}

/** Decides what a line without a known label inside the blocks is: an error, a continuation, noise. */
function attachUnlabelledLine(entry: UnlabelledLine, state: ScanState, findings: Findings): void {
  const { line, lineNumber, isIndented, head } = entry;
  const wasAfterBreak = state.isAfterBreak;
  state.isAfterBreak = false;
  if (!isIndented && looksLikeLabel(head)) {
    findings.errors.push(createDiagnostic('label.unknown', lineNumber, undefined, { label: head.head }));
  } else if (state.lastFootnote && !wasAfterBreak) {
    state.lastFootnote.parts.push(line);
  } else if (state.lastField && !PAGE_NOISE.test(line)) {
    // Indented text is how the PDF extraction continues a value after a page break; unindented
    // text (after a blank line or not) is joined too, with a warning to check it.
    if (!isIndented) findings.warnings.push(createDiagnostic('line.continuation', lineNumber, state.lastField.field));
    state.lastField.parts.push(line);
  } else {
    findings.warnings.push(createDiagnostic('line.ignored', lineNumber, undefined));
  }
}

/** Appends the value of a label's second half ("el cumplimiento del acuerdo … presentado:\t…"). */
function completePendingLabel(pending: PendingLabel, rawLine: string): boolean {
  const head = splitHead(rawLine.trim());
  if (normalizeLabel(head.head) !== pending.remainingWords) return false;
  pending.field.parts.push(head.value);
  return true;
}

/** Adds a field, opening a new block on "Participante" or when the field order starts over. */
function addField(blocks: RawBlock[], field: ReportField, line: number, value: string): RawField {
  const current = blocks.at(-1);
  const previous = current?.fields.at(-1);
  const isRepeatedAgreement = field === 'agreement' && previous?.field === 'agreement';
  const startsBlock =
    !current ||
    !previous ||
    field === 'participants' ||
    (!isRepeatedAgreement && REPORT_FIELDS.indexOf(field) <= REPORT_FIELDS.indexOf(previous.field));
  const block = startsBlock ? { line, fields: [] } : current;
  if (startsBlock) blocks.push(block);
  const raw: RawField = { field, line, parts: [value] };
  block.fields.push(raw);
  return raw;
}

/** Splits "Label:\tvalue", "**Label:** value" or "Label: value" into head and value. */
function splitHead(line: string): LineHead {
  const bold = /^\*\*([^*]+?)\*\*\s*(:?)\s*(.*)$/.exec(line);
  if (bold) return toLineHead(bold[1] ?? '', bold[3] ?? '', 'bold', bold[2] === ':');
  const tab = line.indexOf('\t');
  if (tab >= 0) return toLineHead(line.slice(0, tab), line.slice(tab + 1), 'tab', false);
  const colon = /^([^:]{1,120}):(?=\s|$)(.*)$/.exec(line);
  if (colon) return toLineHead(colon[1] ?? '', colon[2] ?? '', 'colon', true);
  return toLineHead(line, '', 'none', false);
}

function toLineHead(head: string, value: string, separator: LineSeparator, hasColon: boolean): LineHead {
  const trimmedHead = head.trim();
  return {
    head: trimmedHead.replace(/\s*:$/, ''),
    value: value.trim(),
    separator,
    hasColon: hasColon || trimmedHead.endsWith(':'),
  };
}

/**
 * A head naming a known field, whole or (for an unindented line cut by a page break) its first
 * words; `remainingWords` holds the words still expected on the next line.
 */
function matchLabel(head: LineHead, isIndented: boolean): FieldMatch {
  const exact = LABELS.match(head.head, false);
  if (exact.kind === 'exact') return { field: exact.field, remainingWords: '' };
  const words = normalizeLabel(head.head);
  const mayBeCut = !isIndented && !head.hasColon && (head.separator === 'tab' || head.separator === 'none');
  const cut = mayBeCut && words.includes(' ') ? LABELS.entries.find((label) => label.key.startsWith(`${words} `)) : undefined;
  if (cut) return { field: cut.field, remainingWords: cut.key.slice(words.length + 1) };
  // Only a line written as a label is compared by similarity: prose is never taken for one.
  if (isIndented || !isLabelShaped(head)) return null;
  const match = LABELS.match(head.head);
  if (match.kind === 'close') return { field: match.field, remainingWords: '', close: { label: match.label } };
  if (match.kind === 'ambiguous') return { ambiguous: match.labels };
  return null;
}

/** Whether an unrecognised line is shaped like a label ("Observaciones:\t…"), not like prose. */
function looksLikeLabel(head: LineHead): boolean {
  if (!isLabelShaped(head)) return false;
  return head.separator !== 'colon' || countWords(head.head) <= MAX_UNKNOWN_LABEL_WORDS;
}

/**
 * A head written the way labels are: bold, before a tab ("Acuerdo(s) adoptado(s)\tN/A", colon or
 * not) or before a colon, starting with a capital and short enough not to be a sentence.
 */
function isLabelShaped(head: LineHead): boolean {
  if (head.head === '' || !/^\p{Lu}/u.test(head.head)) return false;
  if (head.separator === 'bold') return true;
  return (head.separator === 'tab' || head.separator === 'colon') && countWords(head.head) <= MAX_LABEL_WORDS;
}

function countWords(text: string): number {
  return text.split(/\s+/).length;
}

function toPlainDigits(superscript: string): string {
  return [...superscript].map((digit) => String(SUPERSCRIPT_DIGITS.indexOf(digit))).join('');
}

// ---------------------------------------------------------------------------------------------
// Footnotes: the "¹ Actas … <https://…>" line gives the minutes address.

function collectFootnoteUrls(footnotes: Footnote[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const footnote of footnotes) {
    const url = findUrl(footnote.parts.join(' '));
    if (url && !urls.has(footnote.marker)) urls.set(footnote.marker, url);
  }
  return urls;
}

function findMinutesUrl(footnotes: Footnote[]): string | null {
  const withUrl = footnotes.filter((footnote) => findUrl(footnote.parts.join(' ')) !== null);
  const minutes = withUrl.find((footnote) => /^actas?\b/.test(normalizeForMatch(footnote.parts.join(' ')))) ?? withUrl[0];
  return minutes ? findUrl(minutes.parts.join(' ')) : null;
}

/** The minutes footnote's words before its address ("Actas de … Disponibles en la página web del SIPINNA en Gob. Mx:"). */
function findMinutesNote(footnotes: Footnote[], minutesUrl: string | null): string | null {
  const minutes = footnotes.find((footnote) => minutesUrl !== null && findUrl(footnote.parts.join(' ')) === minutesUrl);
  if (!minutes) return null;
  const text = minutes.parts.join(' ');
  const at = text.search(URLS_IN_TEXT);
  return unescape(text.slice(0, at).trim());
}

/** The first address in the text that may be a link (http or https, see `isWebUrl`). */
function findUrl(text: string): string | null {
  for (const match of text.matchAll(URLS_IN_TEXT)) {
    const url = match[1] ?? match[2] ?? '';
    if (isWebUrl(url)) return url;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Preamble: body name, approving agreement and reporting period.

interface Preamble {
  bodyName: string;
  approvingAgreement: MechanismReport['approvingAgreement'];
  period: MechanismReport['period'];
  preamble: string[];
}

// Patterns run on accent-folded text, which keeps indexes, and take their groups from the
// original through the `d` flag's indices.
const TITLE_PATTERN =
  /^informe del mecanismo de participacion de sociedad civil, academia y sector privado\s+(?:de la|del|de)\s+(.+)$/di;
const APPROVAL_PATTERN =
  /\baprobo(?:\s+mediante\s+el\s+acuerdo\s+([^\s,]+))?\s*,\s*en\s+el\s+marco\s+de\s+la\s+(.+?)\s+(?:realizada|celebrada)\s+el\s+(.+?),\s+(.+?)\.?$/di;

function readPreamble(paragraphLines: TextLine[][], findings: Findings): Preamble {
  const paragraphs = paragraphLines
    .filter((lines) => lines.length > 0)
    .map((lines) => ({ line: lines[0]?.line ?? 1, text: lines.map((entry) => entry.text).join(' ') }));
  return {
    bodyName: readBodyName(paragraphs, findings),
    approvingAgreement: readApprovingAgreement(paragraphs, findings),
    period: readPeriod(paragraphs, findings),
    preamble: readPreambleWording(paragraphs),
  };
}

/**
 * The paragraphs between the title and the first block, as written (the legal basis, the short
 * name, the period sentence), so that the report is regenerated in the document's own words.
 */
function readPreambleWording(paragraphs: TextLine[]): string[] {
  const titleIndex = paragraphs.findIndex((paragraph) => TITLE_PATTERN.test(foldAccents(paragraph.text)));
  const systemHeading = normalizeLabel(SYSTEM_HEADING);
  return paragraphs
    .slice(titleIndex + 1)
    .filter((paragraph) => normalizeLabel(paragraph.text) !== systemHeading)
    .map((paragraph) => unescape(paragraph.text));
}

function readBodyName(paragraphs: TextLine[], findings: Findings): string {
  for (const paragraph of paragraphs) {
    const match = TITLE_PATTERN.exec(foldAccents(paragraph.text));
    if (match) return unescape(sliceGroup(paragraph.text, match, 1).trim());
  }
  findings.warnings.push(createDiagnostic('preamble.bodyMissing', 1, undefined));
  return '';
}

function readApprovingAgreement(paragraphs: TextLine[], findings: Findings): Preamble['approvingAgreement'] {
  for (const paragraph of paragraphs) {
    const match = APPROVAL_PATTERN.exec(foldAccents(paragraph.text));
    if (!match) continue;
    const sessionText = `${sliceGroup(paragraph.text, match, 2)}, ${sliceGroup(paragraph.text, match, 3)}`;
    const session = readSession(sessionText, paragraph.line, undefined, findings);
    if (!session) return null;
    const object = unescape(sliceGroup(paragraph.text, match, 4));
    // "…, el Mecanismo de participación…" becomes "Aprobación del Mecanismo de participación…".
    const text = /^el\s/i.test(object)
      ? `${APPROVAL_TEXT_PREFIX} del ${object.slice(3)}`
      : `${APPROVAL_TEXT_PREFIX} de ${object}`;
    return { code: match[1] ? unescape(sliceGroup(paragraph.text, match, 1)) : null, text, session };
  }
  findings.warnings.push(createDiagnostic('preamble.agreementMissing', 1, undefined));
  return null;
}

/** The first period the preamble mentions; one it mentions but cannot be read is an error, never dropped. */
function readPeriod(paragraphs: TextLine[], findings: Findings): Preamble['period'] {
  for (const paragraph of paragraphs) {
    const reading = findSpanishPeriod(paragraph.text);
    if (!reading) continue;
    if ('unreadable' in reading) {
      findings.errors.push(createDiagnostic('period.unreadable', paragraph.line, undefined, { value: reading.unreadable }));
      return null;
    }
    const { from, to } = reading;
    if (from > to) findings.warnings.push(createDiagnostic('period.reversed', paragraph.line, undefined, { from, to }));
    return { from, to };
  }
  findings.warnings.push(createDiagnostic('preamble.periodMissing', 1, undefined));
  return null;
}

/** A capture group of a match on folded text, read from the original (accented) text. */
function sliceGroup(original: string, match: RegExpExecArray, group: number): string {
  const span = match.indices?.[group];
  return span ? original.slice(span[0], span[1]) : '';
}

// ---------------------------------------------------------------------------------------------
// Blocks.

interface PendingEvidence {
  title: string;
  marker: string | null;
  url: string | null;
}

interface BlockContext {
  footnoteUrls: Map<string, string>;
  minutesUrl: string | null;
  period: MechanismReport['period'];
}

function buildBlock(raw: RawBlock, context: BlockContext, findings: Findings): MechanismBlock | null {
  const errorCount = findings.errors.length;
  const read = (field: ReportField): RawField | undefined => raw.fields.find((entry) => entry.field === field);
  const requireField = (field: ReportField): RawField | undefined => {
    const found = read(field);
    if (!found) findings.errors.push(createDiagnostic('field.missing', raw.line, field, { field: getFieldLabel(field) }));
    return found;
  };
  const participantsField = requireField('participants');
  const sessionField = requireField('session');
  const descriptionField = requireField('description');
  const participants = participantsField ? readParticipants(participantsField, findings) : [];
  const session = sessionField ? readSession(joinParts(sessionField), sessionField.line, 'session', findings) : null;
  const description = descriptionField ? readText(descriptionField) : '';
  if (descriptionField && description === '') {
    findings.warnings.push(createDiagnostic('field.empty', descriptionField.line, 'description'));
  }
  for (const optional of ['agreement', 'followUp', 'evidence'] as const) {
    if (!read(optional)) findings.warnings.push(createDiagnostic('field.missing', raw.line, optional, { field: getFieldLabel(optional) }));
  }
  const agreements = raw.fields
    .filter((entry) => entry.field === 'agreement')
    .map(readText)
    .filter((value) => !isNotApplicable(value))
    .map(toAgreement);
  const followUpField = read('followUp');
  const followUpText = followUpField ? readText(followUpField) : '';
  const evidenceField = read('evidence');
  const evidence = evidenceField ? resolveEvidence(evidenceField, context, findings) : [];
  if (findings.errors.length > errorCount || !session) return null;
  if (context.period && (session.date < context.period.from || session.date > context.period.to)) {
    findings.warnings.push(createDiagnostic('session.outsidePeriod', sessionField?.line ?? raw.line, 'session', { date: session.date }));
  }
  return {
    participants,
    session,
    description,
    agreements,
    followUp: isNotApplicable(followUpText) ? null : { text: followUpText, states: detectStates(followUpText) },
    evidence,
  };
}

function joinParts(field: RawField): string {
  return field.parts.filter((part) => part !== '').join(' ').trim();
}

/** A field's value as text (what the Markdown export escaped, unescaped). */
function readText(field: RawField): string {
  return unescape(joinParts(field));
}

function isNotApplicable(value: string): boolean {
  return value === '' || NOT_APPLICABLE_VALUES.has(normalizeForMatch(value));
}

function splitItems(value: string): string[] {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '' && !isNotApplicable(item));
}

function readParticipants(field: RawField, findings: Findings): string[] {
  const participants = splitItems(readText(field));
  if (participants.length === 0) findings.errors.push(createDiagnostic('field.empty', field.line, 'participants'));
  return participants;
}

const SESSION_PATTERN =
  /^(.*?)\b(?:sesion\s+(ordinaria|extraordinaria|permanente|de\s+instalacion)|(asamblea))\b\s*(?:,|\bdel?\b|\b(?:celebrada|realizada)\s+el\b)?\s*(.*)$/di;

type SessionMessageCode = 'session.kindUnreadable' | 'session.ordinalMissing' | 'ordinal.unreadable' | 'date.missing';

/** "Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022" → session, or null after an error. */
function readSession(
  value: string,
  line: number,
  field: ReportField | undefined,
  findings: Findings,
): SessionRef | null {
  const refuseSession = (code: SessionMessageCode, detail: string): null => {
    findings.errors.push(createDiagnostic(code, line, field, { value: detail }));
    return null;
  };
  const match = SESSION_PATTERN.exec(foldAccents(value));
  if (!match) return refuseSession('session.kindUnreadable', value);
  const kind = toSessionKind(match[2] ?? match[3] ?? '');
  const ordinalText = sliceGroup(value, match, 1).trim();
  const dateText = sliceGroup(value, match, 4).trim();
  const number = ordinalText === '' ? null : parseSpanishOrdinal(ordinalText);
  if (ordinalText !== '' && number === null) return refuseSession('ordinal.unreadable', ordinalText);
  if (number === null && (kind === 'ordinary' || kind === 'extraordinary')) {
    return refuseSession('session.ordinalMissing', value);
  }
  if (dateText === '') return refuseSession('date.missing', value);
  const date = readDate(dateText, line, field, findings);
  return date ? { kind, number, date } : null;
}

function toSessionKind(word: string): SessionKind {
  const normalized = normalizeForMatch(word);
  if (normalized === 'ordinaria') return 'ordinary';
  if (normalized === 'extraordinaria') return 'extraordinary';
  if (normalized === 'permanente') return 'permanent';
  if (normalized === 'asamblea') return 'assembly';
  return 'installation';
}

function readDate(text: string, line: number, field: ReportField | undefined, findings: Findings): string | null {
  const date = parseSpanishDate(text);
  if (!date) findings.errors.push(createDiagnostic('date.unreadable', line, field, { value: text }));
  return date;
}

/** An agreement value; a leading "CODE: " (as the Markdown export writes it) is split off. */
function toAgreement(value: string): AgreementRef {
  const leading = new RegExp(`^(${AGREEMENT_CODE.source})\\s*:\\s+`, 'u').exec(value);
  if (leading?.[1]) return { code: leading[1], text: value.slice(leading[0].length) };
  return { code: AGREEMENT_CODE.exec(value)?.[0] ?? null, text: value };
}

function resolveEvidence(field: RawField, context: BlockContext, findings: Findings): EvidenceRef[] {
  return splitItems(joinParts(field))
    .map(toPendingEvidence)
    .map((item) => {
      if (item.url) return { title: item.title, url: item.url };
      const footnoteUrl = item.marker === null ? undefined : context.footnoteUrls.get(item.marker);
      if (item.marker !== null && footnoteUrl === undefined) {
        findings.warnings.push(createDiagnostic('footnote.missing', field.line, 'evidence', { marker: item.marker }));
      }
      // Minutes ("Acta de la …") are published at the footnote's address even when unmarked.
      const isMinutes = /^acta\b/.test(normalizeForMatch(item.title));
      return { title: item.title, url: footnoteUrl ?? (isMinutes ? context.minutesUrl : null) };
    });
}

/** An evidence item: its title (unescaped once the address or footnote marker is taken off) and where it points. */
function toPendingEvidence(item: string): PendingEvidence {
  const explicitUrl = TRAILING_URL.exec(item);
  if (explicitUrl && isWebUrl(explicitUrl[1] ?? '')) return { title: unescape(item.slice(0, explicitUrl.index).trim()), marker: null, url: explicitUrl[1] ?? null };
  const marker = TRAILING_MARKER.exec(item);
  if (!marker) return { title: unescape(item), marker: null, url: null };
  return {
    title: unescape(item.slice(0, marker.index).trim()),
    marker: marker[1] ?? toPlainDigits(marker[2] ?? ''),
    url: null,
  };
}
