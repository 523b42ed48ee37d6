/**
 * What `telar import questionnaire --dry-run --json` prints: enough to check an import before
 * writing it (counts, the closed questions and their marks, the warnings with their lines).
 */
import { CLOSED_KINDS, type ImportDiagnostic, type ImportedQuestionnaire, type QuestionKind } from './model.js';
import { isAnswered } from './parse.js';

export interface ImportSummary {
  title: string;
  reference: string | null;
  date: string | null;
  questions: number;
  answers: number;
  contributors: string[];
  closed: { number: string; kind: QuestionKind; options: string[]; marked: string[] }[];
  tables: number;
  footnotes: number;
  warnings: ImportDiagnostic[];
}

export function summarizeImport(questionnaire: ImportedQuestionnaire): ImportSummary {
  const texts = [questionnaire.coverNote, questionnaire.preamble, ...questionnaire.questions.map((question) => question.answer)].filter((text) => text !== null);
  return {
    title: questionnaire.title,
    reference: questionnaire.reference,
    date: questionnaire.date,
    questions: questionnaire.questions.length,
    answers: questionnaire.questions.filter(isAnswered).length,
    contributors: questionnaire.contributors,
    closed: questionnaire.questions
      .filter((question) => CLOSED_KINDS.includes(question.kind))
      .map((question) => ({
        number: question.number,
        kind: question.kind,
        options: question.options.map((option) => option.label),
        marked: question.options.filter((option) => option.marked).map((option) => option.label),
      })),
    tables: texts.reduce((count, text) => count + text.blocks.filter((block) => block.type === 'table').length, 0),
    footnotes: texts.reduce((count, text) => count + text.footnotes.length, 0),
    warnings: questionnaire.warnings.map(({ line, message }) => ({ line, message })),
  };
}
