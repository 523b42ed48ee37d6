import {
  type Answer,
  type AnswerUpdateSchema,
  appendRichText,
  CLOSED_KINDS,
  citedOrganizationIds,
  type ConsolidatedReply,
  type ConsolidationQuestionView,
  type ConsolidationView,
  isAnswerEmpty,
  type PublicReplyRef,
  type QuestionDefinition,
  renderReplyJson,
  renderReplyMarkdown,
  type ReplyFormat,
  toFileStem,
  YES_NO_OPTIONS,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import {
  type ConsolidationQuestionRow,
  type ExerciseContributionRow,
  type ExerciseFacts,
  findExerciseFacts,
  findExerciseQuestion,
  listConsolidationQuestions,
  listExerciseContributions,
  listNamedContributorIds,
  listNodeActivitiesInPeriod,
  listOrganizationRefs,
  listPublishedReplies,
  updateQuestionAnswer,
} from './consolidation.repository.js';
import { questionnaireExercises } from './questionnaires.tables.js';
import { renderReplyDocx } from './reply.docx.js';
import { toQuestionView } from './exercises.service.js';
import { findBodyHeaderLogo } from '../bodies/index.js';

type AnswerUpdate = z.output<typeof AnswerUpdateSchema>;

/** The question as the exercise shows it (the plan node without its status, which the prefill gives). */
const questionViewOf = (row: ConsolidationQuestionRow) =>
  toQuestionView({ ...row, planNode: row.planNode && { id: row.planNode.id, code: row.planNode.code, title: row.planNode.title }, isAnswered: !isAnswerEmpty(row.answer) });

/**
 * The options a closed question offers: its own, else for a yes/no question the fixed «Sí» / «No»
 * (with «No aplica» / «No sé» when chosen), for a status question over the plan the plan's statuses.
 */
function offeredOptions(definition: QuestionDefinition, selected: readonly string[], planStatuses: ExerciseFacts['planStatuses']) {
  if (definition.kind === 'status' && definition.statusSource === 'plan') return planStatuses.map(({ key, label }) => ({ key, label }));
  if (definition.options.length || definition.kind !== 'yes_no') return definition.options;
  return YES_NO_OPTIONS.filter((o) => o.key === 'yes' || o.key === 'no' || selected.includes(o.key));
}

/**
 * Consolidation: the coordinator (the secretariat of the exercise's body, or an administrator) composes
 * each question's official answer from the accepted contributions, last exercise's answer and what
 * Telar knows of the plan; the reply built from it is what the renderers write and the portal shows.
 */
export function createConsolidationService(db: Database, actor: Actor) {
  const findLiveExercise = async (id: string) => {
    const exercise = await findExerciseFacts(db, id);
    if (!exercise || exercise.isArchived) throw notFound();
    return exercise;
  };
  const requireCoordinator = async (id: string) => {
    const exercise = await findLiveExercise(id);
    requireBodyManager(actor, await findBodyScope(db, exercise.bodyId));
    return exercise;
  };
  /** The portal reads the official answers live, so a published reply is withdrawn before it changes. */
  const requireEditableReply = async (id: string) => {
    const exercise = await requireCoordinator(id);
    if (exercise.isPublished) throw new DomainError('reply_published');
    return exercise;
  };

  /** The consolidation entries of the exercise (or of one question), in a fixed number of statements whatever their count. */
  async function readConsolidation(exercise: ExerciseFacts, questionId?: string) {
    const [questions, contributions, namedIds] = await Promise.all([
      listConsolidationQuestions(db, exercise.id, questionId),
      listExerciseContributions(db, exercise.id, questionId),
      listNamedContributorIds(db, exercise.id),
    ]);
    const nodeIds = [...new Set(questions.flatMap((q) => (q.planNode ? [q.planNode.id] : [])))];
    const cited = questions.flatMap((q) => citedOrganizationIds(q.answer.text));
    const [organizations, activities] = await Promise.all([
      listOrganizationRefs(db, [...new Set([...namedIds, ...contributions.map((c) => c.organizationId), ...cited])]),
      listNodeActivitiesInPeriod(db, nodeIds, { from: exercise.periodFrom, to: exercise.periodTo }),
    ]);
    const organizationById = new Map(organizations.map((o) => [o.id, o]));
    const contributionsByQuestion = groupBy(contributions, (c) => c.questionId);
    const activitiesByNode = groupBy(activities, (a) => a.planNodeId);
    const entries = questions.map((row): ConsolidationQuestionView => {
      const own = contributionsByQuestion.get(row.id) ?? [];
      return {
        question: questionViewOf(row),
        answer: row.answer,
        answerVersion: row.version,
        accepted: own.flatMap((c) => (c.answer ? [{ contributionId: c.id, organization: organizationById.get(c.organizationId)!, answer: c.answer }] : [])),
        waiting: own.filter((c) => !c.answer).map((c) => ({ organization: organizationById.get(c.organizationId)!, status: c.status })),
        previousAnswer: row.carriedAnswer ?? row.previousAnswer,
        hasCarriedAnswer: row.carriedAnswer !== null,
        prefill: row.planNode && {
          status: row.planNode.statusLabel,
          activities: (activitiesByNode.get(row.planNode.id) ?? []).map(({ planNodeId: _node, ...activity }) => activity),
        },
      };
    });
    return { entries, organizations, contributions, namedIds };
  }

  /** Organisations a block may be attributed to: those with an accepted contribution to the question, and the exercise's named contributors. */
  function requireKnownSources(answer: Answer, accepted: readonly ExerciseContributionRow[], namedIds: readonly string[]) {
    const allowed = new Set([...namedIds, ...accepted.filter((c) => c.status === 'accepted').map((c) => c.organizationId)]);
    const issues = answer.text.blocks.flatMap((block, index) =>
      (block.sources ?? []).some((id) => !allowed.has(id))
        ? [{ path: `answer.text.blocks.${index}.sources`, message: 'Solo se atribuye un párrafo a una organización con una aportación aceptada a esta pregunta o nombrada como contribuyente del ejercicio.' }]
        : [],
    );
    if (issues.length) throw new DomainError('validation', issues);
  }

  async function readQuestionEntry(exercise: ExerciseFacts, questionId: string) {
    const { entries } = await readConsolidation(exercise, questionId);
    if (!entries[0]) throw notFound();
    return entries[0];
  }

  const lifecycle = createLifecycle(db, actor, {
    entity: 'questionnaire_exercise',
    table: questionnaireExercises,
    authorize: async (id) => void (await requireCoordinator(id)),
  });

  return {
    async getConsolidation(exerciseId: string): Promise<ConsolidationView> {
      const exercise = await requireCoordinator(exerciseId);
      const { entries, organizations } = await readConsolidation(exercise);
      return { exerciseId, questions: entries, organizations };
    },

    /** Saves the official answer as sent: the blocks keep the `sources` the editor sends with them. */
    async updateAnswer(exerciseId: string, questionId: string, input: AnswerUpdate): Promise<ConsolidationQuestionView> {
      const exercise = await requireEditableReply(exerciseId);
      await db.transaction(async (tx) => {
        const [contributions, namedIds] = await Promise.all([listExerciseContributions(tx, exerciseId, questionId), listNamedContributorIds(tx, exerciseId)]);
        requireKnownSources(input.answer, contributions, namedIds);
        await writeVersionedUpdate(tx, actor, {
          entity: 'exercise_question',
          id: questionId,
          version: input.version,
          values: { answer: input.answer },
          find: (d, id) => findExerciseQuestion(d, exerciseId, id),
          write: updateQuestionAnswer,
        });
      });
      return readQuestionEntry(exercise, questionId);
    },

    /**
     * Takes (`use`) or drops (`discard`) the answer carried over from the previous exercise. Taken, it
     * becomes the answer when the answer is empty, else its blocks are appended; either way it is cleared.
     */
    async decideCarried(exerciseId: string, questionId: string, decision: 'use' | 'discard', version: number): Promise<ConsolidationQuestionView> {
      const exercise = await requireEditableReply(exerciseId);
      await db.transaction(async (tx) => {
        const question = await findExerciseQuestion(tx, exerciseId, questionId);
        if (!question) throw notFound();
        // Decided meanwhile by someone else (or never carried): nothing to take or drop.
        if (!question.carriedAnswer) throw new DomainError('conflict', undefined, 'Esta pregunta ya no tiene una respuesta anterior por decidir; recargue para ver la respuesta actual.');
        const carried = question.carriedAnswer;
        const answer = decision === 'discard' ? question.answer : !isAnswerEmpty(question.answer) ? { ...question.answer, text: appendRichText(question.answer.text, carried.text) } : carried;
        await writeVersionedUpdate(tx, actor, {
          entity: 'exercise_question',
          id: questionId,
          version,
          values: { answer, carriedAnswer: null },
          find: (d, id) => findExerciseQuestion(d, exerciseId, id),
          write: updateQuestionAnswer,
        });
      });
      return readQuestionEntry(exercise, questionId);
    },

    /** Who may read the exercise reads its reply: any signed-in person; the coordinator alone edits it. */
    async buildReply(exerciseId: string): Promise<ConsolidatedReply> {
      requireSignedIn(actor);
      return buildConsolidatedReply(db, exerciseId);
    },

    /** The reply as a file: Word (with the body's logo in the header), Markdown or JSON, named after its reference or title. */
    async exportReply(exerciseId: string, format: ReplyFormat) {
      requireSignedIn(actor);
      const exercise = await findLiveExercise(exerciseId);
      const reply = await writeReply(db, exercise);
      const fileStem = `respuesta-${toFileStem(exercise.reference ?? exercise.title)}`;
      if (format === 'json') return { body: renderReplyJson(reply), contentType: 'application/json', fileName: `${fileStem}.json` };
      if (format === 'md') return { body: renderReplyMarkdown(reply), contentType: 'text/markdown; charset=utf-8', fileName: `${fileStem}.md` };
      return {
        body: await renderReplyDocx(reply, { headerLogo: await findBodyHeaderLogo(db, exercise.bodyId) }),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: `${fileStem}.docx`,
      };
    },

    /** A reply goes public once its exercise is closed; while public, its answers stay as published. */
    async publish(id: string, version: number) {
      const exercise = await requireCoordinator(id);
      if (exercise.status !== 'closed') throw new DomainError('exercise_not_closed');
      return lifecycle.publish(id, version);
    },
    unpublish: lifecycle.unpublish,
  };
}

/** The portal: published replies, without any contact (organisations are named, they are institutions). */
export function createPublicReplyService(db: Database) {
  return {
    listReplies: (): Promise<PublicReplyRef[]> => listPublishedReplies(db),
    async getReply(exerciseId: string): Promise<ConsolidatedReply> {
      const exercise = await findExerciseFacts(db, exerciseId);
      if (!exercise || exercise.isArchived || !exercise.isPublished) throw notFound();
      return writeReply(db, exercise);
    },
  };
}

/**
 * The reply as the renderers write it: every question in order with its options marked, the names of
 * the organisations its answer cites (in the order they first appear), and the organisations of the
 * whole reply — those cited, then those the exercise names as contributors — for the «Aportaciones» annex.
 */
export async function buildConsolidatedReply(db: Database, exerciseId: string): Promise<ConsolidatedReply> {
  const exercise = await findExerciseFacts(db, exerciseId);
  if (!exercise || exercise.isArchived) throw notFound();
  return writeReply(db, exercise);
}

async function writeReply(db: Database, exercise: ExerciseFacts): Promise<ConsolidatedReply> {
  const [questions, namedIds] = await Promise.all([listConsolidationQuestions(db, exercise.id), listNamedContributorIds(db, exercise.id)]);
  const citedIds = [...new Set([...questions.flatMap((q) => citedOrganizationIds(q.answer.text)), ...namedIds])];
  const organizationById = new Map((await listOrganizationRefs(db, citedIds)).map((o) => [o.id, o]));
  const nameOf = (id: string) => organizationById.get(id)?.name;
  return {
    title: exercise.title,
    recipient: exercise.recipient,
    reference: exercise.reference,
    date: exercise.replyDate,
    place: exercise.place,
    coverNote: exercise.coverNote,
    questions: questions.map(({ number, text, section, definition, answer }) => ({
      number,
      text,
      kind: definition.kind,
      section,
      options: CLOSED_KINDS.includes(definition.kind)
        ? offeredOptions(definition, answer.selected, exercise.planStatuses).map((o) => ({ label: o.label, marked: answer.selected.includes(o.key) }))
        : [],
      columns: definition.columns.map((c) => c.label),
      answer,
      contributors: citedOrganizationIds(answer.text).flatMap((id) => nameOf(id) ?? []),
    })),
    organisations: citedIds.flatMap((id) => organizationById.get(id) ?? []),
    bodyName: exercise.bodyName,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
