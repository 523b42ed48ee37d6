/**
 * The participation-mechanism report as Markdown, from the same document model as the Word report
 * (document.ts). Written so that `parseMechanismReport` reads it back to an equal report: values are
 * written as they are except for what could turn into HTML or a link (see markdown-text.ts), one
 * field per list item, the minutes as footnote 1 (`[^1]`, which CommonMark/GFM readers show as a
 * footnote). Only http(s) addresses become links.
 */
import { buildReportDocument, type ReportDocumentRow, type ReportDocumentValue } from './document.js';
import { escapeMarkdownText as escape } from './markdown-text.js';
import { NOT_APPLICABLE } from './messages.js';
import type { MechanismReport } from './model.js';

const MINUTES_FOOTNOTE = '[^1]';

/** Renders the report as Markdown that `parseMechanismReport` reads back to an equal report. */
export function renderMechanismReportMarkdown(report: MechanismReport): string {
  const document = buildReportDocument(report);
  const sections = [
    `**${document.heading}**`,
    `# ${escape(document.title)}`,
    ...document.preamble.map(escape),
    ...document.blocks.map((rows, index) => [`## Participación ${index + 1}`, rows.flatMap(renderRow).join('\n')].join('\n\n')),
    ...(document.minutesNote ? [`${MINUTES_FOOTNOTE}: ${escape(document.minutesNote.text)} <${document.minutesNote.url}>`] : []),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** Agreements take one list item each; evidence items share one, separated by ";". */
function renderRow(row: ReportDocumentRow): string[] {
  const item = (value: string) => `- **${row.label}:** ${value}`.trimEnd();
  if (row.values.length === 0) return [item(NOT_APPLICABLE)];
  if (row.field === 'agreement') return row.values.map((value) => item(renderValue(value)));
  return [item(row.values.map(renderValue).join('; '))];
}

function renderValue(value: ReportDocumentValue): string {
  const text = escape(value.text);
  if (value.citesMinutes) return `${text} ${MINUTES_FOOTNOTE}`;
  return value.link ? `${text} <${value.link}>` : text;
}
