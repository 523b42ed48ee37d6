/**
 * The participation-mechanism report as Markdown, in the structure of the published report
 * (seed 000). Written so that `parseMechanismReport` reads it back to an equal report: values are
 * written as they are except for what could turn into HTML or a link (see markdown-text.ts), one
 * field per list item, the minutes as footnote 1. Only http(s) addresses become links.
 */
import { isWebUrl } from '../schemas/common.js';
import { formatSpanishDate } from '../text/dates.js';
import { escapeMarkdownText as escape } from './markdown-text.js';
import {
  APPROVAL_TEXT_PREFIX,
  FIELD_LABELS,
  NOT_APPLICABLE,
  REPORT_TITLE_PREFIX,
  SYSTEM_HEADING,
  formatSessionTitle,
  type ReportField,
} from './messages.js';
import type { AgreementRef, EvidenceRef, MechanismBlock, MechanismReport, SessionRef } from './model.js';

const MINUTES_FOOTNOTE = '[^1]';
// Bodies named with a masculine noun take "el"/"del"; commissions, networks, etc. take "la".
const MASCULINE_BODY_HEAD = /^(?:Sistema|Comité|Consejo|Grupo|Subgrupo|Mecanismo|Pacto)\b/u;

/** Renders the report as Markdown that `parseMechanismReport` reads back to an equal report. */
export function renderMechanismReportMarkdown(report: MechanismReport): string {
  const bodyName = escape(report.bodyName);
  const minutesUrl = linkTarget(report.minutesUrl);
  const sections = [
    `**${SYSTEM_HEADING}**`,
    `# ${REPORT_TITLE_PREFIX} ${withPreposition(bodyName)}`,
    ...(report.approvingAgreement ? [renderApproval(bodyName, report.approvingAgreement)] : []),
    renderPeriodIntroduction(report.period),
    ...report.blocks.map((block, index) => renderBlock(block, index + 1, minutesUrl)),
    ...(minutesUrl ? [renderMinutesFootnote(bodyName, minutesUrl)] : []),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** An address written as a link: http(s) only; anything else is left out rather than written as a target. */
function linkTarget(url: string | null): string | null {
  return url !== null && isWebUrl(url) ? url : null;
}

/** "La Comisión … aprobó mediante el acuerdo COMSE/SO16/02/2021, en el marco de la …" (the body name comes escaped). */
function renderApproval(bodyName: string, approval: AgreementRef & { session: SessionRef }): string {
  const subject = capitalizeFirst(`${articleFor(bodyName)} ${bodyName}`);
  const how = approval.code ? ` mediante el acuerdo ${escape(approval.code)}` : '';
  const when = `en el marco de la ${formatSessionTitle(approval.session)} realizada el ${formatSpanishDate(approval.session.date)}`;
  return `${subject} aprobó${how}, ${when}, ${escape(toApprovedObject(approval.text))}.`;
}

/** Inverse of the parser's "…, el Mecanismo…" → "Aprobación del Mecanismo…". */
function toApprovedObject(text: string): string {
  if (text.startsWith(`${APPROVAL_TEXT_PREFIX} del `)) return `el ${text.slice(APPROVAL_TEXT_PREFIX.length + 5)}`;
  if (text.startsWith(`${APPROVAL_TEXT_PREFIX} de `)) return text.slice(APPROVAL_TEXT_PREFIX.length + 4);
  return text;
}

function renderPeriodIntroduction(period: MechanismReport['period']): string {
  if (!period) return 'A continuación se presenta el reporte:';
  return `A continuación se presenta el reporte que contempla lo realizado durante el periodo del ${formatSpanishDate(period.from)} al ${formatSpanishDate(period.to)}:`;
}

function renderBlock(block: MechanismBlock, position: number, minutesUrl: string | null): string {
  const agreementValues = block.agreements.length > 0 ? block.agreements.map(renderAgreement) : [NOT_APPLICABLE];
  const fields: [ReportField, string][] = [
    ['participants', escape(block.participants.join('; '))],
    ['session', `${formatSessionTitle(block.session)}, ${formatSpanishDate(block.session.date)}`],
    ['description', escape(block.description)],
    ...agreementValues.map((value): [ReportField, string] => ['agreement', value]),
    ['followUp', block.followUp ? escape(block.followUp.text) : NOT_APPLICABLE],
    ['evidence', block.evidence.length > 0 ? block.evidence.map((item) => renderEvidence(item, minutesUrl)).join('; ') : NOT_APPLICABLE],
  ];
  const items = fields.map(([field, value]) => `- **${FIELD_LABELS[field][0]}:** ${value}`.trimEnd());
  return [`## Participación ${position}`, items.join('\n')].join('\n\n');
}

/** The code goes in front only when the text does not already quote it. */
function renderAgreement(agreement: AgreementRef): string {
  return escape(agreement.code && !agreement.text.includes(agreement.code) ? `${agreement.code}: ${agreement.text}` : agreement.text);
}

/** `minutesUrl` is the report's, already checked as a link target. */
function renderEvidence(evidence: EvidenceRef, minutesUrl: string | null): string {
  const title = escape(evidence.title);
  const url = linkTarget(evidence.url);
  if (url === null) return title;
  return url === minutesUrl ? `${title} ${MINUTES_FOOTNOTE}` : `${title} <${url}>`;
}

function renderMinutesFootnote(bodyName: string, minutesUrl: string): string {
  return `${MINUTES_FOOTNOTE}: Actas de las sesiones ${withPreposition(bodyName)}. Disponibles en: <${minutesUrl}>`;
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
