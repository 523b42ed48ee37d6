import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementRecordView,
  AuditEntryView,
  AgreementView,
  BodyDetailView,
  BodyLogoView,
  BodyView,
  DashboardView,
  EvidenceKind,
  EvidenceView,
  FollowUpView,
  MembershipView,
  MyTasksView,
  OrganizationDetailView,
  OrganizationView,
  Page,
  ParticipationView,
  SessionAgendaView,
  SessionAttendanceView,
  SessionRecordView,
  SessionView,
} from '@telar/domain';
import { buildApiUrl, getJson, sendDelete, sendFormData, sendJson, type QueryParams } from './client';

/** Archive and restore for every record; publish and unpublish for sessions and agreements. */
export type LifecycleAction = 'archive' | 'restore' | 'publish' | 'unpublish';

/** List, detail, create, update and lifecycle actions for one REST collection under /api. */
export function defineResource<TItem, TDetail>(collection: string) {
  const detail = (id: string) =>
    queryOptions({
      queryKey: [collection, 'detail', id],
      queryFn: ({ signal }) => getJson<TDetail>(`/${collection}/${encodeURIComponent(id)}`, undefined, signal),
    });
  return {
    list: (params: QueryParams = {}) =>
      queryOptions({
        queryKey: [collection, 'list', params],
        queryFn: ({ signal }) => getJson<Page<TItem>>(`/${collection}`, params, signal),
        // Keeps the table on screen while the next page or filter loads.
        placeholderData: keepPreviousData,
      }),
    detail,
    /** The address of the whole list's download with these filters (the browser saves it: Content-Disposition attachment). */
    exportUrl: (format: 'xlsx' | 'csv', filters: QueryParams) => buildApiUrl(`/${collection}/export`, { ...filters, format }),
    /** The detail an edit page starts from: what the server has now, not a cached copy. */
    detailForEdit: (id: string) => queryOptions({ ...detail(id), staleTime: 0 }),
    create: (input: unknown) => sendJson<TItem>('POST', `/${collection}`, input),
    update: (id: string, input: unknown) => sendJson<TItem>('PATCH', `/${collection}/${encodeURIComponent(id)}`, input),
    /** Names the version it acts on, like an edit, so a change made meanwhile is not overridden. */
    changeLifecycle: ({ id, version, action }: { id: string; version: number; action: LifecycleAction }) =>
      sendJson<null>('POST', `/${collection}/${encodeURIComponent(id)}/${action}`, { version }),
  };
}

/** Record kinds as the audit trail names them. */
export type AuditedEntity =
  | 'organization'
  | 'body'
  | 'session'
  | 'participation'
  | 'agreement'
  | 'follow_up'
  | 'membership'
  | 'focal_point'
  | 'user'
  | 'activity'
  | 'plan'
  | 'plan_node'
  | 'indicator'
  | 'report'
  | 'reporting_period';

/** Who changed a record and how, newest first. */
export const historyQuery = (entity: AuditedEntity, id: string) =>
  queryOptions({
    queryKey: ['history', entity, id],
    queryFn: ({ signal }) => getJson<AuditEntryView[]>(`/history/${entity}/${encodeURIComponent(id)}`, undefined, signal),
  });

export const organizationsApi = defineResource<OrganizationView, OrganizationDetailView>('organizations');
export const bodiesApi = defineResource<BodyView, BodyDetailView>('bodies');
export const sessionsApi = defineResource<SessionView, SessionRecordView>('sessions');
export const agreementsApi = defineResource<AgreementView, AgreementRecordView>('agreements');
export const participationsApi = defineResource<ParticipationView, ParticipationView>('participations');
export const followUpsApi = defineResource<FollowUpView, FollowUpView>('follow-ups');

/** A session's agenda and attendance, each replaced as a whole; `version` is the session's. */
export const sessionAssemblyApi = {
  replaceAgenda: (sessionId: string, input: unknown) => sendJson<SessionAgendaView>('PUT', `/sessions/${encodeURIComponent(sessionId)}/agenda`, input),
  replaceAttendance: (sessionId: string, input: unknown) => sendJson<SessionAttendanceView>('PUT', `/sessions/${encodeURIComponent(sessionId)}/attendance`, input),
};

/** A body's logo, for the header of its Word documents (PUT replaces it). */
export const bodyLogoApi = {
  set: ({ bodyId, file }: { bodyId: string; file: File }) => {
    const form = new FormData();
    form.set('file', file);
    return sendFormData<BodyLogoView>(`/bodies/${encodeURIComponent(bodyId)}/logo`, form, 'PUT');
  },
  remove: (bodyId: string) => sendDelete(`/bodies/${encodeURIComponent(bodyId)}/logo`),
};

/** Memberships and focal points are read with their body; both writes answer with the membership. */
export const membershipsApi = {
  create: (input: unknown) => sendJson<MembershipView>('POST', '/memberships', input),
  addFocalPoint: (input: unknown) => sendJson<MembershipView>('POST', '/focal-points', input),
};

/** Fields of an evidence upload (POST /api/evidence, multipart). */
export interface EvidenceUpload {
  file: File;
  title: string;
  kind: EvidenceKind;
}

export const evidenceApi = {
  upload: ({ file, title, kind }: EvidenceUpload) => {
    const form = new FormData();
    form.set('file', file);
    form.set('title', title);
    form.set('kind', kind);
    return sendFormData<EvidenceView>('/evidence', form);
  },
};

/** Largest page the API serves; enough for every body in the country's structure. */
const MAX_PAGE_SIZE = 500;

export const dashboardQuery = queryOptions({
  queryKey: ['dashboard'],
  queryFn: ({ signal }) => getJson<DashboardView>('/dashboard', undefined, signal),
});

/** «Lo que me toca» on the home page: what the signed-in person owes, what was sent back, what awaits their review. */
export const myTasksQuery = queryOptions({
  queryKey: ['me', 'tasks'],
  queryFn: ({ signal }) => getJson<MyTasksView>('/me/tasks', undefined, signal),
});

export const allBodiesQuery = bodiesApi.list({ pageSize: MAX_PAGE_SIZE });

/** A published report: what the server froze and put on the public portal. */
export interface PublishedReportRef {
  id: string;
  title: string;
}

export const reportsApi = {
  /** Freezes the body's report for the period as it is now and publishes it. */
  publishMechanism: (input: { bodyId: string; from: string; to: string }) => sendJson<PublishedReportRef>('POST', '/reports/mechanism/publish', input),
  /** Takes a published report off the portal, with the reason its history keeps. */
  withdraw: (id: string, input: { reason: string }) => sendJson<void>('POST', `/reports/published/${encodeURIComponent(id)}/withdraw`, input),
};

/**
 * A mutation that refreshes every cached query when it succeeds: one write touches counts, lists and
 * details across areas, and the data set is small enough that refetching what is on screen is cheap.
 */
export function useApiMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, onSuccess?: (result: TResult) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      onSuccess?.(result);
      return queryClient.invalidateQueries();
    },
  });
}
