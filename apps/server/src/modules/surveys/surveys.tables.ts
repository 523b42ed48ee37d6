import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SurveyAudience, TemplateDefinition } from '@telar/domain';
import { id, recordColumns } from '../../platform/db/columns.js';
import { networkMembers, networks } from '../networks/networks.tables.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A survey of a network's members, built with the questionnaire's question model. */
export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.bodyId),
    title: text('title').notNull(),
    description: text('description'),
    /** Sections and questions, the questionnaire's model restricted to SURVEY_QUESTION_KINDS. */
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    anonymity: text('anonymity').notNull(),
    status: text('status').notNull().default('draft'),
    audience: jsonb('audience').$type<SurveyAudience>().notNull(),
    openedAt: instant('opened_at'),
    closesAt: instant('closes_at'),
    closedAt: instant('closed_at'),
    /** The question keys whose results are on the public portal; empty: nothing published. */
    publishedQuestions: text('published_questions').array().notNull().default(sql`'{}'`),
    publishedAt: instant('published_at'),
    /** What the source leaves unclear (seed 003: the first slide's statements may be prompts). */
    flags: text('flags').array().notNull().default(sql`'{}'`),
    ...recordColumns(),
  },
  (t) => [index('surveys_network_idx').on(t.networkId)],
);

/**
 * One member invited to a survey, with the hash of its personal link's token. `responded` says that the
 * member answered; for an anonymous response nothing more: no time, and no response row points here.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => networkMembers.id),
    tokenHash: text('token_hash').notNull(),
    invitedAt: instant('invited_at').notNull().defaultNow(),
    remindedAt: instant('reminded_at'),
    reminders: integer('reminders').notNull().default(0),
    responded: boolean('responded').notNull().default(false),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_idx').on(t.tokenHash),
    uniqueIndex('survey_invitations_member_idx').on(t.surveyId, t.memberId),
  ],
);

/**
 * A response. Its segments (state, sector, commissions) are copied from the member when it is written so
 * results can be cut without a link to anyone. Anonymous responses have no `invitation_id`, a random id
 * and only the day they came in: no column, index or timestamp ties them to an invitation.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** Null for an anonymous response. */
    invitationId: uuid('invitation_id').references(() => surveyInvitations.id),
    isAnonymous: boolean('is_anonymous').notNull(),
    stateCode: text('state_code'),
    sector: text('sector'),
    commissionIds: uuid('commission_ids').array().notNull().default(sql`'{}'`),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId), uniqueIndex('survey_responses_invitation_idx').on(t.invitationId)],
);

/** One answer: a chosen option (one row per option chosen), a number or a text. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    surveyId: uuid('survey_id').notNull(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    optionKey: text('option_key'),
    number: numeric('number', { mode: 'number' }),
    text: text('text'),
  },
  (t) => [index('survey_answers_response_idx').on(t.responseId), index('survey_answers_question_idx').on(t.surveyId, t.questionKey, t.optionKey)],
);

/**
 * Respondent counts kept as responses come in, so results read a few hundred rows however many
 * responses there are. Segment kind `all` (segment ''), `state`, `sector`, `commission`. Question key ''
 * counts responses; option key '' counts the respondents who answered the question (`total`: sum of numbers).
 */
export const surveyCounts = pgTable(
  'survey_counts',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    segmentKind: text('segment_kind').notNull(),
    segment: text('segment').notNull(),
    questionKey: text('question_key').notNull(),
    optionKey: text('option_key').notNull(),
    respondents: integer('respondents').notNull(),
    total: numeric('total', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.segmentKind, t.segment, t.questionKey, t.optionKey] }),
    // The segments' sizes (question '' and option ''): read on every results view, a few dozen rows among ~100,000.
    index('survey_counts_segment_sizes_idx').on(t.surveyId, t.segmentKind).where(sql`${t.questionKey} = '' and ${t.optionKey} = ''`),
  ],
);

/** A theme the coordination defines to code an open question's answers. */
export const surveyThemes = pgTable(
  'survey_themes',
  {
    id: id(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    questionKey: text('question_key').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('survey_themes_label_idx').on(t.surveyId, t.questionKey, sql`lower(${t.label})`).where(sql`${t.archivedAt} is null`)],
);

/** An open answer tagged with a theme; `isQuote` marks it as a representative quote of that theme. */
export const surveyAnswerThemes = pgTable(
  'survey_answer_themes',
  {
    answerId: bigint('answer_id', { mode: 'number' })
      .notNull()
      .references(() => surveyAnswers.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => surveyThemes.id),
    isQuote: boolean('is_quote').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.themeId] }), index('survey_answer_themes_theme_idx').on(t.themeId)],
);
