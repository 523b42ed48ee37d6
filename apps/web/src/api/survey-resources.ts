import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  PublicSurveySummaryView,
  SegmentKind,
  SurveyInvitationView,
  SurveyListItem,
  SurveyOpenAnswerView,
  SurveyOpenResultSchema,
  SurveyRateRowSchema,
  SurveyRatesView,
  SurveyRemindResultSchema,
  SurveyResponseInput,
  SurveyResultsView,
  SurveyThemeView,
  SurveyView,
} from '@telar/domain';
import type { z } from 'zod';
import { buildApiUrl, getJson, sendDelete, sendJson } from './client';

export type { PublicSurveySummaryView, SurveyInvitationView, SurveyOpenAnswerView, SurveyRatesView, SurveyResponseInput, SurveyResultsView, SurveyView };
/** A survey in its network's list. */
export type SurveySummaryView = SurveyListItem;
/** One segment's response rate (a state, a sector, a commission). */
export type SurveyRateRow = z.output<typeof SurveyRateRowSchema>;
export type SurveyQuestionResult = SurveyResultsView['questions'][number];
/** A segment the results may be filtered by: only those with enough respondents to be shown. */
export type SurveySegmentOption = SurveyResultsView['segments']['state'][number];
/** One question's answer as the respondent's form sends it. */
export type SurveyAnswerInput = SurveyResponseInput['answers'][string];

/** A segment filter: nothing, or a kind and one of the segments the API offered. */
export interface SegmentChoice {
  segmentKind?: SegmentKind;
  segment?: string;
}

export type SurveyDownloadFormat = 'csv' | 'xlsx';

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');
const segmentParams = (choice: SegmentChoice) => (choice.segmentKind && choice.segment ? { segmentKind: choice.segmentKind, segment: choice.segment } : {});

export const surveysApi = {
  list: (networkId: string) =>
    queryOptions({ queryKey: ['surveys', 'list', networkId], queryFn: ({ signal }) => getJson<SurveySummaryView[]>(`${path('networks', networkId)}/surveys`, undefined, signal) }),
  detail: (id: string) => queryOptions({ queryKey: ['surveys', 'detail', id], queryFn: ({ signal }) => getJson<SurveyView>(path('surveys', id), undefined, signal) }),
  rates: (id: string) => queryOptions({ queryKey: ['surveys', 'rates', id], queryFn: ({ signal }) => getJson<SurveyRatesView>(`${path('surveys', id)}/rates`, undefined, signal) }),
  create: (networkId: string, input: unknown) => sendJson<SurveyView>('POST', `${path('networks', networkId)}/surveys`, input),
  update: (id: string, input: unknown) => sendJson<SurveyView>('PATCH', path('surveys', id), input),
  /** Open, remind and close name the version they act on, like an edit. */
  open: ({ id, version }: { id: string; version: number }) => sendJson<z.output<typeof SurveyOpenResultSchema>>('POST', `${path('surveys', id)}/open`, { version }),
  remind: ({ id, version }: { id: string; version: number }) => sendJson<z.output<typeof SurveyRemindResultSchema>>('POST', `${path('surveys', id)}/remind`, { version }),
  close: ({ id, version }: { id: string; version: number }) => sendJson<unknown>('POST', `${path('surveys', id)}/close`, { version }),
  results: (id: string, choice: SegmentChoice) =>
    queryOptions({
      queryKey: ['surveys', 'results', id, segmentParams(choice)],
      queryFn: ({ signal }) => getJson<SurveyResultsView>(`${path('surveys', id)}/results`, segmentParams(choice), signal),
      placeholderData: keepPreviousData,
    }),
  openAnswers: (id: string, questionKey: string) =>
    queryOptions({
      queryKey: ['surveys', 'open-answers', id, questionKey],
      queryFn: ({ signal }) => getJson<SurveyOpenAnswerView[]>(`${path('surveys', id)}/open-answers`, { questionKey }, signal),
    }),
  createTheme: ({ id, input }: { id: string; input: { questionKey: string; label: string; description: string | null } }) =>
    sendJson<SurveyThemeView>('POST', `${path('surveys', id)}/themes`, input),
  /** A question's themes with what a rename needs (description, version). */
  themes: (id: string, questionKey: string) =>
    queryOptions({
      queryKey: ['surveys', 'themes', id, questionKey],
      queryFn: ({ signal }) => getJson<SurveyThemeView[]>(`${path('surveys', id)}/themes`, { questionKey }, signal),
    }),
  /** Names the version it changes, like every edit. */
  updateTheme: ({ themeId, input }: { themeId: string; input: { version: number; label: string; description: string | null } }) =>
    sendJson<SurveyThemeView>('PATCH', path('surveys', 'themes', themeId), input),
  deleteTheme: (themeId: string) => sendDelete(path('surveys', 'themes', themeId)),
  tagAnswer: ({ id, answerId, questionKey, themeIds, quoteThemeIds }: { id: string; answerId: string; questionKey: string; themeIds: string[]; quoteThemeIds: string[] }) =>
    sendJson<unknown>('PUT', `${path('surveys', id, 'answers', answerId)}/themes`, { questionKey, themeIds, quoteThemeIds }),
  publish: ({ id, questionKeys }: { id: string; questionKeys: string[] }) => sendJson<unknown>('PUT', `${path('surveys', id)}/publication`, { questionKeys }),
  /** The results as a file (the browser saves it), cut by the segment on screen. */
  exportUrl: (id: string, format: SurveyDownloadFormat, choice: SegmentChoice) => buildApiUrl(`${path('surveys', id)}/results/export`, { format, ...segmentParams(choice) }),
};

/** The respondent's side: the personal link's token is all it needs (no account). */
export const surveyInvitationApi = {
  detail: (token: string) =>
    queryOptions({
      queryKey: ['survey-invitations', token],
      queryFn: ({ signal }) => getJson<SurveyInvitationView>(path('survey-invitations', token), undefined, signal),
      retry: false,
    }),
  respond: ({ token, input }: { token: string; input: SurveyResponseInput }) => sendJson<unknown>('POST', `${path('survey-invitations', token)}/response`, input),
};

/** What the portal reads: published questions only, small segments suppressed, only the quotes marked. */
export const publicSurveysApi = {
  list: queryOptions({ queryKey: ['public', 'surveys'], queryFn: ({ signal }) => getJson<PublicSurveySummaryView[]>('/public/surveys', undefined, signal) }),
  results: (id: string, choice: SegmentChoice) =>
    queryOptions({
      queryKey: ['public', 'surveys', id, segmentParams(choice)],
      queryFn: ({ signal }) => getJson<SurveyResultsView>(`${path('public', 'surveys', id)}/results`, segmentParams(choice), signal),
      placeholderData: keepPreviousData,
    }),
};

/**
 * What the survey pages read of a network (GET /networks/{id}, the networks' own page reads the whole
 * view under the same key): its name, its commissions for an audience, and whether one may manage it.
 */
export interface SurveyNetworkView {
  id: string;
  name: string;
  commissions: { bodyId: string; name: string }[];
  abilities: { canManage: boolean };
}

/** A member as the audience's list offers it. */
export interface SurveyNetworkMember {
  id: string;
  name: string;
  acronym: string | null;
  stateCode: string | null;
}

export const surveyNetworkApi = {
  detail: (id: string) =>
    queryOptions({ queryKey: ['networks', 'detail', id], queryFn: ({ signal }) => getJson<SurveyNetworkView>(path('networks', id), undefined, signal) }),
  members: (id: string, q: string) =>
    queryOptions({
      queryKey: ['networks', 'members', id, { q }],
      queryFn: ({ signal }) => getJson<{ items: SurveyNetworkMember[]; total: number }>(`${path('networks', id)}/members`, { q }, signal),
      placeholderData: keepPreviousData,
    }),
};
