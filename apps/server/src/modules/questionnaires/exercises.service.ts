import {
  type AssignmentCreateSchema,
  CONTRIBUTION_STATUSES,
  type ContributionStatus,
  emptyAnswer,
  type ExerciseBoardView,
  type ExerciseCreateSchema,
  type ExerciseDetailView,
  type ExerciseQuestionView,
  type ExerciseStatus,
  type ExerciseUpdateSchema,
  expandQuestions,
  hasRepeatedQuestions,
  type PlanStatus,
} from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/query.js';
import { listExistingOrganizationIds } from '../directory/index.js';
import { DomainError, invalidField, notFound, rethrowDuplicateAs } from '../../platform/errors.js';
import { diffFields, insertAuditEntries } from '../../platform/audit/audit.repository.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { findPlan } from '../plans/index.js';
import {
  type ExerciseFilter,
  type ExerciseQuestionRow,
  findContributionFacts,
  findCurrentTemplateVersion,
  findExercise,
  findExerciseIdsByReference,
  findExerciseOrigin,
  findExerciseView,
  insertExercise,
  insertExerciseQuestions,
  listAssignmentStates,
  listAssignments,
  listExerciseContributors,
  listExerciseQuestions,
  listExercises,
  listOfficialAnswers,
  listPlanNodesInOrder,
  readBoard,
  updateContribution,
  findContribution,
  updateExercise,
  upsertAssignments,
} from './questionnaires.repository.js';
import { requireBodyScope } from './templates.service.js';

/** An exercise moves forward only: drafted, opened to contributions, closed. */
const NEXT_STATUS: Record<ExerciseStatus, ExerciseStatus | null> = { draft: 'open', open: 'closed', closed: null };
/** An assignment can be withdrawn while its contribution is still with its organisation. */
const REMOVABLE: readonly ContributionStatus[] = ['pending', 'draft', 'sent_back'];

/** The question as the API shows it: the stored row with its definition's fields spelled out. */
export function toQuestionView(row: ExerciseQuestionRow): ExerciseQuestionView {
  const { definition } = row;
  return {
    id: row.id,
    key: row.key,
    number: row.number,
    text: row.text,
    kind: definition.kind,
    section: row.section,
    required: definition.required,
    help: definition.help,
    editorialNote: definition.editorialNote,
    options: definition.options,
    columns: definition.columns,
    condition: definition.condition,
    withComment: definition.withComment,
    planNode: row.planNode,
    isAnswered: row.isAnswered,
  };
}

/**
 * Questionnaire exercises: a template answered for a recipient and a period, its questions copied
 * (and expanded over the plan's nodes) when it is created, assigned to organisations, followed on
 * the board. The secretariat of the exercise's body (or of one above it) and administrators run it.
 */
export function createExerciseService(db: Database, actor: Actor) {
  const requireManagedExercise = async (id: string) => {
    const exercise = await findExercise(db, id);
    if (!exercise || exercise.archivedAt) throw notFound();
    requireBodyManager(actor, await findBodyScope(db, exercise.bodyId));
    return exercise;
  };

  /** Carry-over: the previous exercise's official answers, by question key and plan node, as proposals. */
  const carriedAnswers = async (tx: Database, previousExerciseId: string | null) => {
    const answers = previousExerciseId ? await listOfficialAnswers(tx, previousExerciseId) : [];
    return new Map(answers.map((a) => [`${a.key}:${a.planNodeId ?? ''}`, a.answer]));
  };

  return {
    async list(filter: ExerciseFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listExercises(db, filter, page)), ...page };
    },

    /** The id of the one live exercise with this id or reference; two with the same reference (in different bodies) must be named by id. */
    async resolveId(referenceOrId: string): Promise<string> {
      requireSignedIn(actor);
      const found = await findExerciseIdsByReference(db, referenceOrId);
      if (found.length === 0) throw notFound();
      if (found.length > 1) throw invalidField('exercise', `Hay ${found.length} ejercicios con la referencia «${referenceOrId}»; indique su identificador.`);
      return found[0]!.id;
    },

    async get(id: string): Promise<ExerciseDetailView> {
      requireSignedIn(actor);
      const exercise = await findExerciseView(db, id);
      if (!exercise) throw notFound();
      const [questions, assignments, contributors, scope] = await Promise.all([
        listExerciseQuestions(db, id),
        listAssignments(db, id),
        listExerciseContributors(db, id),
        findBodyScope(db, exercise.body.id),
      ]);
      const manages = canManageBody(actor, scope);
      return {
        ...exercise,
        questions: questions.map(toQuestionView),
        assignments,
        contributors,
        abilities: { edit: manages, publish: manages && exercise.status === 'closed' },
      };
    },

    async create(input: z.output<typeof ExerciseCreateSchema>) {
      const { templateId, previousExerciseId, ...data } = input;
      const scope = await requireBodyScope(db, data.bodyId);
      requireBodyManager(actor, scope, { path: 'bodyId', message: 'Solo la secretaría técnica del órgano (o de uno superior) abre sus ejercicios.' });
      const template = await findCurrentTemplateVersion(db, templateId);
      if (!template || template.archivedAt) throw invalidField('templateId', 'La plantilla no existe.');
      const plan = data.planId ? await findPlan(db, data.planId) : undefined;
      if (data.planId && (!plan || plan.archivedAt)) throw invalidField('planId', 'El plan no existe.');
      if (!plan && hasRepeatedQuestions(template.definition)) throw invalidField('planId', 'La plantilla repite preguntas por cada línea de un plan: elija el plan.');
      if (previousExerciseId) {
        const previous = await findExerciseOrigin(db, previousExerciseId);
        if (!previous || previous.templateId !== templateId || previous.bodyId !== data.bodyId)
          throw invalidField('previousExerciseId', 'El ejercicio anterior debe ser de la misma plantilla y del mismo órgano.');
      }
      const expanded = expandQuestions(template.definition, {
        planNodes: plan ? await listPlanNodesInOrder(db, plan.id) : [],
        periodFrom: data.periodFrom,
        periodTo: data.periodTo,
        statuses: (plan?.statuses ?? []) as PlanStatus[],
      });
      const id = await db.transaction(async (tx) => {
        const exercise = await insertExercise(tx, { ...data, templateVersionId: template.id, previousExerciseId, status: 'draft' }).catch(
          rethrowDuplicateAs('reference', 'Ya hay un ejercicio de este órgano con esa referencia.'),
        );
        const carried = await carriedAnswers(tx, previousExerciseId);
        await insertExerciseQuestions(
          tx,
          exercise.id,
          expanded.map((q) => ({ ...q, answer: emptyAnswer(), carriedAnswer: carried.get(`${q.key}:${q.planNodeId ?? ''}`) ?? null })),
        );
        await auditCreate(tx, actor, 'questionnaire_exercise', exercise.id, { ...data, templateId, templateVersion: template.number, previousExerciseId });
        return exercise.id;
      });
      return this.get(id);
    },

    async update(id: string, { version, status, ...data }: z.output<typeof ExerciseUpdateSchema>) {
      const exercise = await requireManagedExercise(id);
      if (status !== undefined && status !== exercise.status && NEXT_STATUS[exercise.status] !== status)
        throw invalidField('status', exercise.status === 'closed' ? 'El ejercicio está cerrado.' : 'Un ejercicio pasa de borrador a abierto y de abierto a cerrado.');
      const values = { ...data, ...(status !== undefined ? { status } : {}) };
      await db.transaction((tx) =>
        writeVersionedUpdate(tx, actor, {
          entity: 'questionnaire_exercise',
          id,
          version,
          values,
          find: findExercise,
          write: (t, rowId, v, changes) => updateExercise(t, rowId, v, changes).catch(rethrowDuplicateAs('reference', 'Ya hay un ejercicio de este órgano con esa referencia.')),
        }),
      );
      return this.get(id);
    },

    /** Assigns every question listed to every organisation listed; a pair already assigned takes the new due date. */
    async assign(id: string, { questionIds, organizationIds, dueOn }: z.output<typeof AssignmentCreateSchema>) {
      const exercise = await requireManagedExercise(id);
      if (exercise.status === 'closed') throw new DomainError('exercise_not_open');
      const uniqueQuestions = [...new Set(questionIds)];
      // The history names a question by its number: an id of an exercise question reads as nothing to a person.
      const numberOf = new Map((await listExerciseQuestions(db, id, uniqueQuestions)).map((q) => [q.id, q.number]));
      const strayQuestion = questionIds.findIndex((questionId) => !numberOf.has(questionId));
      if (strayQuestion >= 0) throw invalidField(`questionIds.${strayQuestion}`, 'La pregunta no es de este ejercicio.');
      const existing = await listExistingOrganizationIds(db, [...new Set(organizationIds)]);
      const missing = organizationIds.findIndex((organizationId) => !existing.has(organizationId));
      if (missing >= 0) throw invalidField(`organizationIds.${missing}`, 'La organización no existe.');
      const pairs = uniqueQuestions.flatMap((questionId) => [...existing].map((organizationId) => ({ questionId, organizationId })));
      await db.transaction(async (tx) => {
        const before = await listAssignmentStates(tx, id);
        const written = await upsertAssignments(tx, id, pairs, dueOn, emptyAnswer());
        const entries = written.flatMap((row) => {
          const previous = before.get(`${row.questionId}:${row.organizationId}`);
          // A withdrawn assignment given again comes back with its work: the history says it was restored.
          const changes = previous
            ? diffFields({ dueOn: previous.dueOn, withdrawn: previous.isWithdrawn }, { dueOn, withdrawn: false })
            : diffFields({}, { questionNumber: numberOf.get(row.questionId), organizationId: row.organizationId, dueOn, status: 'pending' });
          const action = !previous ? ('create' as const) : previous.isWithdrawn ? ('restore' as const) : ('update' as const);
          return Object.keys(changes).length ? [{ actor: describeActor(actor), action, entity: 'questionnaire_contribution', entityId: row.id, changes }] : [];
        });
        await insertAuditEntries(tx, entries);
      });
      return this.get(id);
    },

    /** Withdraws an assignment (its contribution leaves the exercise, kept archived) while nothing was sent. */
    async unassign(id: string, contributionId: string) {
      const exercise = await requireManagedExercise(id);
      if (exercise.status === 'closed') throw new DomainError('exercise_not_open');
      await db.transaction(async (tx) => {
        const facts = await findContributionFacts(tx, contributionId, true);
        if (!facts || facts.exerciseId !== id || facts.isArchived) throw notFound();
        if (!REMOVABLE.includes(facts.status)) throw new DomainError('contribution_locked');
        await writeVersionedUpdate(tx, actor, {
          entity: 'questionnaire_contribution',
          id: contributionId,
          version: facts.version,
          action: 'archive',
          values: { archivedAt: new Date().toISOString() },
          find: findContribution,
          write: updateContribution,
        });
      });
    },

    async board(id: string): Promise<ExerciseBoardView> {
      requireSignedIn(actor);
      const exercise = await findExercise(db, id);
      if (!exercise || exercise.archivedAt) throw notFound();
      const { questions, cells } = await readBoard(db, id);
      const organizations = new Map(cells.map((cell) => [cell.organization.id, cell.organization]));
      const totals = Object.fromEntries(CONTRIBUTION_STATUSES.map((status) => [status, 0])) as Record<ContributionStatus, number>;
      for (const cell of cells) totals[cell.status] += 1;
      return {
        questions,
        organizations: [...organizations.values()],
        cells: cells.map(({ questionId, organizationId, contributionId, status, isOverdue }) => ({ questionId, organizationId, contributionId, status, isOverdue })),
        totals,
        overdue: cells.filter((cell) => cell.isOverdue).length,
      };
    },
  };
}
