/**
 * The participation-mechanism report laid out as a document: heading, title, preamble paragraphs,
 * one table of labelled rows per block, and the minutes footnote. Both the Markdown and the Word
 * renderers write this one model, so they say the same thing in the same words; they differ only
 * in markup. Texts here are plain (not escaped for any format).
 */
import { formatSpanishDate } from '../text/dates.js';
import { isWebUrl } from '../schemas/common.js';
import {
  APPROVAL_TEXT_PREFIX,
  FIELD_LABELS,
  REPORT_TITLE_PREFIX,
  SYSTEM_HEADING,
  formatSessionTitle,
  type ReportField,
} from './messages.js';
import type { AgreementRef, MechanismBlock, MechanismReport, SessionRef } from './model.js';

/** One value of a row: text, optionally followed by a link of its own or by the minutes footnote. */
export interface ReportDocumentValue {
  text: string;
  /** An http(s) address of this value only, written after the text. */
  link: string | null;
  /** Cites the minutes footnote (always number 1). */
  citesMinutes: boolean;
}

export interface ReportDocumentRow {
  field: ReportField;
  /** The field's canonical label, without the colon. */
  label: string;
  /** Empty means "N/A". */
  values: ReportDocumentValue[];
}

export interface ReportDocument {
  heading: string;
  title: string;
  /** The document's own preamble when it was imported with one, otherwise sentences written from the data. */
  preamble: string[];
  blocks: ReportDocumentRow[][];
  /** The minutes footnote (¹): its words and the address they end with; null without an http(s) address. */
  minutesNote: { text: string; url: string } | null;
}

// Bodies named with a masculine noun take "el"/"del"; commissions, networks, etc. take "la".
const MASCULINE_BODY_HEAD = /^(?:Sistema|Comité|Consejo|Grupo|Subgrupo|Mecanismo|Pacto)\b/u;

export function buildReportDocument(report: MechanismReport): ReportDocument {
  const minutesUrl = linkTarget(report.minutesUrl);
  return {
    heading: SYSTEM_HEADING,
    title: `${REPORT_TITLE_PREFIX} ${withPreposition(report.bodyName)}`,
    preamble: report.preamble.length > 0 ? report.preamble : writePreamble(report),
    blocks: report.blocks.map((block) => buildRows(block, minutesUrl)),
    minutesNote: minutesUrl
      ? { text: report.minutesNote ?? `Actas de las sesiones ${withPreposition(report.bodyName)}. Disponibles en:`, url: minutesUrl }
      : null,
  };
}

/** "Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022". */
export function formatSessionLine(session: SessionRef): string {
  return `${formatSessionTitle(session)}, ${formatSpanishDate(session.date)}`;
}

/** "del 1 de noviembre de 2022 al 31 de octubre de 2023". */
export function formatSpanishPeriod(period: { from: string; to: string }): string {
  return `del ${formatSpanishDate(period.from)} al ${formatSpanishDate(period.to)}`;
}

function buildRows(block: MechanismBlock, minutesUrl: string | null): ReportDocumentRow[] {
  const plain = (text: string): ReportDocumentValue => ({ text, link: null, citesMinutes: false });
  const row = (field: ReportField, values: ReportDocumentValue[]): ReportDocumentRow => ({ field, label: FIELD_LABELS[field][0], values });
  return [
    row('participants', [plain(block.participants.join('; '))]),
    row('session', [plain(formatSessionLine(block.session))]),
    row('description', [plain(block.description)]),
    row('agreement', block.agreements.map((agreement) => plain(formatAgreement(agreement)))),
    row('followUp', block.followUp ? [plain(block.followUp.text)] : []),
    row(
      'evidence',
      block.evidence.map((item) => {
        const url = linkTarget(item.url);
        const citesMinutes = url !== null && url === minutesUrl;
        return { text: item.title, link: citesMinutes ? null : url, citesMinutes };
      }),
    ),
  ];
}

/** The code goes in front only when the text does not already quote it. */
function formatAgreement(agreement: AgreementRef): string {
  return agreement.code && !agreement.text.includes(agreement.code) ? `${agreement.code}: ${agreement.text}` : agreement.text;
}

/** The approval and period sentences, for a report that has no preamble of its own. */
function writePreamble(report: MechanismReport): string[] {
  const approval = report.approvingAgreement ? [writeApproval(report.bodyName, report.approvingAgreement)] : [];
  const during = report.period ? ` durante el periodo ${formatSpanishPeriod(report.period)}` : '';
  if (report.blocks.length === 0) return [...approval, `No se registraron participaciones en el marco del mecanismo${during}.`];
  const introduction = report.period
    ? `A continuación se presenta el reporte que contempla lo realizado${during}:`
    : 'A continuación se presenta el reporte:';
  return [...approval, introduction];
}

/** "La Comisión … aprobó mediante el acuerdo COMSE/SO16/02/2021, en el marco de la …, el Mecanismo …." */
function writeApproval(bodyName: string, approval: AgreementRef & { session: SessionRef }): string {
  const subject = capitalizeFirst(`${articleFor(bodyName)} ${bodyName}`);
  const how = approval.code ? ` mediante el acuerdo ${approval.code}` : '';
  const when = `en el marco de la ${formatSessionTitle(approval.session)} realizada el ${formatSpanishDate(approval.session.date)}`;
  return `${subject} aprobó${how}, ${when}, ${toApprovedObject(approval.text)}.`;
}

/** Inverse of the parser's "…, el Mecanismo…" → "Aprobación del Mecanismo…". */
function toApprovedObject(text: string): string {
  if (text.startsWith(`${APPROVAL_TEXT_PREFIX} del `)) return `el ${text.slice(APPROVAL_TEXT_PREFIX.length + 5)}`;
  if (text.startsWith(`${APPROVAL_TEXT_PREFIX} de `)) return text.slice(APPROVAL_TEXT_PREFIX.length + 4);
  return text;
}

/** An address written as a link: http(s) only. */
function linkTarget(url: string | null): string | null {
  return url !== null && isWebUrl(url) ? url : null;
}

function articleFor(bodyName: string): 'el' | 'la' {
  return MASCULINE_BODY_HEAD.test(bodyName) ? 'el' : 'la';
}

/** "de la Comisión …" / "del Sistema …". */
function withPreposition(bodyName: string): string {
  return articleFor(bodyName) === 'el' ? `del ${bodyName}` : `de la ${bodyName}`;
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
