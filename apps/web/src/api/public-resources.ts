import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AgreementDetailView, AgreementView, ConsolidatedReply, Page, PublicReplyRef, PublishedReportView, SessionDetailView, SessionView } from '@telar/domain';
import { buildApiUrl, getJson, type QueryParams } from './client';

const list = <T>(path: string, params: QueryParams) =>
  queryOptions({
    queryKey: ['public', path, params],
    queryFn: ({ signal }) => getJson<Page<T>>(path, params, signal),
    placeholderData: keepPreviousData,
  });

const detail = <T>(path: string, id: string) =>
  queryOptions({ queryKey: ['public', path, id], queryFn: ({ signal }) => getJson<T>(`${path}/${encodeURIComponent(id)}`, undefined, signal) });

/** What the portal reads: only published records, without an account. */
export const publicApi = {
  sessions: (params: QueryParams) => list<SessionView>('/public/sessions', params),
  session: (id: string) => detail<SessionDetailView>('/public/sessions', id),
  agreements: (params: QueryParams) => list<AgreementView>('/public/agreements', params),
  agreement: (id: string) => detail<AgreementDetailView>('/public/agreements', id),
  reports: queryOptions({ queryKey: ['public', 'reports'], queryFn: ({ signal }) => getJson<PublishedReportView[]>('/public/reports', undefined, signal) }),
  replies: queryOptions({ queryKey: ['public', 'questionnaire-replies'], queryFn: ({ signal }) => getJson<PublicReplyRef[]>('/public/questionnaire-replies', undefined, signal) }),
  reply: (id: string) => detail<ConsolidatedReply>('/public/questionnaire-replies', id),
};

/** Address of a published report's file. */
export const buildReportFileUrl = (id: string, format: 'docx' | 'md' | 'json') => buildApiUrl(`/public/reports/${encodeURIComponent(id)}/file`, { format });

/** Address of a whole published list as open data. */
export const buildOpenDataUrl = (dataset: 'sessions' | 'agreements', format: 'csv' | 'json') => buildApiUrl(`/public/open-data/${dataset}`, { format });
