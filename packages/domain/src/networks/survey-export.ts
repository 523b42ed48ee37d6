/**
 * A survey's results as files: the JSON the command line prints (`telar export survey-results`) and a
 * CSV for people. Both take results already cut to what the caller may show (a segment too small is
 * never passed in), so the exports cannot show more than the screen.
 */
import { type CsvColumn, writeCsv } from '../csv/write-csv.js';
import type { SurveyQuestionKind } from './model.js';
import type { QuestionResult } from './survey-results.js';

/** The kinds as the questionnaire catalogue words them. */
export const SURVEY_QUESTION_KIND_LABELS: Record<SurveyQuestionKind, string> = {
  single_choice: 'Opción única',
  multiple_choice: 'Opción múltiple',
  rating: 'Calificación',
  open: 'Abierta',
  number: 'Número',
};

export interface SurveyExportHeading {
  title: string;
  invited: number;
  responses: number;
}

export interface ThemeCount {
  label: string;
  count: number;
}

/** Responses ÷ invited, to 4 decimals; null when nobody was invited (a rate of nothing is not 0). */
export function responseRate(responses: number, invited: number): number | null {
  return invited > 0 ? Math.round((responses / invited) * 10_000) / 10_000 : null;
}

export interface SurveyResultsJson {
  survey: string;
  invited: number;
  responses: number;
  responseRate: number | null;
  questions: { text: string; kind: SurveyQuestionKind; answers: number; options: { label: string; respondents: number; mentions: number }[]; themes: ThemeCount[] }[];
}

/** Exactly the shape issue 13 gives the command line; `themes` by question key (open questions). */
export function surveyResultsJson(survey: SurveyExportHeading, questions: readonly QuestionResult[], themes: Readonly<Record<string, readonly ThemeCount[]>>): SurveyResultsJson {
  return {
    survey: survey.title,
    invited: survey.invited,
    responses: survey.responses,
    responseRate: responseRate(survey.responses, survey.invited),
    questions: questions.map((question) => ({
      text: question.text,
      kind: question.kind,
      answers: question.answers,
      options: question.options.map((option) => ({ label: option.label, respondents: option.respondents, mentions: option.mentions })),
      themes: (Object.hasOwn(themes, question.key) ? (themes[question.key] ?? []) : []).map((theme) => ({ label: theme.label, count: theme.count })),
    })),
  };
}

interface CsvLine {
  question: QuestionResult;
  option: QuestionResult['options'][number] | null;
  theme: ThemeCount | null;
}

/** A share as a percentage with one decimal; blank when there is no share. */
const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

/**
 * CSV for people: `#` lines with the survey, invited, responses and response rate; then one row per
 * option of a closed question and per theme of an open one (a question with neither gets one row),
 * both shares labelled, since a multiple choice's shares of respondents add up to more than 100 %.
 */
export function surveyResultsCsv(survey: SurveyExportHeading, questions: readonly QuestionResult[], themes: Readonly<Record<string, readonly ThemeCount[]>>): string {
  const lines: CsvLine[] = questions.flatMap((question) => {
    const questionThemes = Object.hasOwn(themes, question.key) ? (themes[question.key] ?? []) : [];
    const rows: CsvLine[] = [...question.options.map((option) => ({ question, option, theme: null })), ...questionThemes.map((theme) => ({ question, option: null, theme }))];
    return rows.length ? rows : [{ question, option: null, theme: null }];
  });
  const columns: CsvColumn<CsvLine>[] = [
    { header: 'Pregunta', value: (l) => `${l.question.number}. ${l.question.text}` },
    { header: 'Tipo', value: (l) => SURVEY_QUESTION_KIND_LABELS[l.question.kind] },
    { header: 'Respuestas', value: (l) => l.question.answers },
    { header: 'Opción', value: (l) => l.option?.label },
    { header: 'Respondentes', value: (l) => l.option?.respondents },
    { header: '% de respondentes', value: (l) => percent(l.option?.shareOfRespondents) },
    { header: 'Menciones', value: (l) => l.option?.mentions },
    { header: '% de menciones', value: (l) => percent(l.option?.shareOfMentions) },
    { header: 'Tema', value: (l) => l.theme?.label },
    { header: 'Número de respuestas', value: (l) => l.theme?.count },
  ];
  const rate = responseRate(survey.responses, survey.invited);
  const comments = [
    // A double quote would open a quoted field across lines for CSV readers that do not skip `#` lines.
    `Encuesta: ${survey.title.replaceAll('"', '”')}`,
    `Integrantes invitados: ${survey.invited}; respuestas: ${survey.responses}; tasa de respuesta: ${rate === null ? 'sin invitaciones' : `${percent(rate)} %`}`,
    '% de respondentes: de quienes respondieron la pregunta (en opción múltiple suman más de 100); % de menciones: de todas las opciones elegidas',
  ];
  return writeCsv(lines, columns, { comments });
}
