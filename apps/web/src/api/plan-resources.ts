import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ActivityDetailView,
  ActivityView,
  IndicatorDetailView,
  Page,
  PlanDetailView,
  PlanRecordView,
  PlanNodeDetailView,
  PlanSummaryView,
  ReportDetailView,
  ReportingPeriodDetailView,
  ReportingPeriodView,
  ReportView,
} from '@telar/domain';
import { buildApiUrl, getJson, sendFormData, sendJson, type QueryParams } from './client';
import { defineResource } from './resources';

export const plansApi = defineResource<PlanSummaryView, PlanRecordView>('plans');
export const planNodesApi = defineResource<PlanNodeDetailView, PlanNodeDetailView>('plan-nodes');
export const activitiesApi = defineResource<ActivityView, ActivityDetailView>('activities');
export const reportingPeriodsApi = defineResource<ReportingPeriodView, ReportingPeriodDetailView>('reporting-periods');
export const periodicReportsApi = defineResource<ReportView, ReportDetailView>('reports');

const indicatorsResource = defineResource<IndicatorDetailView, IndicatorDetailView>('indicators');

export const indicatorsApi = {
  detail: indicatorsResource.detail,
  create: indicatorsResource.create,
  /** Upserts values by period × state × disaggregation. */
  putValues: ({ id, input }: { id: string; input: unknown }) => sendJson<IndicatorDetailView>('PUT', `/indicators/${encodeURIComponent(id)}/values`, input),
};

/** What a plan import answers when it succeeds. */
export interface PlanImportResult {
  plan: PlanDetailView;
  nodeCount: number;
}

export const planImportApi = {
  upload: ({ file, bodyId }: { file: File; bodyId: string }) => {
    const form = new FormData();
    form.set('file', file);
    form.set('bodyId', bodyId);
    return sendFormData<PlanImportResult>('/plans/import', form);
  },
};

export const reportingActionsApi = {
  closePeriod: ({ id, version }: { id: string; version: number }) => sendJson<null>('POST', `/reporting-periods/${encodeURIComponent(id)}/close`, { version }),
  submitReport: ({ id, version }: { id: string; version: number }) => sendJson<ReportView>('POST', `/reports/${encodeURIComponent(id)}/submit`, { version }),
  reviewReport: (id: string, input: unknown) => sendJson<ReportView>('POST', `/reports/${encodeURIComponent(id)}/review`, input),
  reportNodeStatus: (id: string, input: unknown) => sendJson<ReportDetailView>('POST', `/reports/${encodeURIComponent(id)}/node-statuses`, input),
};

/** Addresses of the downloads (the browser saves them: Content-Disposition attachment). */
export const buildPlanExportUrl = (id: string, format: 'xlsx' | 'docx') => buildApiUrl(`/plans/${encodeURIComponent(id)}/export`, { format });
export const buildActivitiesExportUrl = (format: 'csv' | 'xlsx', filters: QueryParams) => buildApiUrl('/activities/export', { ...filters, format });

/** The portal's published plans, read without a session. */
export const publicPlansApi = {
  list: (params: QueryParams) =>
    queryOptions({
      queryKey: ['public', '/public/plans', params],
      queryFn: ({ signal }) => getJson<Page<PlanSummaryView>>('/public/plans', params, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['public', '/public/plans', id],
      queryFn: ({ signal }) => getJson<PlanDetailView>(`/public/plans/${encodeURIComponent(id)}`, undefined, signal),
    }),
};
