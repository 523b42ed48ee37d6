/**
 * Survey results from the kept counts (`survey_counts`), so that a results view reads a few hundred
 * rows however many responses there are. Multiple choice is counted both ways, labelled: as a share of
 * the respondents who answered (shares add up to more than 100 %, since each may choose several) and
 * as a share of all mentions (adds up to 100 %) — mixing the two is the classic survey-tool bug.
 */
import type { TemplateDefinition } from '../questionnaires/model.js';
import type { SurveyQuestionKind } from './model.js';
import { type SurveyAnswerRow, surveyQuestions } from './survey-definition.js';

/**
 * A row of `survey_counts` within one segment. questionKey '' counts responses; optionKey '' counts the
 * respondents who answered the question (`total`: the sum of a number question's answers); any other
 * optionKey counts the respondents who chose that option or, for a number question, who answered the
 * value `String(n)`.
 */
export interface CountRow {
  questionKey: string;
  optionKey: string;
  respondents: number;
  total: number | null;
}

/** A count row with its segment: kind `all` (segment ''), `state`, `sector` or `commission`. */
export interface SegmentCountRow extends CountRow {
  segmentKind: string;
  segment: string;
}

export interface OptionResult {
  key: string;
  label: string;
  respondents: number;
  mentions: number;
  /** respondents ÷ respondents who answered the question; null when nobody did. */
  shareOfRespondents: number | null;
  /** mentions ÷ all mentions of the question; null when there are none. */
  shareOfMentions: number | null;
}

export interface NumberSummary {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface QuestionResult {
  key: string;
  number: string;
  text: string;
  kind: SurveyQuestionKind;
  /** Respondents who answered the question. */
  answers: number;
  /** Options chosen, all respondents together (= answers unless several options may be chosen). */
  mentions: number;
  /** In the definition's order, never-chosen options with 0. */
  options: OptionResult[];
  /** Number questions, and rating questions whose option keys are numbers ('1'…'5'). */
  numberSummary: NumberSummary | null;
}

const NUMERIC_KEY = /^-?\d+(?:\.\d+)?$/;

/** The results of every question of a survey, from the count rows of one segment. */
export function questionResults(definition: TemplateDefinition, counts: readonly CountRow[]): QuestionResult[] {
  const byQuestion = new Map<string, Map<string, CountRow>>();
  for (const row of counts) {
    let rows = byQuestion.get(row.questionKey);
    if (!rows) byQuestion.set(row.questionKey, (rows = new Map()));
    rows.set(row.optionKey, row);
  }
  return surveyQuestions(definition).map((question) => {
    const rows = byQuestion.get(question.key) ?? new Map<string, CountRow>();
    const summary = rows.get('');
    const answers = summary?.respondents ?? 0;
    const kind = question.kind as SurveyQuestionKind;
    const chosen = question.options.map((option) => ({ option, respondents: rows.get(option.key)?.respondents ?? 0 }));
    const isChoice = kind === 'single_choice' || kind === 'multiple_choice' || kind === 'rating';
    const mentions = isChoice ? chosen.reduce((sum, c) => sum + c.respondents, 0) : answers;
    const options: OptionResult[] = isChoice
      ? chosen.map(({ option, respondents }) => {
          const shareOfRespondents = answers > 0 ? respondents / answers : null;
          // One option per respondent: a mention is a respondent, and the two shares are one.
          const shareOfMentions = kind === 'multiple_choice' ? (mentions > 0 ? respondents / mentions : null) : shareOfRespondents;
          return { key: option.key, label: option.label, respondents, mentions: respondents, shareOfRespondents, shareOfMentions };
        })
      : [];
    let numberSummary: NumberSummary | null = null;
    if (kind === 'number') {
      const values = [...rows.values()].filter((row) => row.optionKey !== '').map((row) => ({ value: Number(row.optionKey), respondents: row.respondents }));
      numberSummary = summarize(values, summary?.total ?? null);
    } else if (kind === 'rating' && question.options.every((option) => NUMERIC_KEY.test(option.key))) {
      numberSummary = summarize(
        chosen.map(({ option, respondents }) => ({ value: Number(option.key), respondents })),
        null,
      );
    }
    return { key: question.key, number: question.number, text: question.text, kind, answers, mentions, options, numberSummary };
  });
}

/** Count, mean, median, min and max of values given with how many answered each; `total` is the kept sum when known. */
function summarize(values: readonly { value: number; respondents: number }[], total: number | null): NumberSummary | null {
  const present = values.filter((v) => v.respondents > 0 && Number.isFinite(v.value)).sort((a, b) => a.value - b.value);
  const count = present.reduce((sum, v) => sum + v.respondents, 0);
  if (count === 0) return null;
  const sum = total ?? present.reduce((acc, v) => acc + v.value * v.respondents, 0);
  // The value at a 1-based position of the sorted answers.
  const at = (position: number) => {
    let seen = 0;
    for (const v of present) {
      seen += v.respondents;
      if (seen >= position) return v.value;
    }
    return present[present.length - 1]!.value;
  };
  const median = count % 2 === 1 ? at((count + 1) / 2) : (at(count / 2) + at(count / 2 + 1)) / 2;
  return { count, mean: sum / count, median, min: present[0]!.value, max: present[present.length - 1]!.value };
}

/** A response as counted: its answer rows and the segments it belongs to (copied from the member when written). */
export interface CountedResponse {
  segments?: readonly { kind: string; segment: string }[];
  rows: readonly SurveyAnswerRow[];
}

/**
 * The `survey_counts` rows of a set of responses, from scratch: each response counts in segment
 * (`all`, '') and in each of its segments. The reference for the counts the server keeps as responses
 * come in (and what it rebuilds them with). Sorted by segment kind, segment, question and option.
 */
export function countResponses(responses: readonly CountedResponse[]): SegmentCountRow[] {
  const counts = new Map<string, SegmentCountRow>();
  const add = (segmentKind: string, segment: string, questionKey: string, optionKey: string, value: number | null) => {
    const id = JSON.stringify([segmentKind, segment, questionKey, optionKey]);
    let row = counts.get(id);
    if (!row) counts.set(id, (row = { segmentKind, segment, questionKey, optionKey, respondents: 0, total: null }));
    row.respondents += 1;
    if (value !== null) row.total = (row.total ?? 0) + value;
  };
  for (const response of responses) {
    // What this response adds, each key once: a respondent is counted once per question and option.
    const entries = new Map<string, { questionKey: string; optionKey: string; value: number | null }>();
    const enter = (questionKey: string, optionKey: string, value: number | null) => {
      const id = JSON.stringify([questionKey, optionKey]);
      const entry = entries.get(id);
      if (!entry) entries.set(id, { questionKey, optionKey, value });
      else if (value !== null) entry.value = (entry.value ?? 0) + value;
    };
    enter('', '', null);
    for (const row of response.rows) {
      enter(row.questionKey, '', row.number);
      if (row.optionKey !== null) enter(row.questionKey, row.optionKey, null);
      else if (row.number !== null) enter(row.questionKey, String(row.number), null);
    }
    // A segment named twice (the same commission) still counts the response once.
    const segments = new Map([{ kind: 'all', segment: '' }, ...(response.segments ?? [])].map((s) => [JSON.stringify([s.kind, s.segment]), s]));
    for (const { kind, segment } of segments.values()) {
      for (const entry of entries.values()) add(kind, segment, entry.questionKey, entry.optionKey, entry.value);
    }
  }
  const order = (row: SegmentCountRow) => [row.segmentKind, row.segment, row.questionKey, row.optionKey];
  return [...counts.values()].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });
}
