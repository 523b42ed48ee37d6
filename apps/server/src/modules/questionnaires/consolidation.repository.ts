import { sql } from 'drizzle-orm';
import type { Answer, ContributionStatus, ExerciseStatus, PublicReplyRef, QuestionDefinition, RichText } from '@telar/domain';
import type { Database } from '../../platform/db/client.js';
import { queryRows, updateIfVersion, uuidArray } from '../../platform/db/query.js';
import { exerciseQuestions } from './questionnaires.tables.js';

/** What consolidating and writing the reply need of an exercise, with its body's name and its plan's statuses. */
export interface ExerciseFacts {
  id: string;
  bodyId: string;
  bodyName: string;
  title: string;
  recipient: string | null;
  reference: string | null;
  replyDate: string | null;
  place: string | null;
  coverNote: RichText | null;
  status: ExerciseStatus;
  periodFrom: string | null;
  periodTo: string | null;
  planStatuses: { key: string; label: string }[];
  isPublished: boolean;
  isArchived: boolean;
  version: number;
}

export async function findExerciseFacts(db: Database, id: string): Promise<ExerciseFacts | undefined> {
  const [row] = await queryRows<ExerciseFacts>(
    db,
    sql`select e.id, e.body_id as "bodyId", b.name as "bodyName", e.title, e.recipient, e.reference, e.reply_date as "replyDate", e.place,
          e.cover_note as "coverNote", e.status, e.period_from as "periodFrom", e.period_to as "periodTo",
          coalesce(p.statuses, '[]'::jsonb) as "planStatuses", e.published_at is not null as "isPublished", e.archived_at is not null as "isArchived", e.version
        from questionnaire_exercises e join bodies b on b.id = e.body_id left join plans p on p.id = e.plan_id
        where e.id = ${id}`,
  );
  return row;
}

export interface ConsolidationQuestionRow {
  id: string;
  key: string;
  number: string;
  text: string;
  section: string | null;
  definition: QuestionDefinition;
  planNode: { id: string; code: string; title: string; statusLabel: string | null } | null;
  answer: Answer;
  version: number;
  carriedAnswer: Answer | null;
  /** The previous exercise's official answer to the same question (same key and plan node). */
  previousAnswer: Answer | null;
}

/** An exercise's questions in order (or one of them), each with its plan node and last exercise's answer: one statement. */
export function listConsolidationQuestions(db: Database, exerciseId: string, questionId?: string) {
  return queryRows<ConsolidationQuestionRow>(
    db,
    sql`select q.id, q.key, q.number, q.text, q.section, q.definition, q.answer, q.version, q.carried_answer as "carriedAnswer",
          prev.answer as "previousAnswer",
          case when n.id is null then null else json_build_object('id', n.id, 'code', n.code, 'title', n.title,
            'statusLabel', (select s->>'label' from plans p, jsonb_array_elements(p.statuses) s where p.id = n.plan_id and s->>'key' = n.status limit 1)) end as "planNode"
        from exercise_questions q
        join questionnaire_exercises e on e.id = q.exercise_id
        left join plan_nodes n on n.id = q.plan_node_id
        left join lateral (
          select pq.answer from exercise_questions pq
          where pq.exercise_id = e.previous_exercise_id and pq.key = q.key and pq.plan_node_id is not distinct from q.plan_node_id
          limit 1) prev on true
        where q.exercise_id = ${exerciseId} ${questionId ? sql`and q.id = ${questionId}` : sql``}
        order by q.position`,
  );
}

export interface ExerciseContributionRow {
  id: string;
  questionId: string;
  organizationId: string;
  status: ContributionStatus;
  /** Read only when accepted: what is not accepted is not composed from. */
  answer: Answer | null;
}

/** Every live contribution of an exercise (or of one question), the answers of the accepted ones only. */
export function listExerciseContributions(db: Database, exerciseId: string, questionId?: string) {
  return queryRows<ExerciseContributionRow>(
    db,
    sql`select c.id, c.question_id as "questionId", c.organization_id as "organizationId", c.status,
          case when c.status = 'accepted' then c.answer end as answer
        from questionnaire_contributions c
        where c.exercise_id = ${exerciseId} and c.archived_at is null ${questionId ? sql`and c.question_id = ${questionId}` : sql``}
        order by c.created_at`,
  );
}

/** The organisations an exercise names as contributors (an imported reply's covering text), in the order named. */
export async function listNamedContributorIds(db: Database, exerciseId: string): Promise<string[]> {
  const rows = await queryRows<{ organizationId: string }>(
    db,
    sql`select organization_id as "organizationId" from exercise_contributors where exercise_id = ${exerciseId} order by position`,
  );
  return rows.map((r) => r.organizationId);
}

export interface OrganizationRefRow {
  id: string;
  name: string;
  acronym: string | null;
}

/** Names of these organisations, in Spanish order of their names. */
export function listOrganizationRefs(db: Database, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return queryRows<OrganizationRefRow>(db, sql`select id, name, acronym from organizations where id = any(${uuidArray(ids)}) order by name_key`);
}

export interface NodeActivityRow {
  planNodeId: string;
  id: string;
  title: string;
  startDate: string;
  endDate: string | null;
  participants: number | null;
  events: number | null;
}

/**
 * The validated activities linked to these plan nodes whose dates touch the period (an open end of the
 * period does not limit), each with the node it answers for.
 */
export function listNodeActivitiesInPeriod(db: Database, nodeIds: readonly string[], period: { from: string | null; to: string | null }) {
  if (!nodeIds.length) return Promise.resolve([]);
  return queryRows<NodeActivityRow>(
    db,
    sql`select l.plan_node_id as "planNodeId", a.id, a.title, a.start_date as "startDate", a.end_date as "endDate", a.participants, a.events
        from activity_plan_nodes l join activities a on a.id = l.activity_id
        where l.plan_node_id = any(${uuidArray(nodeIds)}) and a.archived_at is null
          and (a.report_id is null or exists (select 1 from reports r where r.id = a.report_id and r.status = 'accepted'))
          ${period.to ? sql`and a.start_date <= ${period.to}` : sql``}
          ${period.from ? sql`and coalesce(a.end_date, a.start_date) >= ${period.from}` : sql``}
        order by a.start_date, a.title`,
  );
}

export const updateQuestionAnswer = (db: Database, id: string, version: number, values: { answer?: Answer; carriedAnswer?: Answer | null }) =>
  updateIfVersion(db, exerciseQuestions, id, version, values);

/** An exercise's question as the audit compares it before an edit; undefined when it is not that exercise's. */
export async function findExerciseQuestion(db: Database, exerciseId: string, questionId: string) {
  const [row] = await queryRows<{ id: string; answer: Answer; carriedAnswer: Answer | null; version: number }>(
    db,
    sql`select id, answer, carried_answer as "carriedAnswer", version from exercise_questions where id = ${questionId} and exercise_id = ${exerciseId}`,
  );
  return row;
}

/** The replies on the portal: published, not archived, newest reply first. */
export function listPublishedReplies(db: Database) {
  return queryRows<PublicReplyRef>(
    db,
    sql`select id, title, recipient, reference, reply_date as "replyDate" from questionnaire_exercises
        where published_at is not null and archived_at is null order by reply_date desc nulls last, title`,
  );
}
