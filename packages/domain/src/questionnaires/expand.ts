/**
 * An exercise's questions from its template version: repeated questions become one question per
 * node of the exercise's plan, the placeholders of their texts filled in, and numbers shifted so
 * they stay consecutive.
 */
import { formatSpanishDate } from '../text/dates.js';
import type { Answer, Block, Inline, QuestionDefinition, TemplateDefinition } from './model.js';

/** A plan node as the expansion needs it, in plan order (parents before children, siblings by position). */
export interface ExpansionNode {
  id: string;
  kind: string;
  code: string;
  title: string;
  status: string | null;
  /** A dated node (a next step "for 2025") is asked about only in exercises whose period it overlaps. */
  startDate?: string | null;
  dueDate?: string | null;
}

export interface ExpansionContext {
  planNodes: readonly ExpansionNode[];
  periodFrom: string | null;
  periodTo: string | null;
  /** The plan's statuses, to write a node's status as its label. */
  statuses: readonly { key: string; label: string }[];
}

/** One question of an exercise, ready to be stored. */
export interface ExpandedQuestion {
  key: string;
  /** 0-based order within the exercise. */
  position: number;
  number: string;
  text: string;
  /** The section's title, when it has one. */
  section: string | null;
  /** The template question with its number and texts as the exercise shows them. */
  definition: QuestionDefinition;
  planNodeId: string | null;
}

const NUMERIC = /^\d+$/;
const NO_STATUS = 'sin estado registrado';

/** "enero de 2025": the month and year of an ISO date, in words. */
const monthAndYear = (isoDate: string) => formatSpanishDate(isoDate).replace(/^\d+ de /, '');

/** The period in words ("enero de 2025 a diciembre de 2025"), or null when either end is missing. */
export function describePeriodEs(periodFrom: string | null, periodTo: string | null): string | null {
  return periodFrom && periodTo ? `${monthAndYear(periodFrom)} a ${monthAndYear(periodTo)}` : null;
}

/**
 * Replaces each `{name}` with its value; placeholders without a value stay as written, for the coordinator
 * to see. Besides a node's `{codigo}`, `{titulo}`, `{estado}` and `{n}` (its place among the repeated
 * questions), the period gives `{periodo}`, `{inicio}` and `{fin}` ("enero de 2025") and the years
 * `{año}`, `{año_anterior}` and `{año_siguiente}` (of the period's end), as recipients word them
 * ("Desde {inicio}, ¿qué progresos…", "informe anual {año_anterior}-{año}").
 */
const fill = (text: string, values: Record<string, string | null>) =>
  text.replace(/\{(codigo|titulo|estado|n|periodo|inicio|fin|año|año_anterior|año_siguiente)\}/g, (whole, name: string) => values[name] ?? whole);

function periodValues(periodFrom: string | null, periodTo: string | null): Record<string, string | null> {
  const year = periodTo ? Number(periodTo.slice(0, 4)) : null;
  return {
    periodo: describePeriodEs(periodFrom, periodTo),
    inicio: periodFrom ? monthAndYear(periodFrom) : null,
    fin: periodTo ? monthAndYear(periodTo) : null,
    año: year === null ? null : String(year),
    año_anterior: year === null ? null : String(year - 1),
    año_siguiente: year === null ? null : String(year + 1),
  };
}

/** Whether a node's dates (when it has them) overlap the exercise's period (when it has one). */
const isWithinPeriod = (node: ExpansionNode, periodFrom: string | null, periodTo: string | null) =>
  (!periodFrom || !node.dueDate || node.dueDate >= periodFrom) && (!periodTo || !node.startDate || node.startDate <= periodTo);

const fillNullable = (text: string | null, values: Record<string, string | null>) => (text === null ? null : fill(text, values));

export function expandQuestions(definition: TemplateDefinition, context: ExpansionContext): ExpandedQuestion[] {
  const period = periodValues(context.periodFrom, context.periodTo);
  const statusLabels = new Map(context.statuses.map((s) => [s.key, s.label]));
  const expanded: ExpandedQuestion[] = [];
  // Numeric numbers are renumbered in sequence, so that a question repeated over n nodes pushes the following ones by n − 1.
  let lastNumber = 0;
  const nextNumber = (original: string, instance: number | null) => {
    if (NUMERIC.test(original)) return String(++lastNumber);
    return instance === null ? original : `${original}.${instance + 1}`;
  };
  // A status question over the plan offers the plan's own statuses, as the exercise was created.
  const optionsOf = (question: QuestionDefinition) =>
    question.kind === 'status' && question.statusSource === 'plan' ? context.statuses.map(({ key, label }) => ({ key, label })) : question.options;
  const add = (question: QuestionDefinition, section: string | null, number: string, values: Record<string, string | null>, planNodeId: string | null) => {
    const text = fill(question.text, values);
    expanded.push({
      key: question.key,
      position: expanded.length,
      number,
      text,
      section,
      definition: { ...question, number, text, help: fillNullable(question.help, values), editorialNote: fillNullable(question.editorialNote, values), options: optionsOf(question) },
      planNodeId,
    });
  };
  for (const section of definition.sections) {
    const sectionTitle = section.title ? fill(section.title, period) : null;
    for (const question of section.questions) {
      if (!question.repeat) {
        add(question, sectionTitle, nextNumber(question.number, null), period, null);
        continue;
      }
      const nodes = context.planNodes.filter((node) => node.kind === question.repeat!.nodeKind && isWithinPeriod(node, context.periodFrom, context.periodTo));
      nodes.forEach((node, instance) => {
        const estado = node.status === null ? NO_STATUS : (statusLabels.get(node.status) ?? node.status);
        add(question, sectionTitle, nextNumber(question.number, instance), { ...period, codigo: node.code, titulo: node.title, estado, n: String(instance + 1) }, node.id);
      });
    }
  }
  return expanded;
}

/** Whether a template has questions repeated over a plan's nodes (an exercise of it then needs a plan). */
export const hasRepeatedQuestions = (definition: TemplateDefinition) => definition.sections.some((s) => s.questions.some((q) => q.repeat !== null));

export const countQuestions = (definition: TemplateDefinition) => definition.sections.reduce((n, s) => n + s.questions.length, 0);

const isBlank = (text: string | null | undefined) => !text || text.trim() === '';
const inlinesEmpty = (inlines: readonly Inline[]) => inlines.every((inline) => isBlank(inline.text));
const blockEmpty = (block: Block) => {
  if (block.type === 'paragraph') return inlinesEmpty(block.content);
  if (block.type === 'list') return block.items.every(inlinesEmpty);
  return block.rows.every((row) => row.every(isBlank));
};

/** Whether an answer says nothing: no text, no choice, no number, date or table cell. */
export function isAnswerEmpty(answer: Answer): boolean {
  return (
    answer.text.blocks.every(blockEmpty) &&
    answer.selected.length === 0 &&
    isBlank(answer.otherText) &&
    answer.number === null &&
    answer.date === null &&
    answer.rows.every((row) => row.every(isBlank))
  );
}

/** The words of an answer in one line, for the audit trail (choices as their keys). */
export function answerPlainText(answer: Answer): string {
  const inlineText = (inlines: readonly Inline[]) => inlines.map((inline) => inline.text).join('');
  const parts = answer.text.blocks.flatMap((block) =>
    block.type === 'paragraph' ? [inlineText(block.content)] : block.type === 'list' ? block.items.map(inlineText) : block.rows.map((row) => row.join(' | ')),
  );
  parts.push(...answer.selected, ...(answer.otherText ? [answer.otherText] : []), ...answer.rows.map((row) => row.join(' | ')));
  if (answer.number !== null) parts.push(String(answer.number));
  if (answer.date !== null) parts.push(answer.date);
  return parts.filter((part) => !isBlank(part)).join(' / ');
}
