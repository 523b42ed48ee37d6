import type {
  Answer,
  AssignmentView,
  ContributionStatus,
  ExerciseView,
  ExpansionNode,
  MyContributionView,
  QuestionDefinition,
  TemplateDefinition,
  TemplateView,
} from '@telar/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { matchesSearch, type PageRequest, pageClause, queryRows, updateIfVersion, uuidArray, whereAll } from '../../platform/db/query.js';
import { bodyRefJson, isoInstant } from '../../platform/db/views.sql.js';
import { contributions, exerciseQuestions, questionnaireExercises, questionnaireTemplates, questionnaireTemplateVersions } from './questionnaires.tables.js';

export type TemplateRow = typeof questionnaireTemplates.$inferSelect;
export type ExerciseRow = typeof questionnaireExercises.$inferSelect;
export type ContributionRow = typeof contributions.$inferSelect;

/** Due date passed (Mexico City's calendar day) and nothing sent yet. */
const isOverdue = (c: SQL) => sql`(${c}.due_on < (now() at time zone 'America/Mexico_City')::date and ${c}.status not in ('submitted', 'accepted'))`;

/** Whether an official answer has anything in it (blank paragraphs aside, which the editor does not leave). */
const hasAnswer = (answer: SQL) => sql`(jsonb_array_length(${answer}->'text'->'blocks') > 0 or jsonb_array_length(${answer}->'selected') > 0
  or coalesce(${answer}->>'otherText', '') <> '' or ${answer}->>'number' is not null or ${answer}->>'date' is not null
  or jsonb_array_length(${answer}->'rows') > 0)`;

const organizationRef = (o: SQL) => sql`json_build_object('id', ${o}.id, 'name', ${o}.name, 'acronym', ${o}.acronym)`;

// ── Templates ──────────────────────────────────────────────────────────────────────────────────

const questionCountOf = (definition: SQL) =>
  sql`(select coalesce(sum(jsonb_array_length(s->'questions')), 0)::int from jsonb_array_elements(${definition}->'sections') s)`;

const templateViewColumns = sql`t.id, t.name, t.description, ${bodyRefJson(sql`b`)} as body, t.current_version as "currentVersion",
  (select ${questionCountOf(sql`v.definition`)} from questionnaire_template_versions v where v.template_id = t.id and v.number = t.current_version) as "questionCount",
  (select count(*)::int from questionnaire_exercises e join questionnaire_template_versions v on v.id = e.template_version_id
    where v.template_id = t.id and e.archived_at is null) as "exerciseCount",
  t.version, ${isoInstant(sql`t.updated_at`)} as "updatedAt"`;

export async function listTemplates(db: Database, filter: { q?: string; bodyId?: string }, page: PageRequest) {
  const where = whereAll([sql`t.archived_at is null`, filter.bodyId ? sql`t.body_id = ${filter.bodyId}` : undefined, matchesSearch(sql`t.search`, filter.q)]);
  const [items, [count]] = await Promise.all([
    queryRows<TemplateView>(db, sql`select ${templateViewColumns} from questionnaire_templates t join bodies b on b.id = t.body_id where ${where} order by t.name ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from questionnaire_templates t where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findTemplateView(db: Database, id: string) {
  const [row] = await queryRows<TemplateView & { definition: TemplateDefinition }>(
    db,
    sql`select ${templateViewColumns}, v.definition from questionnaire_templates t join bodies b on b.id = t.body_id
        join questionnaire_template_versions v on v.template_id = t.id and v.number = t.current_version where t.id = ${id}`,
  );
  return row;
}

export function listTemplateVersions(db: Database, templateId: string) {
  return queryRows<{ number: number; createdAt: string; questionCount: number }>(
    db,
    sql`select v.number, ${isoInstant(sql`v.created_at`)} as "createdAt", ${questionCountOf(sql`v.definition`)} as "questionCount"
        from questionnaire_template_versions v where v.template_id = ${templateId} order by v.number desc`,
  );
}

export async function findTemplate(db: Database, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(questionnaireTemplates).where(eq(questionnaireTemplates.id, id));
  return row;
}

/** The version an exercise is made from: the template's newest. */
export async function findCurrentTemplateVersion(db: Database, templateId: string) {
  const [row] = await queryRows<{ id: string; number: number; definition: TemplateDefinition; bodyId: string; archivedAt: string | null }>(
    db,
    sql`select v.id, v.number, v.definition, t.body_id as "bodyId", t.archived_at as "archivedAt"
        from questionnaire_templates t join questionnaire_template_versions v on v.template_id = t.id and v.number = t.current_version where t.id = ${templateId}`,
  );
  return row;
}

export async function insertTemplate(db: Database, values: Omit<typeof questionnaireTemplates.$inferInsert, 'id'>) {
  const [row] = await db.insert(questionnaireTemplates).values(values).returning();
  return row!;
}

/** Versions are written once and never changed. */
export async function insertTemplateVersion(db: Database, templateId: string, number: number, definition: TemplateDefinition) {
  await db.insert(questionnaireTemplateVersions).values({ templateId, number, definition });
}

export const updateTemplate = (db: Database, id: string, version: number, values: Partial<typeof questionnaireTemplates.$inferInsert>) =>
  updateIfVersion(db, questionnaireTemplates, id, version, values);

// ── Exercises ──────────────────────────────────────────────────────────────────────────────────

const exerciseViewColumns = sql`e.id, e.title, e.recipient, e.reference, e.received_on::text as "receivedOn", e.internal_due_on::text as "internalDueOn",
  e.external_due_on::text as "externalDueOn", e.period_from::text as "periodFrom", e.period_to::text as "periodTo", e.status, ${bodyRefJson(sql`b`)} as body,
  json_build_object('id', t.id, 'name', t.name, 'version', v.number) as template,
  (select json_build_object('id', p.id, 'name', p.name) from plans p where p.id = e.plan_id) as plan,
  (select json_build_object('id', pe.id, 'title', pe.title) from questionnaire_exercises pe where pe.id = e.previous_exercise_id) as "previousExercise",
  (select count(*)::int from exercise_questions q where q.exercise_id = e.id) as "questionCount",
  (select count(*)::int from exercise_questions q where q.exercise_id = e.id and ${hasAnswer(sql`q.answer`)}) as "answeredCount",
  e.published_at is not null as "isPublished", e.version, ${isoInstant(sql`e.updated_at`)} as "updatedAt"`;

const exerciseFrom = sql`questionnaire_exercises e join bodies b on b.id = e.body_id
  join questionnaire_template_versions v on v.id = e.template_version_id join questionnaire_templates t on t.id = v.template_id`;

export interface ExerciseFilter {
  q?: string;
  bodyId?: string;
  templateId?: string;
  status?: string;
}

export async function listExercises(db: Database, filter: ExerciseFilter, page: PageRequest) {
  const where = whereAll([
    sql`e.archived_at is null`,
    filter.bodyId ? sql`e.body_id = ${filter.bodyId}` : undefined,
    filter.templateId ? sql`v.template_id = ${filter.templateId}` : undefined,
    filter.status ? sql`e.status = ${filter.status}` : undefined,
    matchesSearch(sql`e.search`, filter.q),
  ]);
  const [items, [count]] = await Promise.all([
    queryRows<ExerciseView>(db, sql`select ${exerciseViewColumns} from ${exerciseFrom} where ${where} order by e.created_at desc ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${exerciseFrom} where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findExerciseView(db: Database, id: string) {
  const [row] = await queryRows<ExerciseView & { replyDate: string | null; place: string | null; coverNote: ExerciseRow['coverNote'] }>(
    db,
    sql`select ${exerciseViewColumns}, e.reply_date::text as "replyDate", e.place, e.cover_note as "coverNote" from ${exerciseFrom} where e.id = ${id}`,
  );
  return row;
}

export async function findExercise(db: Database, id: string): Promise<ExerciseRow | undefined> {
  const [row] = await db.select().from(questionnaireExercises).where(eq(questionnaireExercises.id, id));
  return row;
}

/** Live exercises named by id or by their communication's reference ("JAL MEX 4/2021"): what a person types on the command line. */
export function findExerciseIdsByReference(db: Database, referenceOrId: string) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(referenceOrId);
  return queryRows<{ id: string }>(
    db,
    sql`select id from questionnaire_exercises where archived_at is null and ${isId ? sql`id = ${referenceOrId}::uuid` : sql`reference = ${referenceOrId}`} order by created_at`,
  );
}

/** An exercise with the template it was made from, to check a "previous exercise" against a new one. */
export async function findExerciseOrigin(db: Database, id: string) {
  const [row] = await queryRows<{ id: string; bodyId: string; templateId: string }>(
    db,
    sql`select e.id, e.body_id as "bodyId", v.template_id as "templateId" from questionnaire_exercises e
        join questionnaire_template_versions v on v.id = e.template_version_id where e.id = ${id} and e.archived_at is null`,
  );
  return row;
}

export async function insertExercise(db: Database, values: Omit<typeof questionnaireExercises.$inferInsert, 'id'>) {
  const [row] = await db.insert(questionnaireExercises).values(values).returning();
  return row!;
}

export const updateExercise = (db: Database, id: string, version: number, values: Partial<typeof questionnaireExercises.$inferInsert>) =>
  updateIfVersion(db, questionnaireExercises, id, version, values);

export interface ExerciseQuestionValues {
  key: string;
  position: number;
  number: string;
  text: string;
  section: string | null;
  definition: QuestionDefinition;
  planNodeId: string | null;
  answer: Answer;
  carriedAnswer: Answer | null;
}

export async function insertExerciseQuestions(db: Database, exerciseId: string, questions: ExerciseQuestionValues[]) {
  if (questions.length) await db.insert(exerciseQuestions).values(questions.map((q) => ({ ...q, exerciseId })));
}

/** A plan's nodes in plan order: depth first, siblings by position (what "the plan's priorities, in order" means). */
export function listPlanNodesInOrder(db: Database, planId: string) {
  return queryRows<ExpansionNode>(
    db,
    sql`with recursive tree(id, path) as (
          select n.id, array[n.position] from plan_nodes n where n.plan_id = ${planId} and n.parent_id is null and n.archived_at is null
          union all
          select n.id, tree.path || n.position from plan_nodes n join tree on n.parent_id = tree.id where n.archived_at is null and cardinality(tree.path) < 100)
        select n.id, n.kind, n.code, n.title, n.status, n.start_date as "startDate", n.due_date as "dueDate" from tree join plan_nodes n on n.id = tree.id order by tree.path, n.code`,
  );
}

/** The official answers of an exercise that say something, by question key and plan node: what a following exercise carries over. */
export function listOfficialAnswers(db: Database, exerciseId: string) {
  return queryRows<{ key: string; planNodeId: string | null; answer: Answer }>(
    db,
    sql`select q.key, q.plan_node_id as "planNodeId", q.answer from exercise_questions q where q.exercise_id = ${exerciseId} and ${hasAnswer(sql`q.answer`)}`,
  );
}

export interface ExerciseQuestionRow {
  id: string;
  key: string;
  number: string;
  text: string;
  section: string | null;
  definition: QuestionDefinition;
  planNode: { id: string; code: string; title: string } | null;
  isAnswered: boolean;
}

export function listExerciseQuestions(db: Database, exerciseId: string, questionIds?: string[]) {
  return queryRows<ExerciseQuestionRow>(
    db,
    sql`select q.id, q.key, q.number, q.text, q.section, q.definition,
          (select json_build_object('id', n.id, 'code', n.code, 'title', n.title) from plan_nodes n where n.id = q.plan_node_id) as "planNode",
          ${hasAnswer(sql`q.answer`)} as "isAnswered"
        from exercise_questions q where q.exercise_id = ${exerciseId} ${questionIds ? sql`and q.id = any(${uuidArray(questionIds)})` : sql``}
        order by q.position`,
  );
}

/** Organisations named as contributors: those an imported reply names, then those with an accepted contribution. */
export function listExerciseContributors(db: Database, exerciseId: string) {
  return queryRows<{ id: string; name: string; acronym: string | null }>(
    db,
    sql`select o.id, o.name, o.acronym from (
          select ec.organization_id, ec.position as rank, '' as name_key from exercise_contributors ec where ec.exercise_id = ${exerciseId}
          union all
          select distinct c.organization_id, 100000, o2.name_key from questionnaire_contributions c join organizations o2 on o2.id = c.organization_id
            where c.exercise_id = ${exerciseId} and c.status = 'accepted' and c.archived_at is null
              and not exists (select 1 from exercise_contributors ec where ec.exercise_id = ${exerciseId} and ec.organization_id = c.organization_id)
        ) named join organizations o on o.id = named.organization_id order by named.rank, named.name_key`,
  );
}

// ── Assignments and contributions ──────────────────────────────────────────────────────────────

export function listAssignments(db: Database, exerciseId: string) {
  return queryRows<AssignmentView>(
    db,
    sql`select c.id, c.question_id as "questionId", ${organizationRef(sql`o`)} as organization, c.due_on::text as "dueOn", c.id as "contributionId",
          c.status, ${isOverdue(sql`c`)} as "isOverdue"
        from questionnaire_contributions c join organizations o on o.id = c.organization_id join exercise_questions q on q.id = c.question_id
        where c.exercise_id = ${exerciseId} and c.archived_at is null order by q.position, o.name_key`,
  );
}

/** The contributions of an exercise by question and organisation, removed ones included, with their due dates. */
/** Each assigned pair's due date and whether it was withdrawn, by "questionId:organizationId": what a new assignment changes. */
export async function listAssignmentStates(db: Database, exerciseId: string): Promise<Map<string, { dueOn: string | null; isWithdrawn: boolean }>> {
  const rows = await queryRows<{ questionId: string; organizationId: string; dueOn: string | null; isWithdrawn: boolean }>(
    db,
    sql`select question_id as "questionId", organization_id as "organizationId", due_on::text as "dueOn", archived_at is not null as "isWithdrawn"
        from questionnaire_contributions where exercise_id = ${exerciseId}`,
  );
  return new Map(rows.map(({ questionId, organizationId, ...state }) => [`${questionId}:${organizationId}`, state]));
}

/**
 * One contribution per question × organisation: a new pair starts pending with `answer` (empty); a
 * pair already there (even removed) keeps its work and takes the new due date. A pair left as it was is
 * not written (nor returned), so an enlace's edit in progress does not meet a new version for nothing.
 */
export function upsertAssignments(db: Database, exerciseId: string, pairs: { questionId: string; organizationId: string }[], dueOn: string | null, answer: Answer) {
  if (!pairs.length) return Promise.resolve([]);
  const values = sql.join(
    pairs.map((p) => sql`(${exerciseId}::uuid, ${p.questionId}::uuid, ${p.organizationId}::uuid, ${dueOn}::date, ${JSON.stringify(answer)}::jsonb)`),
    sql`, `,
  );
  return queryRows<{ id: string; questionId: string; organizationId: string }>(
    db,
    sql`insert into questionnaire_contributions as c (exercise_id, question_id, organization_id, due_on, answer) values ${values}
        on conflict (question_id, organization_id) do update set due_on = excluded.due_on, archived_at = null, version = c.version + 1, updated_at = now()
          where c.due_on is distinct from excluded.due_on or c.archived_at is not null
        returning c.id, c.question_id as "questionId", c.organization_id as "organizationId"`,
  );
}

/** A contribution with what its rules need: its status, the exercise's body and status, and its question. */
export interface ContributionFacts {
  id: string;
  status: ContributionStatus;
  version: number;
  exerciseId: string;
  exerciseStatus: string;
  bodyId: string;
  previousExerciseId: string | null;
  organizationId: string;
  questionId: string;
  questionKey: string;
  planNodeId: string | null;
  isRequired: boolean;
  isArchived: boolean;
}

/** The contribution's facts, its row held `for update` when asked (a status change or an edit in progress). */
export async function findContributionFacts(db: Database, id: string, lock = false): Promise<ContributionFacts | undefined> {
  const [row] = await queryRows<ContributionFacts>(
    db,
    sql`select c.id, c.status, c.version, c.exercise_id as "exerciseId", e.status as "exerciseStatus", e.body_id as "bodyId",
          e.previous_exercise_id as "previousExerciseId", c.organization_id as "organizationId", c.question_id as "questionId",
          q.key as "questionKey", q.plan_node_id as "planNodeId", coalesce((q.definition->>'required')::boolean, false) as "isRequired",
          c.archived_at is not null as "isArchived"
        from questionnaire_contributions c join questionnaire_exercises e on e.id = c.exercise_id join exercise_questions q on q.id = c.question_id
        where c.id = ${id} ${lock ? sql`for update of c` : sql``}`,
  );
  return row;
}

export async function findContribution(db: Database, id: string): Promise<ContributionRow | undefined> {
  const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
  return row;
}

export const updateContribution = (db: Database, id: string, version: number, values: Partial<typeof contributions.$inferInsert>) =>
  updateIfVersion(db, contributions, id, version, values);

export async function findContributionView(db: Database, id: string) {
  const [row] = await queryRows<{
    id: string;
    exercise: { id: string; title: string };
    organization: { id: string; name: string; acronym: string | null };
    status: ContributionStatus;
    dueOn: string | null;
    isOverdue: boolean;
    answer: Answer;
    links: { kind: string; id: string }[];
    reviewComment: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
    version: number;
  }>(
    db,
    sql`select c.id, json_build_object('id', e.id, 'title', e.title) as exercise, ${organizationRef(sql`o`)} as organization, c.status,
          c.due_on::text as "dueOn", ${isOverdue(sql`c`)} as "isOverdue", c.answer, c.links, c.review_comment as "reviewComment",
          ${isoInstant(sql`c.submitted_at`)} as "submittedAt", ${isoInstant(sql`c.reviewed_at`)} as "reviewedAt", c.version
        from questionnaire_contributions c join questionnaire_exercises e on e.id = c.exercise_id join organizations o on o.id = c.organization_id
        where c.id = ${id} and c.archived_at is null`,
  );
  return row;
}

/**
 * What the previous exercise answered to the same question (same key, same plan node): the
 * organisation's own accepted contribution when it made one, else the official answer.
 */
export async function findPreviousAnswer(db: Database, previousExerciseId: string, key: string, planNodeId: string | null, organizationId: string) {
  const [row] = await queryRows<{ answer: Answer }>(
    db,
    sql`select coalesce(
          (select c.answer from questionnaire_contributions c where c.question_id = q.id and c.organization_id = ${organizationId}
             and c.status = 'accepted' and c.archived_at is null),
          case when ${hasAnswer(sql`q.answer`)} then q.answer end) as answer
        from exercise_questions q where q.exercise_id = ${previousExerciseId} and q.key = ${key} and q.plan_node_id is not distinct from ${planNodeId}::uuid`,
  );
  return row?.answer ?? null;
}

const LINK_LABELS: Record<string, SQL> = {
  activity: sql`select id, title as label from activities where archived_at is null`,
  agreement: sql`select id, coalesce(code || ' ', '') || left(text, 200) as label from agreements where archived_at is null`,
  plan_node: sql`select id, code || ' ' || title as label from plan_nodes where archived_at is null`,
  indicator: sql`select id, name as label from indicators where archived_at is null`,
  evidence: sql`select id, title as label from evidence`,
};

/** The labels of the Telar records a contribution cites, by kind and id (a record not found has none). */
export async function findLinkLabels(db: Database, links: readonly { kind: string; id: string }[]): Promise<Map<string, string>> {
  const kinds = [...new Set(links.map((link) => link.kind))].filter((kind) => LINK_LABELS[kind]);
  if (!kinds.length) return new Map();
  const parts = kinds.map((kind) => {
    const ids = links.filter((link) => link.kind === kind).map((link) => link.id);
    return sql`select ${kind} as kind, r.id::text as id, r.label from (${LINK_LABELS[kind]!}) r where r.id = any(${uuidArray(ids)})`;
  });
  const rows = await queryRows<{ kind: string; id: string; label: string }>(db, sql.join(parts, sql` union all `));
  return new Map(rows.map((row) => [`${row.kind}:${row.id}`, row.label]));
}

export interface MyContributionFilter {
  /** Organisations the person is enlace of: their contributions still to write. */
  organizationIds: string[];
  /** Bodies the person's secretariat manages (with the bodies under them), or every body: contributions to review. */
  bodyIds: string[] | 'all';
}

export async function listMyContributions(db: Database, { organizationIds, bodyIds }: MyContributionFilter, page: PageRequest) {
  const owed = organizationIds.length
    ? sql`(c.organization_id = any(${uuidArray(organizationIds)}) and c.status in ('pending', 'draft', 'sent_back'))`
    : sql`false`;
  const managed =
    bodyIds === 'all'
      ? sql`true`
      : bodyIds.length
        ? sql`e.body_id in (with recursive down(id) as (select unnest(${uuidArray(bodyIds)})
            union select b.id from bodies b join down on b.parent_id = down.id) select id from down)`
        : sql`false`;
  const where = sql`c.archived_at is null and e.archived_at is null and e.status = 'open' and (${owed} or (c.status = 'submitted' and ${managed}))`;
  const from = sql`questionnaire_contributions c join questionnaire_exercises e on e.id = c.exercise_id join exercise_questions q on q.id = c.question_id
    join organizations o on o.id = c.organization_id`;
  const [items, [count]] = await Promise.all([
    queryRows<MyContributionView>(
      db,
      sql`select c.id, json_build_object('id', e.id, 'title', e.title) as exercise, q.number as "questionNumber", q.text as "questionText",
            ${organizationRef(sql`o`)} as organization, c.status, c.due_on::text as "dueOn", ${isOverdue(sql`c`)} as "isOverdue"
          from ${from} where ${where} order by c.due_on nulls last, e.title, q.position, o.name_key ${pageClause(page)}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${from} where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

// ── Board ──────────────────────────────────────────────────────────────────────────────────────

/** The board in two statements: the questions in order, and every live contribution with its organisation. */
export async function readBoard(db: Database, exerciseId: string) {
  const [questions, cells] = await Promise.all([
    queryRows<{ id: string; number: string; text: string }>(db, sql`select q.id, q.number, q.text from exercise_questions q where q.exercise_id = ${exerciseId} order by q.position`),
    queryRows<{
      questionId: string;
      organizationId: string;
      contributionId: string;
      status: ContributionStatus;
      isOverdue: boolean;
      organization: { id: string; name: string; acronym: string | null };
    }>(
      db,
      sql`select c.question_id as "questionId", c.organization_id as "organizationId", c.id as "contributionId", c.status, ${isOverdue(sql`c`)} as "isOverdue",
            ${organizationRef(sql`o`)} as organization
          from questionnaire_contributions c join organizations o on o.id = c.organization_id
          where c.exercise_id = ${exerciseId} and c.archived_at is null order by o.name_key, o.id`,
    ),
  ]);
  return { questions, cells };
}
