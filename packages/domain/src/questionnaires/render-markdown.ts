/**
 * A consolidated reply as Markdown (GFM: pipe tables, `[^n]` footnotes) and as JSON. Every text a
 * person wrote is escaped so that it shows as written: nothing in it becomes HTML, a link, emphasis,
 * a heading or a list (markdown-text.ts for "<", ">" and "](", here for the rest).
 */
import { escapeMarkdownText } from '../mechanism-report/markdown-text.js';
import type { Block, ConsolidatedReply, Inline, ReplyQuestion, RichText } from './model.js';
import { attributionOf, numberFootnotes, placeAndDate, questionLabel, replyPlainText, type NumberedFootnotes } from './reply-text.js';

/** Markdown punctuation a text may hold; a run of backslashes before one is doubled and one more added. */
const MARKDOWN_PUNCTUATION = /(\\*)([`*_[\]|~&])/g;

/** A text shown literally in Markdown, on one line. */
export function escapeReplyText(text: string): string {
  return escapeMarkdownText(text.replace(MARKDOWN_PUNCTUATION, (_, slashes: string, character: string) => `${slashes}${slashes}\\${character}`));
}

/** At the start of a paragraph or item, "#", "-", "+", "=" or "1." would start a heading or a list. */
const escapeLineStart = (text: string) => text.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');

/** Neighbouring runs of one style make one, so that "**a****b**" is never written. */
function mergeRuns(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    const sameStyle = last && !last.footnote && !run.footnote && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic) && last.href === run.href;
    if (sameStyle) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push(run);
  }
  return merged;
}

function runsMarkdown(runs: Inline[], footnotes: NumberedFootnotes): string {
  const text = mergeRuns(runs)
    .map((run) => {
      if (run.footnote !== undefined) {
        const number = footnotes.numbers.get(run.footnote);
        return number === undefined ? '' : `[^${number}]`;
      }
      let inner = escapeReplyText(run.text);
      if (run.href) inner = `[${inner}](${run.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
      const marker = `${run.bold ? '**' : ''}${run.italic ? '*' : ''}`;
      if (!marker || inner.trim() === '') return inner;
      // Emphasis must touch its text: spaces at the edges stay outside the markers.
      const [, before, core, after] = /^(\s*)(.*?)(\s*)$/s.exec(inner)!;
      return `${before}${marker}${core}${[...marker].reverse().join('')}${after}`;
    })
    .join('');
  return escapeLineStart(text.trim());
}

function tableMarkdown(header: string[], rows: string[][]): string {
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, index) => escapeReplyText(cells[index] ?? '')).join(' | ')} |`;
  return [line(header), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n');
}

function blockMarkdown(block: Block, footnotes: NumberedFootnotes): string {
  switch (block.type) {
    case 'paragraph':
      return runsMarkdown(block.content, footnotes);
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${runsMarkdown(item, footnotes)}`).join('\n');
    case 'table':
      return [...(block.caption ? [`*${escapeReplyText(block.caption)}*`] : []), tableMarkdown(block.header, block.rows)].join('\n\n');
  }
}

/** A text's blocks, then its footnotes' definitions (Markdown readers show them at the end of the page). */
function richTextMarkdown(text: RichText, footnotes: NumberedFootnotes): string[] {
  return [
    ...text.blocks.map((block) => blockMarkdown(block, footnotes)),
    ...footnotes.notes.map((note) => `[^${note.number}]: ${runsMarkdown(note.content, footnotes)}`),
  ].filter((part) => part !== '');
}

/** What a question's answer shows beside its text: the options (☒ marked, ☐ not), a number, a date, a table's rows. */
function answerExtrasMarkdown(question: ReplyQuestion): string[] {
  const { answer } = question;
  const parts: string[] = [];
  if (question.options.length) parts.push(question.options.map((option) => `- ${option.marked ? '☒' : '☐'} ${escapeReplyText(option.label)}`).join('\n'));
  if (answer.otherText) parts.push(`Otro: ${escapeReplyText(answer.otherText)}`);
  if (answer.number !== null) parts.push(escapeLineStart(String(answer.number)));
  if (answer.date !== null) parts.push(placeAndDate({ place: null, date: answer.date }));
  if (answer.rows.length) parts.push(tableMarkdown(question.columns, answer.rows));
  return parts;
}

/** The heading lines: the title, then who it is for, its reference and its place and date. */
function headingMarkdown(reply: ConsolidatedReply): string[] {
  const details = [
    reply.recipient ? `**Para:** ${escapeReplyText(reply.recipient)}` : '',
    reply.reference ? `**Referencia:** ${escapeReplyText(reply.reference)}` : '',
    escapeReplyText(placeAndDate(reply)),
  ].filter((part) => part !== '');
  return [`# ${escapeReplyText(reply.title)}`, ...(details.length ? [details.join(' · ')] : [])];
}

/** The «Aportaciones» annex: per question, each block's first words and who wrote it. */
export function renderContributionsAnnexMarkdown(reply: ConsolidatedReply): string {
  const questions = attributionOf(reply).map((question) =>
    [
      `**${escapeReplyText(questionLabel(question))} ${escapeReplyText(question.text)}**`,
      question.blocks.map((block, index) => `${index + 1}. «${escapeReplyText(block.excerpt)}» — ${block.contributors.map(escapeReplyText).join(', ')}`).join('\n'),
    ].join('\n\n'),
  );
  return ['## Aportaciones', ...(questions.length ? questions : ['Ninguna respuesta tiene texto.'])].join('\n\n');
}

/** The reply as Markdown: heading, cover note, each question and its answer, footnotes numbered across the reply, the annex. */
export function renderReplyMarkdown(reply: ConsolidatedReply): string {
  const [coverFootnotes, ...answerFootnotes] = numberFootnotes([reply.coverNote ?? { blocks: [], footnotes: [] }, ...reply.questions.map((question) => question.answer.text)]);
  const parts = [...headingMarkdown(reply), ...(reply.coverNote ? richTextMarkdown(reply.coverNote, coverFootnotes!) : [])];
  let section: string | null = null;
  reply.questions.forEach((question, index) => {
    if (question.section && question.section !== section) parts.push(`## ${escapeReplyText(question.section)}`);
    section = question.section;
    parts.push(
      `**${escapeReplyText(questionLabel(question))} ${escapeReplyText(question.text)}**`,
      ...answerExtrasMarkdown(question),
      ...richTextMarkdown(question.answer.text, answerFootnotes[index]!),
    );
  });
  parts.push(renderContributionsAnnexMarkdown(reply));
  return `${parts.join('\n\n')}\n`;
}

/** The JSON export: the reply's heading and, per question, its answer as plain text, the marked options and the contributors. */
export interface ReplyJson {
  title: string;
  reference: string | null;
  date: string | null;
  recipient: string | null;
  place: string | null;
  questions: {
    number: string;
    text: string;
    section: string | null;
    kind: ReplyQuestion['kind'];
    answer: string;
    marked: string[];
    contributors: string[];
  }[];
}

export function replyJson(reply: ConsolidatedReply): ReplyJson {
  return {
    title: reply.title,
    reference: reply.reference,
    date: reply.date,
    recipient: reply.recipient,
    place: reply.place,
    questions: reply.questions.map((question) => ({
      number: question.number,
      text: question.text,
      section: question.section,
      kind: question.kind,
      answer: replyPlainText(question.answer, question.columns),
      marked: question.options.filter((option) => option.marked).map((option) => option.label),
      contributors: question.contributors,
    })),
  };
}

export function renderReplyJson(reply: ConsolidatedReply): string {
  return `${JSON.stringify(replyJson(reply), null, 2)}\n`;
}
