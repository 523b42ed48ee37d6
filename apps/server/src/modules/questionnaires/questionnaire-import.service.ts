import { isDeepStrictEqual } from 'node:util';
import {
  CLOSED_KINDS,
  AnswerSchema,
  emptyAnswer,
  foldAccents,
  type ImportDiagnostic,
  type ImportedQuestion,
  type ImportedQuestionnaire,
  normalizeLabel,
  parseOrganizationName,
  parseQuestionnaire,
  type QuestionnaireImportResult,
  type QuestionOption,
  type SectionDefinition,
  type TemplateDefinition,
  TemplateDefinitionSchema,
  YES_NO_OPTIONS,
} from '@telar/domain';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { requireBodyManager } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, rethrowDuplicateAs } from '../../platform/errors.js';
import { findOrganizationByIdentity, insertOrganization } from '../directory/index.js';
import { findImportedExercise, findTemplateByName, insertNamedContributors } from './questionnaire-import.repository.js';
import { readReplyFile } from './reply-file.js';
import {
  type ExerciseQuestionValues,
  findCurrentTemplateVersion,
  findTemplate,
  insertExercise,
  insertExerciseQuestions,
  insertTemplate,
  insertTemplateVersion,
  updateTemplate,
} from './questionnaires.repository.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

type Counts = QuestionnaireImportResult['created'];
const zeroCounts = (): Counts => ({ templates: 0, exercises: 0, questions: 0, organizations: 0 });

/** Thrown to roll a dry run back after it has done (and counted) everything. */
class DryRunRollback extends Error {
  constructor(readonly result: QuestionnaireImportResult) {
    super('dry run');
  }
}

/** A key as the template schema wants it: lower-case letters, digits and underscores, from any label. */
function toKey(text: string, prefix = '', max = 40): string {
  const slug = foldAccents(text.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${prefix}${slug}`.slice(0, max).replace(/_+$/, '');
}

/** Makes keys unique within a set: the second «q1» becomes «q1_2». */
function uniqueKey(wanted: string, fallback: string, taken: Set<string>): string {
  const base = wanted || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 36)}_${n}`;
  taken.add(key);
  return key;
}

const YES_NO_BY_LABEL = new Map(YES_NO_OPTIONS.map((o) => [normalizeLabel(o.label), o.key]));
const isOtherLabel = (label: string) => /^otr[oa]s?\b/.test(normalizeLabel(label));

/** The imported options with keys: a yes/no question keeps the fixed keys («Sí» → yes), others are slugs of their labels. */
function toOptions(question: ImportedQuestion): QuestionOption[] {
  const taken = new Set<string>();
  return question.options.map((option, index) => {
    const fixed = question.kind === 'yes_no' ? YES_NO_BY_LABEL.get(normalizeLabel(option.label)) : undefined;
    const key = uniqueKey(fixed ?? toKey(option.label), `opcion_${index + 1}`, taken);
    return isOtherLabel(option.label) ? { key, label: option.label, other: true } : { key, label: option.label };
  });
}

/** A table question declares the columns of the first table its answer holds. */
function toColumns(question: ImportedQuestion) {
  const table = question.kind === 'table' ? question.answer.blocks.find((b) => b.type === 'table') : undefined;
  const taken = new Set<string>();
  return (table?.type === 'table' ? table.header : []).filter((label) => label.trim()).map((label, index) => ({ key: uniqueKey(toKey(label), `columna_${index + 1}`, taken), label: label.trim() }));
}

/** The template definition the imported questions make, and each question with its answer as the official one. */
function deriveQuestions(imported: ImportedQuestionnaire): { definition: TemplateDefinition; rows: Omit<ExerciseQuestionValues, 'position'>[] } {
  const keys = new Set<string>();
  const sections: SectionDefinition[] = [];
  const optionsOf = imported.questions.map(toOptions);
  imported.questions.forEach((question, index) => {
    const title = question.section?.trim() ?? '';
    let section = sections.at(-1);
    if (!section || section.title !== title) {
      section = { key: `s${sections.length + 1}`, title, description: null, questions: [] };
      sections.push(section);
    }
    section.questions.push({
      key: uniqueKey(toKey(question.number, 'q'), `q${index + 1}`, keys),
      number: question.number.trim() || String(index + 1),
      text: question.text,
      kind: question.kind,
      required: question.required,
      help: null,
      editorialNote: question.editorialNote,
      options: optionsOf[index]!,
      columns: toColumns(question),
      condition: null,
      repeat: null,
      withComment: false,
    });
  });
  if (!sections.length) sections.push({ key: 's1', title: '', description: null, questions: [] });
  const parsed = TemplateDefinitionSchema.safeParse({ sections });
  if (!parsed.success) {
    // Name the imported question, by its number and line, whose text the template cannot hold.
    const byKey = new Map(sections.flatMap((section) => section.questions).map((definition, index) => [definition.key, imported.questions[index]!]));
    throw new DomainError(
      'import_invalid',
      parsed.error.issues.map((issue) => {
        const [, s, , q] = issue.path;
        const question = typeof s === 'number' && typeof q === 'number' ? byKey.get(sections[s]?.questions[q]?.key ?? '') : undefined;
        return question
          ? { path: `questions.${imported.questions.indexOf(question)}`, message: `Pregunta ${question.number} (línea ${question.line}): ${issue.message}` }
          : { path: issue.path.join('.'), message: issue.message };
      }),
    );
  }
  const definitions = parsed.data.sections.flatMap((section) => section.questions);
  const problems: { path: string; message: string }[] = [];
  const rows = imported.questions.map((question, index) => {
    const definition = definitions[index]!;
    const selected = CLOSED_KINDS.includes(question.kind) ? optionsOf[index]!.filter((_, i) => question.options[i]!.marked).map((o) => o.key) : [];
    // Held to the limits of an answer typed in Telar, so the coordinator can edit and carry it over later.
    const answer = AnswerSchema.safeParse({ ...emptyAnswer(), text: question.answer, selected, otherText: question.otherText });
    if (!answer.success) problems.push({ path: `questions.${index}`, message: `Pregunta ${question.number} (línea ${question.line}): ${answer.error.issues[0]!.message}` });
    return { key: definition.key, number: definition.number, text: definition.text, section: question.section, definition, planNodeId: null, answer: answer.data!, carriedAnswer: null };
  });
  if (problems.length) throw new DomainError('import_invalid', problems);
  return { definition: parsed.data, rows };
}

/**
 * Imports an existing reply (what `parseQuestionnaire` read) as a closed exercise of the body: a template
 * (reused when the body has one of that name with the same questions), the exercise, its questions with
 * the reply's answers as the official ones, and the organisations the covering text names. One
 * transaction: a dry run does everything and rolls back, so its counts are exact; a reply imported before
 * (same reference, or same title without one) creates nothing.
 */
export function createQuestionnaireImportService(db: Database, actor: Actor) {
  // Only who may import into the body reads the document: nobody else learns what it holds.
  const requireImporter = async (bodyId: string) =>
    requireBodyManager(actor, await findBodyScope(db, bodyId), { path: 'bodyId', message: 'Solo la secretaría técnica del órgano (o una persona administradora) importa sus respuestas.' });

  async function importQuestionnaire(imported: ImportedQuestionnaire, options: { bodyId: string; dryRun: boolean }): Promise<QuestionnaireImportResult> {
    await requireImporter(options.bodyId);
    try {
      return await db.transaction(async (tx) => {
        const result = await writeImport(tx, actor, imported, options.bodyId);
        if (options.dryRun && !result.reused) throw new DryRunRollback({ ...result, exerciseId: null, templateId: result.created.templates ? null : result.templateId });
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    }
  }

  return {
    importQuestionnaire,

    /** The text of a reply (pasted, or a .docx turned to text): read, then imported; a text the reader cannot follow writes nothing. */
    async importText(text: string, options: { bodyId: string; dryRun: boolean }): Promise<QuestionnaireImportResult> {
      await requireImporter(options.bodyId);
      const parsed = parseQuestionnaire(text);
      if (!parsed.ok) throw new DomainError('import_invalid', parsed.errors.map((e) => ({ path: 'text', message: `Línea ${e.line}: ${e.message}` })));
      return importQuestionnaire(parsed.value, options);
    },

    /** A reply sent as a file (.txt or .md in UTF-8, or .docx): read as text, then imported as `importText` does. */
    async importFile(file: { name: string; bytes: Uint8Array }, options: { bodyId: string; dryRun: boolean }): Promise<QuestionnaireImportResult> {
      await requireImporter(options.bodyId);
      const text = await readReplyFile(file.name, file.bytes).catch((error: Error) => {
        throw new DomainError('import_invalid', [{ path: 'file', message: error.message }]);
      });
      return this.importText(text, options);
    },
  };
}

async function writeImport(db: Database, actor: Actor, imported: ImportedQuestionnaire, bodyId: string): Promise<QuestionnaireImportResult> {
  const warnings: ImportDiagnostic[] = [...imported.warnings];
  const created = zeroCounts();
  const title = imported.title.trim();
  const reference = imported.reference?.trim() || null;
  const existing = await findImportedExercise(db, bodyId, reference, title, imported.date);
  if (existing) return { exerciseId: existing.id, templateId: existing.templateId, created, reused: true, warnings };

  const { definition, rows } = deriveQuestions(imported);
  const { templateId, templateVersionId } = await findOrCreateTemplate(db, actor, bodyId, title, definition, created);
  const exercise = await insertExercise(db, {
    templateVersionId,
    bodyId,
    title,
    recipient: imported.recipient,
    reference,
    replyDate: imported.date,
    place: imported.place,
    coverNote: imported.coverNote,
    // The reply was sent already: nothing is asked of anyone.
    status: 'closed',
  }).catch(rethrowDuplicateAs('reference', 'Ya se importó una respuesta con esta referencia.'));
  created.exercises++;
  await insertExerciseQuestions(db, exercise.id, rows.map((row, position) => ({ ...row, position })));
  created.questions += rows.length;

  const contributors = new Map<string, string>();
  for (const written of imported.contributors) {
    const { name, acronym, key } = parseOrganizationName(written);
    // "SNDIF" alone is an acronym: match it as one.
    const soughtAcronym = acronym ?? (/^[\p{Lu}\p{N}&.-]{2,15}$/u.test(name) ? name : null);
    let organization = await findOrganizationByIdentity(db, key, soughtAcronym);
    if (!organization) {
      // A reply of the State names public institutions; the directory needs a sector and level, to be corrected there.
      organization = await insertOrganization(db, { name, acronym: soughtAcronym, nameKey: key, sector: 'government', level: 'federal', stateCode: null, parentId: null });
      created.organizations++;
      warnings.push({ line: 0, message: `Se agregó «${name}» al directorio como institución de gobierno federal: revise su sector y nivel.` });
    }
    if (!contributors.has(organization.id)) contributors.set(organization.id, written);
  }
  await insertNamedContributors(db, exercise.id, [...contributors].map(([organizationId, nameAsWritten]) => ({ organizationId, nameAsWritten })));
  await insertAuditEntry(db, { actor: describeActor(actor), action: 'import', entity: 'questionnaire_exercise', entityId: exercise.id, changes: { created: [null, created] } });
  return { exerciseId: exercise.id, templateId, created, reused: false, warnings };
}

/** The body's template of that name when its newest version asks the same; a new version when it differs; else a new template. */
async function findOrCreateTemplate(db: Database, actor: Actor, bodyId: string, name: string, definition: TemplateDefinition, created: Counts) {
  const existing = await findTemplateByName(db, bodyId, name);
  if (existing && isDeepStrictEqual(existing.definition, definition)) return { templateId: existing.id, templateVersionId: existing.currentVersionId };
  let templateId: string;
  if (existing) {
    templateId = existing.id;
    const number = existing.currentVersion + 1;
    await insertTemplateVersion(db, templateId, number, definition);
    await writeVersionedUpdate(db, actor, { entity: 'questionnaire_template', id: templateId, version: existing.version, values: { currentVersion: number }, find: findTemplate, write: updateTemplate });
  } else {
    templateId = (await insertTemplate(db, { bodyId, name })).id;
    await insertTemplateVersion(db, templateId, 1, definition);
    await auditCreate(db, actor, 'questionnaire_template', templateId, { name, bodyId, currentVersion: 1 });
    created.templates++;
  }
  return { templateId, templateVersionId: (await findCurrentTemplateVersion(db, templateId))!.id };
}
