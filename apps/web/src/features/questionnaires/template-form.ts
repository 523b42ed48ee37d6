import { QUESTION_KINDS, TemplateCreateSchema, TemplateUpdateSchema, type QuestionDefinition, type TemplateDefinition } from '@telar/domain';
import { z } from 'zod';

/** An option or column line: «Etiqueta» or «clave | Etiqueta»; «precisar» in an option's label asks for a text. */
export interface KeyedLine {
  key: string;
  label: string;
}

/** "Atención a víctimas" → "atencion_a_victimas": a key the template schema accepts. */
export function toKey(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36);
  return key || 'opcion';
}

/** One line per entry; a missing key is made from the label, and repeated keys get a number. */
export function parseKeyedLines(text: string): KeyedLine[] {
  const used = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const separator = line.indexOf('|');
      const label = (separator >= 0 ? line.slice(separator + 1) : line).trim();
      const base = separator >= 0 ? line.slice(0, separator).trim() : toKey(label);
      let key = base;
      for (let n = 2; used.has(key); n += 1) key = `${base}_${n}`;
      used.add(key);
      return { key, label };
    });
}

export const formatKeyedLines = (lines: readonly KeyedLine[]) => lines.map((line) => `${line.key} | ${line.label}`).join('\n');

const isOtherLabel = (label: string) => /precisar/i.test(label);

/** A question as the editor's fields hold it: options, columns and the condition as text. */
export interface QuestionFormValues {
  key: string;
  number: string;
  text: string;
  kind: (typeof QUESTION_KINDS)[number];
  required: boolean;
  help: string;
  editorialNote: string;
  optionsText: string;
  columnsText: string;
  conditionKey: string;
  /** Option keys, separated by commas. */
  conditionAnyOf: string;
  repeatNodeKind: string;
  isRepeated: boolean;
  withComment: boolean;
  /** Status questions: options from the plan's statuses or from the list. */
  statusSource: '' | 'list' | 'plan';
}

export interface SectionFormValues {
  key: string;
  title: string;
  description: string;
  questions: QuestionFormValues[];
}

export interface TemplateFormValues {
  name: string;
  description: string;
  bodyId: string;
  definition: { sections: SectionFormValues[] };
}

export function questionToForm(question: QuestionDefinition): QuestionFormValues {
  return {
    key: question.key,
    number: question.number,
    text: question.text,
    kind: question.kind,
    required: question.required,
    help: question.help ?? '',
    editorialNote: question.editorialNote ?? '',
    optionsText: formatKeyedLines(question.options),
    columnsText: formatKeyedLines(question.columns),
    conditionKey: question.condition?.questionKey ?? '',
    conditionAnyOf: question.condition?.anyOf.join(', ') ?? '',
    repeatNodeKind: question.repeat?.nodeKind ?? '',
    isRepeated: question.repeat !== null,
    withComment: question.withComment,
    statusSource: question.statusSource ?? '',
  };
}

export function definitionToForm(definition: TemplateDefinition): TemplateFormValues['definition'] {
  return {
    sections: definition.sections.map((section) => ({
      key: section.key,
      title: section.title,
      description: section.description ?? '',
      questions: section.questions.map(questionToForm),
    })),
  };
}

/** A new question, numbered after the ones already in the template, with a key none of them has. */
export function blankQuestion(existingKeys: readonly string[]): QuestionFormValues {
  let n = existingKeys.length + 1;
  while (existingKeys.includes(`p${n}`)) n += 1;
  return { key: `p${n}`, number: String(n), text: '', kind: 'open', required: false, help: '', editorialNote: '', optionsText: '', columnsText: '', conditionKey: '', conditionAnyOf: '', repeatNodeKind: '', isRepeated: false, withComment: false, statusSource: '' };
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The editor's fields as the template definition the API takes. */
export function formToDefinition(values: TemplateFormValues['definition']): TemplateDefinition {
  return {
    sections: values.sections.map((section) => ({
      key: section.key,
      title: section.title,
      description: blankToNull(section.description),
      questions: section.questions.map((question) => ({
        key: question.key,
        number: question.number,
        text: question.text,
        kind: question.kind,
        required: question.required,
        help: blankToNull(question.help),
        editorialNote: blankToNull(question.editorialNote),
        options: parseKeyedLines(question.optionsText).map((line) => (isOtherLabel(line.label) ? { ...line, other: true } : line)),
        columns: parseKeyedLines(question.columnsText),
        condition: question.conditionKey
          ? { questionKey: question.conditionKey, anyOf: question.conditionAnyOf.split(',').map((key) => key.trim()).filter(Boolean) }
          : null,
        repeat: question.isRepeated ? { over: 'plan_nodes' as const, nodeKind: question.repeatNodeKind.trim() } : null,
        withComment: question.withComment,
        ...(question.statusSource ? { statusSource: question.statusSource } : {}),
      })),
    })),
  };
}

/**
 * The domain's issue paths, moved onto the editor's fields: an option's, a column's or the condition's
 * problem is shown on the text field that holds them.
 */
const EDITOR_FIELDS: Record<string, string> = { options: 'optionsText', columns: 'columnsText', condition: 'conditionKey', repeat: 'repeatNodeKind' };
function toEditorPath(path: readonly PropertyKey[]): PropertyKey[] {
  const cut = path.findIndex((segment) => typeof segment === 'string' && segment in EDITOR_FIELDS);
  return cut < 0 ? [...path] : [...path.slice(0, cut), EDITOR_FIELDS[path[cut] as string]!];
}

/** Checks the built input with the API's own schema, each issue placed on the editor's field. */
function checkWith<TOutput>(schema: z.ZodType<TOutput>, input: unknown, ctx: z.RefinementCtx): TOutput {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: toEditorPath(issue.path), message: issue.message });
  return z.NEVER;
}

const DefinitionShape = z.custom<TemplateFormValues['definition']>((value) => typeof value === 'object' && value !== null);
const FormShape = z.object({ name: z.string(), description: z.string(), bodyId: z.string(), definition: DefinitionShape });

/** Creating a template: the editor's values, turned into the definition, checked by the API's own schema. */
export const TemplateCreateFormSchema = FormShape.transform((values, ctx) =>
  checkWith(TemplateCreateSchema, { name: values.name, description: values.description, bodyId: values.bodyId, definition: formToDefinition(values.definition) }, ctx),
);

/** Saving a template's definition (a new version): the same, with the version the edit started from. */
export const TemplateUpdateFormSchema = FormShape.omit({ bodyId: true })
  .extend({ version: z.number().int().min(1) })
  .transform((values, ctx) =>
    checkWith(TemplateUpdateSchema, { name: values.name, description: values.description, definition: formToDefinition(values.definition), version: values.version }, ctx),
  );
