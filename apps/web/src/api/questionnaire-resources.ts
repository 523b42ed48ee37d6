import { queryOptions } from '@tanstack/react-query';
import type {
  ConsolidationView,
  ContributionView,
  ExerciseBoardView,
  ExerciseDetailView,
  ExerciseView,
  MyContributionView,
  Page,
  QuestionnaireImportResult,
  ReplyFormat,
  TemplateDetailView,
  TemplateView,
  TemplateXlsFormImportResult,
} from '@telar/domain';
import { buildApiUrl, getJson, sendDelete, sendFormData, sendJson } from './client';
import { defineResource } from './resources';

/** The API's largest page. */
const MAX_PAGE_SIZE = 500;
const MY_CONTRIBUTIONS_SHOWN = 20;

/** A multipart form: the chosen file under `file`, then the text fields. */
function uploadForm(file: File, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', file);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

const templatesResource = defineResource<TemplateView, TemplateDetailView>('questionnaire-templates');
const exercisesResource = defineResource<ExerciseView, ExerciseDetailView>('questionnaire-exercises');
const contributionsResource = defineResource<ContributionView, ContributionView>('questionnaire-contributions');

/** Templates are few (one per kind of questionnaire): their list is read whole, in one page. */
export const questionnaireTemplatesApi = {
  list: () =>
    queryOptions({
      queryKey: ['questionnaire-templates', 'list'],
      queryFn: async ({ signal }) => (await getJson<Page<TemplateView>>('/questionnaire-templates', { pageSize: MAX_PAGE_SIZE }, signal)).items,
    }),
  detail: templatesResource.detail,
  create: (input: unknown) => sendJson<TemplateDetailView>('POST', '/questionnaire-templates', input),
  update: (id: string, input: unknown) => sendJson<TemplateDetailView>('PUT', path('questionnaire-templates', id), input),
  /** A template from an XLSForm workbook (.xlsx): the template and what was read only in part. */
  importXlsForm: ({ file, bodyId, name }: { file: File; bodyId: string; name: string }) =>
    sendFormData<TemplateXlsFormImportResult>('/questionnaire-templates/import-xlsform', uploadForm(file, { bodyId, name })),
};

export const questionnaireExercisesApi = {
  list: exercisesResource.list,
  detail: exercisesResource.detail,
  create: (input: unknown) => sendJson<ExerciseView>('POST', '/questionnaire-exercises', input),
  /** A sent reply (.txt, .md or .docx) imported as a closed exercise, or only previewed (`dryRun`). */
  importReplyFile: ({ file, bodyId, dryRun }: { file: File; bodyId: string; dryRun: boolean }) =>
    sendFormData<QuestionnaireImportResult>('/questionnaire-exercises/import-file', uploadForm(file, { bodyId, dryRun: String(dryRun) })),
  update: (id: string, input: unknown) => sendJson<ExerciseDetailView>('PUT', path('questionnaire-exercises', id), input),
  assign: ({ id, input }: { id: string; input: unknown }) => sendJson<ExerciseDetailView>('POST', `${path('questionnaire-exercises', id)}/assignments`, input),
  unassign: ({ id, contributionId }: { id: string; contributionId: string }) => sendDelete(`${path('questionnaire-exercises', id)}/assignments${path(contributionId)}`),
  board: (id: string) =>
    queryOptions({
      queryKey: ['questionnaire-exercises', 'board', id],
      queryFn: ({ signal }) => getJson<ExerciseBoardView>(`${path('questionnaire-exercises', id)}/board`, undefined, signal),
    }),
  consolidation: (id: string) =>
    queryOptions({
      queryKey: ['questionnaire-exercises', 'consolidation', id],
      queryFn: ({ signal }) => getJson<ConsolidationView>(`${path('questionnaire-exercises', id)}/consolidation`, undefined, signal),
    }),
  /** Saves one question's official answer (versioned). */
  saveAnswer: ({ id, questionId, input }: { id: string; questionId: string; input: unknown }) =>
    sendJson<unknown>('PUT', `${path('questionnaire-exercises', id, 'questions', questionId)}/answer`, input),
  /** Takes last exercise's answer as this question's answer, or sets it aside. */
  decideCarried: ({ id, questionId, decision, version }: { id: string; questionId: string; decision: 'use' | 'discard'; version: number }) =>
    sendJson<unknown>('POST', `${path('questionnaire-exercises', id, 'questions', questionId)}/carried/${decision}`, { version }),
  changePublication: ({ id, version, action }: { id: string; version: number; action: 'publish' | 'unpublish' }) =>
    sendJson<null>('POST', `${path('questionnaire-exercises', id)}/${action}`, { version }),
  /** The reply's download (Content-Disposition attachment). */
  replyUrl: (id: string, format: ReplyFormat) => buildApiUrl(`${path('questionnaire-exercises', id)}/reply`, { format }),
};

export const contributionsApi = {
  detail: contributionsResource.detail,
  update: (id: string, input: unknown) => sendJson<ContributionView>('PUT', path('questionnaire-contributions', id), input),
  act: ({ id, action, input }: { id: string; action: 'submit' | 'accept' | 'send-back'; input: unknown }) =>
    sendJson<ContributionView>('POST', `${path('questionnaire-contributions', id)}/${action}`, input),
};

/** «Mis aportaciones»: the first page of the contributions in the signed-in person's charge (in the API's order). */
export const myContributionsQuery = queryOptions({
  queryKey: ['me', 'questionnaire-contributions'],
  queryFn: ({ signal }) => getJson<Page<MyContributionView>>('/me/questionnaire-contributions', { pageSize: MY_CONTRIBUTIONS_SHOWN }, signal),
});
