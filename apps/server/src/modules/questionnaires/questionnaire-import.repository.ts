import { sql } from 'drizzle-orm';
import type { TemplateDefinition } from '@telar/domain';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { exerciseContributors } from './questionnaires.tables.js';

/**
 * A reply imported before: the body's live exercise with the same reference; without one, an imported (closed)
 * exercise with the same title and date — never an exercise being answered, nor last year's reply of the same name.
 */
export async function findImportedExercise(db: Database, bodyId: string, reference: string | null, title: string, date: string | null) {
  const [row] = await queryRows<{ id: string; templateId: string }>(
    db,
    sql`select e.id, v.template_id as "templateId" from questionnaire_exercises e join questionnaire_template_versions v on v.id = e.template_version_id
        where e.body_id = ${bodyId} and e.archived_at is null
          and ${reference === null ? sql`e.reference is null and e.title = ${title} and e.status = 'closed' and e.reply_date is not distinct from ${date}::date` : sql`e.reference = ${reference}`}
        limit 1`,
  );
  return row;
}

/** The body's template of this name with its newest version, to reuse it when the questions are the same. */
export async function findTemplateByName(db: Database, bodyId: string, name: string) {
  const [row] = await queryRows<{ id: string; version: number; currentVersion: number; currentVersionId: string; definition: TemplateDefinition }>(
    db,
    sql`select t.id, t.version, t.current_version as "currentVersion", v.id as "currentVersionId", v.definition
        from questionnaire_templates t join questionnaire_template_versions v on v.template_id = t.id and v.number = t.current_version
        where t.body_id = ${bodyId} and t.name = ${name}`,
  );
  return row;
}

export async function insertNamedContributors(db: Database, exerciseId: string, contributors: { organizationId: string; nameAsWritten: string }[]) {
  if (contributors.length) await db.insert(exerciseContributors).values(contributors.map((c, position) => ({ ...c, exerciseId, position })));
}

