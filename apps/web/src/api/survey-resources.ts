import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SegmentKind, SurveyAnonymity, SurveyAudience, SurveyQuestionKind, SurveyStatus, TemplateDefinition } from '@telar/domain';
import { buildApiUrl, getJson, sendDelete, sendJson } from './client';

/** A survey in its network's list. `responseRate` is a share (0–1), null while nobody is invited. */
export interface SurveySummaryView {
  id: string;
  title: string;
  status: SurveyStatus;
  anonymity: SurveyAnonymity;
  closesAt: string | null;
  invited: number;
  responses: number;
  responseRate: number | null;
}

export interface SurveyCounts {
  invited: number;
  responses: number;
  responseRate: number | null;
  /** Invited members without a contact e-mail: the coordination hands them their link. */
  withoutEmail?: number;
}

export interface SurveyView {
  id: string;
  networkId: string;
  networkName: string;
  title: string;
  description: string | null;
  definition: TemplateDefinition;
  anonymity: SurveyAnonymity;
  status: SurveyStatus;
  audience: SurveyAudience;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  publishedQuestions: string[];
  flags: string[];
  counts: SurveyCounts;
  version: number;
  abilities: { canManage: boolean };
}

/** One segment's response rate (a state, a sector, a commission). */
export interface SurveyRateRow {
  segment: string;
  label: string;
  invited: number;
  responded: number;
  rate: number | null;
}

export interface SurveyRatesView {
  overall: { invited: number; responded: number; rate: number | null };
  byState: SurveyRateRow[];
  bySector: SurveyRateRow[];
  byCommission: SurveyRateRow[];
}

/** What a personal link shows: the survey, whom it was sent to, and whether they already answered. */
export interface SurveyInvitationView {
  survey: {
    title: string;
    description: string | null;
    definition: TemplateDefinition;
    anonymity: SurveyAnonymity;
    closesAt: string | null;
    status: SurveyStatus;
  };
  networkName: string;
  memberName: string;
  responded: boolean;
}

/** One question's answer as the respondent's form sends it (only the field its kind uses). */
export interface SurveyAnswerInput {
  selected?: string[];
  number?: number;
  text?: string;
}

export interface SurveyResponseInput {
  answers: Record<string, SurveyAnswerInput>;
  anonymous?: boolean;
}

/** A segment the results may be filtered by: only those with enough respondents to be shown. */
export interface SurveySegmentOption {
  segment: string;
  label: string;
  respondents: number;
}

export interface SurveyOptionResult {
  key: string;
  label: string;
  respondents: number;
  mentions: number;
  /** Of the question's respondents, the share that chose it (a multiple choice sums over 1). */
  shareOfRespondents: number | null;
  /** Of all the options chosen, the share that were this one (sums to 1). */
  shareOfMentions: number | null;
}

export interface SurveyThemeResult {
  id: string;
  label: string;
  count: number;
  quotes: string[];
}

export interface SurveyNumberSummary {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface SurveyQuestionResult {
  key: string;
  number: string;
  text: string;
  kind: SurveyQuestionKind;
  /** Respondents who answered the question. */
  answers: number;
  mentions: number;
  options: SurveyOptionResult[];
  numberSummary: SurveyNumberSummary | null;
  themes: SurveyThemeResult[];
  published: boolean;
}

export interface SurveyResultsView {
  survey: { id: string; title: string; anonymity: SurveyAnonymity; status: SurveyStatus; networkName?: string };
  invited: number;
  respondents: number;
  responseRate: number | null;
  segment: { kind: SegmentKind; value: string; label: string } | null;
  segments: Record<SegmentKind, SurveySegmentOption[]>;
  questions: SurveyQuestionResult[];
  /** The segment asked for has fewer respondents than may be shown: no figures came. */
  suppressed: boolean;
}

export interface SurveyOpenAnswerView {
  answerId: string;
  text: string;
  themeIds: string[];
  quoteThemeIds: string[];
  /** Never for an anonymous response. */
  organizationName: string | null;
}

/** A published survey on the portal. */
export interface PublicSurveySummaryView {
  id: string;
  title: string;
  networkName?: string;
  closedAt?: string | null;
  respondents?: number;
}

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
  open: ({ id, version }: { id: string; version: number }) => sendJson<{ invited: number; mailed: number; withoutEmail: number }>('POST', `${path('surveys', id)}/open`, { version }),
  remind: ({ id, version }: { id: string; version: number }) => sendJson<{ reminded: number; withoutEmail: number }>('POST', `${path('surveys', id)}/remind`, { version }),
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
    sendJson<SurveyThemeResult>('POST', `${path('surveys', id)}/themes`, input),
  renameTheme: ({ themeId, input }: { themeId: string; input: { label: string; description?: string | null } }) => sendJson<unknown>('PATCH', path('surveys', 'themes', themeId), input),
  deleteTheme: (themeId: string) => sendDelete(path('surveys', 'themes', themeId)),
  tagAnswer: ({ id, answerId, themeIds, quoteThemeIds }: { id: string; answerId: string; themeIds: string[]; quoteThemeIds: string[] }) =>
    sendJson<unknown>('PUT', `${path('surveys', id, 'answers', answerId)}/themes`, { themeIds, quoteThemeIds }),
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
