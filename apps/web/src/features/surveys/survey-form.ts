import {
  LIKERT_AGREEMENT_LABELS,
  likertOptions,
  SURVEY_ANONYMITY,
  SurveyCreateSchema,
  SurveyUpdateSchema,
  type SurveyAnonymity,
  type SurveyAudience,
  type TemplateDefinition,
} from '@telar/domain';
import { z } from 'zod';
import { blankQuestion, definitionToForm, formToDefinition, type TemplateFormValues } from '../questionnaires/template-form';

/** The audience as the editor's fields hold it: the kind chosen, and each kind's choices kept while another is tried. */
export interface AudienceFormValues {
  kind: SurveyAudience['kind'];
  commissionIds: string[];
  stateCodes: string[];
  memberIds: string[];
}

export interface SurveyFormValues {
  title: string;
  description: string;
  anonymity: SurveyAnonymity;
  audience: AudienceFormValues;
  /** YYYY-MM-DD: the survey closes at the end of that day in Mexico City; blank, it closes only when someone closes it. */
  closesOn: string;
  definition: TemplateFormValues['definition'];
}

/** The five points of the Likert scale a rating question starts with (the coordination may reword them). */
export const LIKERT_OPTIONS_TEXT = likertOptions(LIKERT_AGREEMENT_LABELS)
  .map((option) => `${option.key} | ${option.label}`)
  .join('\n');

/** Mexico City keeps UTC−6 all year since 2022 (no daylight saving). */
const MEXICO_CITY_OFFSET = '-06:00';

/** "2026-12-15" → the last second of that day in Mexico City, as an instant. */
export function closingInstant(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return new Date(`${day}T23:59:59${MEXICO_CITY_OFFSET}`).toISOString();
}

/** An instant → its day in Mexico City (the date input's value). */
export function closingDay(instant: string | null): string {
  if (!instant) return '';
  return new Date(new Date(instant).getTime() - 6 * 3_600_000).toISOString().slice(0, 10);
}

export function audienceToForm(audience: SurveyAudience): AudienceFormValues {
  return {
    kind: audience.kind,
    commissionIds: audience.kind === 'commission' ? audience.commissionIds : [],
    stateCodes: audience.kind === 'states' ? audience.stateCodes : [],
    memberIds: audience.kind === 'list' ? audience.memberIds : [],
  };
}

export function formToAudience(values: AudienceFormValues): SurveyAudience {
  switch (values.kind) {
    case 'commission':
      return { kind: 'commission', commissionIds: values.commissionIds };
    case 'states':
      return { kind: 'states', stateCodes: values.stateCodes };
    case 'list':
      return { kind: 'list', memberIds: values.memberIds };
    default:
      return { kind: 'all' };
  }
}

export function blankSurveyValues(): SurveyFormValues {
  return {
    title: '',
    description: '',
    anonymity: 'optional',
    audience: { kind: 'all', commissionIds: [], stateCodes: [], memberIds: [] },
    closesOn: '',
    definition: { sections: [{ key: 's1', title: '', description: '', questions: [{ ...blankQuestion([]), kind: 'single_choice' }] }] },
  };
}

export function surveyToForm(survey: { title: string; description: string | null; anonymity: SurveyAnonymity; audience: SurveyAudience; closesAt: string | null; definition: TemplateDefinition }): Omit<SurveyFormValues, never> {
  return {
    title: survey.title,
    description: survey.description ?? '',
    anonymity: survey.anonymity,
    audience: audienceToForm(survey.audience),
    closesOn: closingDay(survey.closesAt),
    definition: definitionToForm(survey.definition),
  };
}

/** The editor's definition issues land on its text fields (as the template editor places them). */
const EDITOR_FIELDS: Record<string, string> = { options: 'optionsText', columns: 'columnsText', condition: 'conditionKey', repeat: 'repeatNodeKind' };
function toEditorPath(path: readonly PropertyKey[]): PropertyKey[] {
  if (path[0] === 'closesAt') return ['closesOn', ...path.slice(1)];
  if (path[0] === 'audience') return ['audience', path[1] === 'kind' || path.length === 1 ? 'kind' : path[1]!];
  const cut = path.findIndex((segment) => typeof segment === 'string' && segment in EDITOR_FIELDS);
  return cut < 0 ? [...path] : [...path.slice(0, cut), EDITOR_FIELDS[path[cut] as string]!];
}

/** The survey's fields as the API's input (no check). */
export function formToSurveyInput(values: SurveyFormValues) {
  return {
    title: values.title,
    description: values.description.trim() === '' ? null : values.description,
    definition: formToDefinition(values.definition),
    anonymity: values.anonymity,
    audience: formToAudience(values.audience),
    closesAt: closingInstant(values.closesOn),
  };
}

const FormShape = z.object({
  title: z.string(),
  description: z.string(),
  anonymity: z.enum(SURVEY_ANONYMITY),
  audience: z.custom<AudienceFormValues>((value) => typeof value === 'object' && value !== null),
  closesOn: z.string(),
  definition: z.custom<SurveyFormValues['definition']>((value) => typeof value === 'object' && value !== null),
});

/** Checks the built input with the API's own schema, each issue placed on the editor's field. */
function checkWith<TOutput>(schema: z.ZodType<TOutput>, input: unknown, ctx: z.RefinementCtx): TOutput {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: toEditorPath(issue.path), message: issue.message });
  return z.NEVER;
}

export const SurveyCreateFormSchema = FormShape.transform((values, ctx) => checkWith(SurveyCreateSchema, formToSurveyInput(values), ctx));

/** Saving a draft: the same fields, with the version the edit started from. */
export const SurveyUpdateFormSchema = FormShape.extend({ version: z.number().int().min(1) }).transform((values, ctx) =>
  checkWith(SurveyUpdateSchema, { ...formToSurveyInput(values), version: values.version }, ctx),
);
