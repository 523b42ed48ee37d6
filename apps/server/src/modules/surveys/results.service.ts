import {
  MIN_SEGMENT_RESPONDENTS,
  OTHER_SEGMENT,
  type PublicSurveySummaryView,
  SECTOR_LABELS,
  type SegmentKind,
  SEGMENT_KINDS,
  type SurveyOpenAnswerView,
  type SurveyResultsQuery,
  type SurveyResultsView,
  type CountRow,
  type SurveyThemeView,
  type TemplateDefinition,
  findStateByIso,
  questionResults,
  responseRate,
  SURVEY_QUESTION_KIND_LABELS,
  surveyResultsCsv,
  surveyResultsJson,
  protectOverlappingSegments,
  protectSegments,
  type SegmentCount,
  type SegmentOverlap,
  surveyQuestions,
  mexicoCityDay,
  type SurveyAnswerThemesSchema,
  type SurveyThemeCreateSchema,
  type SurveyThemeUpdateSchema,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { requireBodyManager } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { type DownloadFile, renderTableFile, type TableColumn } from '../../platform/documents/table-file.js';
import { DomainError, invalidField, notFound, rethrowDuplicateAs } from '../../platform/errors.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { describeActor } from '../../platform/auth/actor.js';
import {
  archiveTheme,
  countInvited,
  findOpenAnswer,
  findResultsSurvey,
  findSurveysByTitleOrId,
  findTheme,
  findThemes,
  insertTheme,
  listOpenAnswers,
  listPublishedSurveys,
  readCounts,
  readSegmentNames,
  readCommissionOverlaps,
  readSegmentSizes,
  readThemeResults,
  replaceAnswerThemes,
  type ResultsSurveyRow,
  type SegmentFilter,
  type SegmentSizeRow,
  type ThemeResultRow,
  updateTheme,
  writePublication,
} from './results.repository.js';

/** Who reads results: the coordination (every question) or the portal (published questions of a closed survey). */
export type ResultsAudience = 'session' | 'portal';

type Segment = SurveyResultsView['segments']['state'][number];

/** The label of a segment: the state's name (INEGI), the sector in Spanish, the commission's name. */
function segmentLabel(kind: SegmentKind, segment: string, names: Map<string, string>): string {
  if (segment === OTHER_SEGMENT) return 'Otros';
  // '' holds members without a state and anonymous responses whose state was dropped (`generaliseSegments`).
  if (kind === 'state') return segment ? (names.get(`state:${segment}`) ?? findStateByIso(segment)?.name ?? segment) : 'Nacional (sin estado)';
  // '' is an anonymous response whose sector was dropped to keep it among 5 members (`generaliseSegments`).
  if (kind === 'sector') return segment ? (SECTOR_LABELS[segment as keyof typeof SECTOR_LABELS] ?? segment) : 'Sin especificar';
  return names.get(`commission:${segment}`) ?? 'Comisión';
}

/**
 * The segments of one kind that may be shown, and those pooled as «Otros» (with the secondary suppression of
 * `protectSegments`). States and sectors split the respondents. Commissions overlap (a member may sit in
 * several, or in none), so they cannot be pooled, and «all minus a commission», or «a commission minus one
 * nested in it», is itself a group: `protectOverlappingSegments` hides a commission whose complement or
 * nested difference is a small group.
 */
function segmentsShown(
  kind: SegmentKind,
  sizes: SegmentCount[],
  commissions: { total: number; overlaps: SegmentOverlap[] },
): { shown: SegmentCount[]; pooled: string[]; poolRespondents: number } {
  if (kind === 'commission') return { shown: protectOverlappingSegments(sizes, commissions.total, commissions.overlaps), pooled: [], poolRespondents: 0 };
  const { shown, hidden, others } = protectSegments(sizes, MIN_SEGMENT_RESPONDENTS);
  return others === null ? { shown, pooled: [], poolRespondents: 0 } : { shown, pooled: hidden, poolRespondents: others };
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundShare = (value: number | null) => (value === null ? null : round(value));

type QuestionView = SurveyResultsView['questions'][number];

/** The domain's results of every question (counts of one segment), with the themes read for them; shares to 4 decimals. */
function questionViews(definition: TemplateDefinition, counts: CountRow[], themes: ThemeResultRow[], published: Set<string>): QuestionView[] {
  return questionResults(definition, counts).map((question) => ({
    ...question,
    options: question.options.map((o) => ({ ...o, shareOfRespondents: roundShare(o.shareOfRespondents), shareOfMentions: roundShare(o.shareOfMentions) })),
    // Mean, median, min and max of fewer than the minimum are nearly the values themselves: not shown.
    numberSummary:
      question.numberSummary && !(question.kind === 'number' && question.answers < MIN_SEGMENT_RESPONDENTS)
        ? { ...question.numberSummary, mean: round(question.numberSummary.mean, 2) }
        : null,
    themes: question.kind === 'open' ? themes.filter((t) => t.questionKey === question.key).map(({ id, label, count, quotes }) => ({ id, label, count, quotes })) : [],
    published: published.has(question.key),
  }));
}

const themesByQuestion = (questions: QuestionView[]) => Object.fromEntries(questions.map((q) => [q.key, q.themes]));
const exportHeading = (results: SurveyResultsView) => ({ title: results.survey.title, invited: results.invited ?? 0, responses: results.respondents ?? 0 });

/** The columns of the Excel download: those of the CSV (`surveyResultsCsv`), one row per option or theme. */
const EXPORT_COLUMNS: TableColumn[] = [
  { key: 'question', header: 'Pregunta' },
  { key: 'kind', header: 'Tipo' },
  { key: 'answers', header: 'Respuestas' },
  { key: 'option', header: 'Opción' },
  { key: 'respondents', header: 'Respondentes' },
  { key: 'shareOfRespondents', header: '% de respondentes' },
  { key: 'mentions', header: 'Menciones' },
  { key: 'shareOfMentions', header: '% de menciones' },
  { key: 'theme', header: 'Tema' },
  { key: 'themeCount', header: 'Número de respuestas' },
];

const percent = (share: number | null) => (share === null ? null : round(share * 100, 1));

function exportRows(results: SurveyResultsView) {
  return results.questions.flatMap((q) => {
    const base = { question: `${q.number}. ${q.text}`, kind: SURVEY_QUESTION_KIND_LABELS[q.kind], answers: q.answers };
    const rows = [
      ...q.options.map((o) => ({ ...base, option: o.label, respondents: o.respondents, shareOfRespondents: percent(o.shareOfRespondents), mentions: o.mentions, shareOfMentions: percent(o.shareOfMentions) })),
      ...q.themes.map((t) => ({ ...base, theme: t.label, themeCount: t.count })),
    ];
    return rows.length ? rows : [base];
  });
}

const tooFewRespondents = () =>
  new DomainError('validation', [], `La encuesta tiene menos de ${MIN_SEGMENT_RESPONDENTS} respuestas: sus resultados no se muestran ni se descargan.`);

export function createSurveyResultsService(db: Database, actor: Actor) {
  /** The survey, if the actor coordinates its network: administrators and the network's secretariat. */
  async function coordinatedSurvey(id: string): Promise<ResultsSurveyRow> {
    const survey = await findResultsSurvey(db, id);
    if (!survey) throw notFound();
    requireBodyManager(actor, await findBodyScope(db, survey.networkId));
    return survey;
  }

  /**
   * The survey, if the coordination may read its results now. While a survey that admits anonymous responses
   * is open, each new response moves the figures and who just answered is known (the invitations say who
   * responded): its results, open answers and exports wait until it is closed.
   */
  async function coordinatedResults(id: string): Promise<ResultsSurveyRow> {
    const survey = await coordinatedSurvey(id);
    if (survey.anonymity !== 'named' && survey.status !== 'closed') throw new DomainError('survey_anonymous_results_not_closed');
    return survey;
  }

  /** A survey the portal shows: closed, with questions published; anything else does not exist for it. */
  async function publishedSurvey(id: string): Promise<ResultsSurveyRow> {
    const survey = await findResultsSurvey(db, id);
    if (!survey || survey.status !== 'closed' || !survey.publishedQuestions.length) throw notFound();
    return survey;
  }

  async function segmentsOf(surveyId: string) {
    const [sizes, commissions] = await Promise.all([readSegmentSizes(db, surveyId), readCommissionOverlaps(db, surveyId)]);
    const byKind = (kind: SegmentKind) => sizes.filter((s: SegmentSizeRow) => s.kind === kind);
    const protectedKinds = Object.fromEntries(SEGMENT_KINDS.map((kind) => [kind, segmentsShown(kind, byKind(kind), commissions)])) as Record<SegmentKind, ReturnType<typeof segmentsShown>>;
    const names = await readSegmentNames(
      db,
      SEGMENT_KINDS.flatMap((kind) => protectedKinds[kind].shown.map((s) => ({ kind, segment: s.segment }))),
    );
    const lists = Object.fromEntries(
      SEGMENT_KINDS.map((kind) => {
        const { shown, pooled, poolRespondents } = protectedKinds[kind];
        const list: Segment[] = shown.map((s) => ({ segment: s.segment, label: segmentLabel(kind, s.segment, names), respondents: s.respondents }));
        list.sort((a, b) => a.label.localeCompare(b.label, 'es'));
        if (pooled.length) list.push({ segment: OTHER_SEGMENT, label: 'Otros', respondents: poolRespondents });
        return [kind, list];
      }),
    ) as SurveyResultsView['segments'];
    return { lists, protectedKinds };
  }

  async function buildResults(survey: ResultsSurveyRow, query: SurveyResultsQuery, audience: ResultsAudience): Promise<SurveyResultsView> {
    const { lists, protectedKinds } = await segmentsOf(survey.id);
    const head = {
      survey: { id: survey.id, title: survey.title, networkName: survey.networkName, anonymity: survey.anonymity, status: survey.status, closedAt: survey.closedAt, publishedAt: survey.publishedAt },
      segments: lists,
    };
    const suppressed = (segment: SurveyResultsView['segment']): SurveyResultsView => ({ ...head, invited: null, respondents: null, responseRate: null, segment, questions: [], suppressed: true });

    let filter: SegmentFilter = { kind: 'all' };
    let segment: SurveyResultsView['segment'] = null;
    if (query.segmentKind && query.segment) {
      const kind = query.segmentKind;
      const shown = lists[kind].find((s) => s.segment === query.segment);
      if (!shown) return suppressed({ kind, value: query.segment, label: segmentLabel(kind, query.segment, new Map()) });
      segment = { kind, value: shown.segment, label: shown.label };
      filter = { kind, segments: shown.segment === OTHER_SEGMENT ? protectedKinds[kind].pooled : [shown.segment] };
    }
    const hasOpen = surveyQuestions(survey.definition).some((q) => q.kind === 'open');
    const [counts, themes, invited] = await Promise.all([
      readCounts(db, survey.id, filter),
      hasOpen ? readThemeResults(db, survey.id, filter) : Promise.resolve([]),
      filter.kind === 'all' ? Promise.resolve(survey.invited) : countInvited(db, survey.id, filter),
    ]);
    const respondents = counts.find((row) => row.questionKey === '' && row.optionKey === '')?.respondents ?? 0;
    // Nothing of a survey answered by fewer than the minimum is shown, to anyone: the whole is a small group.
    if (respondents < MIN_SEGMENT_RESPONDENTS) return suppressed(segment);
    const published = new Set(survey.publishedQuestions);
    let questions = questionViews(survey.definition, counts, themes, published);
    if (audience === 'portal') questions = questions.filter((q) => q.published);
    return { ...head, invited, respondents, responseRate: responseRate(respondents, invited), segment, questions, suppressed: false };
  }

  /** An open question of the survey, or a validation error naming `path`. */
  function openQuestion(survey: ResultsSurveyRow, questionKey: string, path = 'questionKey') {
    const question = surveyQuestions(survey.definition).find((q) => q.key === questionKey);
    if (!question) throw invalidField(path, `La encuesta no tiene la pregunta «${questionKey}».`);
    if (question.kind !== 'open') throw invalidField(path, `La pregunta ${question.number} no es abierta: solo las respuestas abiertas se codifican con temas.`);
    return question;
  }

  async function themeOfCoordinatedSurvey(themeId: string) {
    const theme = await findTheme(db, themeId);
    if (!theme) throw notFound();
    await coordinatedSurvey(theme.surveyId);
    return theme;
  }

  const themeView = (theme: { id: string; surveyId: string; questionKey: string; label: string; description: string | null; position: number; version: number }, count = 0): SurveyThemeView => ({
    id: theme.id,
    surveyId: theme.surveyId,
    questionKey: theme.questionKey,
    label: theme.label,
    description: theme.description,
    position: theme.position,
    count,
    version: theme.version,
  });
  const duplicateLabel = rethrowDuplicateAs('label', 'Ya hay un tema con ese nombre en esta pregunta.');

  return {
    /** Results for the coordination: every question, segments of fewer than 5 never on their own. */
    async results(id: string, query: SurveyResultsQuery): Promise<SurveyResultsView> {
      return buildResults(await coordinatedResults(id), query, 'session');
    },

    /** Results on the portal: published questions of a closed survey, the same suppression. */
    async publicResults(id: string, query: SurveyResultsQuery): Promise<SurveyResultsView> {
      return buildResults(await publishedSurvey(id), query, 'portal');
    },

    /** Published surveys; one answered by fewer than the minimum is not listed (its results show nothing). */
    async listPublic(): Promise<PublicSurveySummaryView[]> {
      return (await listPublishedSurveys(db)).filter((survey) => survey.respondents >= MIN_SEGMENT_RESPONDENTS);
    },

    async exportResults(id: string, query: SurveyResultsQuery, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
      const results = await buildResults(await coordinatedResults(id), query, 'session');
      const where = results.segment ? ` — ${results.segment.label}` : '';
      if (results.suppressed) {
        if (!results.segment) throw tooFewRespondents();
        throw invalidField('segment', `«${results.segment.label}» tiene menos de ${MIN_SEGMENT_RESPONDENTS} respuestas: sus resultados no se muestran ni se descargan solos.`);
      }
      const note = `Los segmentos de menos de ${MIN_SEGMENT_RESPONDENTS} respuestas no se muestran solos. «% de respondentes»: de quienes respondieron la pregunta (en opción múltiple suman más de 100); «% de menciones»: de todas las opciones elegidas.`;
      const fileStem = `Resultados ${fileTitle(results.survey.title)}${where} ${mexicoCityDay(new Date().toISOString())}`.replace(/[\\/:*?"<>|]/g, ' ');
      if (format === 'csv') {
        return { body: surveyResultsCsv(exportHeading(results), results.questions, themesByQuestion(results.questions)), contentType: 'text/csv; charset=utf-8', fileName: `${fileStem}.csv` };
      }
      return renderTableFile({ title: 'Resultados', columns: EXPORT_COLUMNS, rows: exportRows(results), note }, format, fileStem);
    },

    /** What `telar export survey-results --format json` prints: the whole survey, as the coordination sees it. */
    async summary(id: string) {
      const results = await buildResults(await coordinatedResults(id), {}, 'session');
      if (results.suppressed) throw tooFewRespondents();
      return surveyResultsJson(exportHeading(results), results.questions, themesByQuestion(results.questions));
    },

    /** The survey a command line names by id or title; an ambiguous title is an error listing the candidates. */
    async resolveId(idOrTitle: string): Promise<string> {
      const found = await findSurveysByTitleOrId(db, idOrTitle);
      const exact = found.filter((s) => s.isExact);
      const candidates = exact.length ? exact : found;
      if (!candidates.length) throw notFound();
      if (candidates.length > 1) {
        throw new DomainError(
          'validation',
          candidates.map((s) => ({ path: 'survey', message: `${s.title} (${s.networkName}): ${s.id}` })),
          `Hay ${candidates.length} encuestas con ese título; indique una por su identificador.`,
        );
      }
      return candidates[0]!.id;
    },

    async openAnswers(id: string, query: { questionKey: string; offset: number; limit: number }): Promise<SurveyOpenAnswerView[]> {
      const survey = await coordinatedResults(id);
      openQuestion(survey, query.questionKey);
      // Answers of a survey answered by fewer than the minimum are not shown, like its results.
      if ((await buildResults(survey, {}, 'session')).suppressed) throw tooFewRespondents();
      return listOpenAnswers(db, id, query.questionKey, query);
    },

    async listThemes(id: string, questionKey?: string): Promise<SurveyThemeView[]> {
      await coordinatedResults(id);
      const rows = await readThemeResults(db, id);
      return rows.filter((row) => !questionKey || row.questionKey === questionKey).map((row) => themeView({ ...row, surveyId: id }, row.count));
    },

    async createTheme(id: string, input: z.output<typeof SurveyThemeCreateSchema>): Promise<SurveyThemeView> {
      const survey = await coordinatedSurvey(id);
      openQuestion(survey, input.questionKey);
      return db.transaction(async (tx) => {
        const theme = await insertTheme(tx, { surveyId: id, ...input }).catch(duplicateLabel);
        await auditCreate(tx, actor, 'survey_theme', theme.id, input);
        return themeView(theme);
      });
    },

    async updateTheme(themeId: string, input: z.output<typeof SurveyThemeUpdateSchema>): Promise<SurveyThemeView> {
      await themeOfCoordinatedSurvey(themeId);
      const { version, ...values } = input;
      await db
        .transaction((tx) => writeVersionedUpdate(tx, actor, { entity: 'survey_theme', id: themeId, version, values, find: findTheme, write: updateTheme }))
        .catch(duplicateLabel);
      const theme = await findTheme(db, themeId);
      const counts = await readThemeResults(db, theme!.surveyId);
      return themeView(theme!, counts.find((row) => row.id === themeId)?.count ?? 0);
    },

    async deleteTheme(themeId: string): Promise<void> {
      const theme = await themeOfCoordinatedSurvey(themeId);
      await db.transaction(async (tx) => {
        await archiveTheme(tx, themeId);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'archive', entity: 'survey_theme', entityId: themeId, changes: { label: [theme.label, null] } });
      });
    },

    /** Codes an open answer with themes of its question and marks it as a quote of some of them. */
    async setAnswerThemes(id: string, responseId: string, input: z.output<typeof SurveyAnswerThemesSchema>): Promise<SurveyOpenAnswerView> {
      const survey = await coordinatedResults(id);
      openQuestion(survey, input.questionKey);
      const answer = await findOpenAnswer(db, id, responseId, input.questionKey);
      if (!answer) throw notFound();
      const themeIds = [...new Set(input.themeIds)];
      const themes = await findThemes(db, id, themeIds);
      const unknown = themeIds.filter((themeId) => !themes.some((t) => t.id === themeId && t.questionKey === input.questionKey));
      if (unknown.length) throw invalidField('themeIds', 'Algunos temas no son de la pregunta de esta respuesta (o ya se quitaron).');
      await db.transaction(async (tx) => {
        await replaceAnswerThemes(tx, answer.id, themeIds, [...new Set(input.quoteThemeIds)]);
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: 'update',
          entity: 'survey',
          entityId: id,
          // The response's random id, never the answer's sequence (the survey's history is widely read).
          changes: { answerThemes: [null, { answerId: responseId, questionKey: input.questionKey, themeIds, quoteThemeIds: input.quoteThemeIds }] },
        });
      });
      const [row] = await listOpenAnswers(db, id, input.questionKey, { offset: 0, limit: 1, responseId });
      return row!;
    },

    /**
     * Chooses the questions whose results are on the portal (none: withdrawn). Only a closed survey is
     * published: while it is open the figures still move and could sway those who have not answered.
     */
    async setPublication(id: string, questionKeys: string[]): Promise<{ questionKeys: string[]; publishedAt: string | null }> {
      const survey = await coordinatedSurvey(id);
      const keys = [...new Set(questionKeys)];
      const known = new Set(surveyQuestions(survey.definition).map((q) => q.key));
      const unknown = keys.filter((key) => !known.has(key));
      if (unknown.length) throw invalidField('questionKeys', `La encuesta no tiene las preguntas ${unknown.map((k) => `«${k}»`).join(', ')}.`);
      if (keys.length && survey.status !== 'closed') throw new DomainError('survey_not_closed');
      return db.transaction(async (tx) => {
        const written = await writePublication(tx, id, keys);
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: keys.length ? 'publish' : 'unpublish',
          entity: 'survey',
          entityId: id,
          changes: { publishedQuestions: [survey.publishedQuestions, keys] },
        });
        return written;
      });
    },
  };
}

/** A title as part of a file name: short, on one line. */
const fileTitle = (title: string) => title.replace(/\s+/g, ' ').trim().slice(0, 80);
