import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementDetailView,
  AgreementView,
  BodyDetailView,
  BodyView,
  DashboardView,
  EvidenceKind,
  EvidenceView,
  FollowUpView,
  MembershipView,
  OrganizationDetailView,
  OrganizationView,
  Page,
  ParticipationView,
  SessionDetailView,
  SessionView,
  StateView,
} from '@telar/domain';
import { getJson, sendFormData, sendJson, type QueryParams } from './client';

/** List, detail, create and update for one REST collection under /api. */
function defineResource<TItem, TDetail>(collection: string) {
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
    /** The detail an edit page starts from: what the server has now, not a cached copy. */
    detailForEdit: (id: string) => queryOptions({ ...detail(id), staleTime: 0 }),
    create: (input: unknown) => sendJson<TItem>('POST', `/${collection}`, input),
    update: (id: string, input: unknown) => sendJson<TItem>('PATCH', `/${collection}/${encodeURIComponent(id)}`, input),
  };
}

export const organizationsApi = defineResource<OrganizationView, OrganizationDetailView>('organizations');
export const bodiesApi = defineResource<BodyView, BodyDetailView>('bodies');
export const sessionsApi = defineResource<SessionView, SessionDetailView>('sessions');
export const agreementsApi = defineResource<AgreementView, AgreementDetailView>('agreements');
export const participationsApi = defineResource<ParticipationView, ParticipationView>('participations');
export const followUpsApi = defineResource<FollowUpView, FollowUpView>('follow-ups');

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

export const statesQuery = queryOptions({
  queryKey: ['states'],
  queryFn: ({ signal }) => getJson<StateView[]>('/states', undefined, signal),
  // The 32 states do not change while the page is open.
  staleTime: Infinity,
});

export const allBodiesQuery = bodiesApi.list({ pageSize: MAX_PAGE_SIZE });

/**
 * A mutation that refreshes every cached query when it succeeds: one write touches counts, lists and
 * details across areas, and the data set is small enough that refetching what is on screen is cheap.
 */
export function useApiMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
