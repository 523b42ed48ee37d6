import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Answer, ContributionStatus, ExerciseStatus, QuestionDefinition, RichText, TemplateDefinition } from '@telar/domain';
import { id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { bodies } from '../bodies/bodies.tables.js';
import { organizations } from '../directory/directory.tables.js';
import { planNodes, plans } from '../plans/plans.tables.js';

/** A questionnaire template; its questions live in immutable versions. */
export const questionnaireTemplates = pgTable(
  'questionnaire_templates',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    /** The body that coordinates the exercises made from it; its secretariat edits it. */
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    currentVersion: integer('current_version').notNull().default(1),
    search: searchVector(`name || ' ' || coalesce(description, '')`),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('questionnaire_templates_name_idx').on(t.bodyId, t.name), index('questionnaire_templates_search_idx').using('gin', t.search)],
);

/** One saved state of a template's sections and questions; never changed once written. */
export const questionnaireTemplateVersions = pgTable(
  'questionnaire_template_versions',
  {
    id: id(),
    templateId: uuid('template_id').notNull().references(() => questionnaireTemplates.id),
    number: integer('number').notNull(),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('questionnaire_template_versions_number_idx').on(t.templateId, t.number)],
);

/** A template answered for a recipient and a period, coordinated by a body. */
export const questionnaireExercises = pgTable(
  'questionnaire_exercises',
  {
    id: id(),
    templateVersionId: uuid('template_version_id').notNull().references(() => questionnaireTemplateVersions.id),
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    title: text('title').notNull(),
    recipient: text('recipient'),
    reference: text('reference'),
    receivedOn: date('received_on', { mode: 'string' }),
    internalDueOn: date('internal_due_on', { mode: 'string' }),
    externalDueOn: date('external_due_on', { mode: 'string' }),
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    replyDate: date('reply_date', { mode: 'string' }),
    place: text('place'),
    coverNote: jsonb('cover_note').$type<RichText>(),
    status: text('status').$type<ExerciseStatus>().notNull().default('draft'),
    planId: uuid('plan_id').references(() => plans.id),
    previousExerciseId: uuid('previous_exercise_id'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    search: searchVector(`title || ' ' || coalesce(reference, '') || ' ' || coalesce(recipient, '')`),
    ...recordColumns(),
  },
  (t) => [
    // An imported reply is matched by its reference, so importing it twice creates nothing new.
    uniqueIndex('questionnaire_exercises_reference_idx').on(t.bodyId, t.reference).where(sql`reference is not null and archived_at is null`),
    index('questionnaire_exercises_body_idx').on(t.bodyId),
    index('questionnaire_exercises_search_idx').using('gin', t.search),
  ],
);

/**
 * The questions of an exercise, copied from its template version when it was created (a repeated
 * question becomes one row per plan node), with the consolidated answer.
 */
export const exerciseQuestions = pgTable(
  'exercise_questions',
  {
    id: id(),
    exerciseId: uuid('exercise_id').notNull().references(() => questionnaireExercises.id),
    /** The template question's key; repeated questions share it, told apart by `planNodeId`. */
    key: text('key').notNull(),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    text: text('text').notNull(),
    section: text('section'),
    definition: jsonb('definition').$type<QuestionDefinition>().notNull(),
    planNodeId: uuid('plan_node_id').references(() => planNodes.id),
    /** The official answer; its blocks keep the organisations they came from (`sources`). */
    answer: jsonb('answer').$type<Answer>().notNull(),
    /** The previous exercise's answer carried over as a proposal ("usar / descartar"), until decided. */
    carriedAnswer: jsonb('carried_answer').$type<Answer>(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exercise_questions_position_idx').on(t.exerciseId, t.position)],
);

/** Organisations an exercise names as contributors without assignments (an imported reply's covering text). */
export const exerciseContributors = pgTable(
  'exercise_contributors',
  {
    exerciseId: uuid('exercise_id').notNull().references(() => questionnaireExercises.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    nameAsWritten: text('name_as_written').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('exercise_contributors_pk').on(t.exerciseId, t.organizationId)],
);

/**
 * A question assigned to an organisation, and that organisation's contribution to it:
 * pending → draft → submitted → accepted (locked), or sent back to draft again.
 */
export const contributions = pgTable(
  'questionnaire_contributions',
  {
    id: id(),
    exerciseId: uuid('exercise_id').notNull().references(() => questionnaireExercises.id),
    questionId: uuid('question_id').notNull().references(() => exerciseQuestions.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<ContributionStatus>().notNull().default('pending'),
    answer: jsonb('answer').$type<Answer>().notNull(),
    /** Telar records it cites: [{kind, id}]. */
    links: jsonb('links').$type<{ kind: string; id: string }[]>().notNull().default(sql`'[]'::jsonb`),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    reviewedBy: text('reviewed_by'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('questionnaire_contributions_question_org_idx').on(t.questionId, t.organizationId),
    index('questionnaire_contributions_exercise_idx').on(t.exerciseId, t.status),
    index('questionnaire_contributions_organization_idx').on(t.organizationId, t.status),
  ],
);
