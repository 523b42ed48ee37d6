import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CommissionView,
  MemberContributionView,
  FocalTermView,
  NetworkBodyView,
  NetworkMemberImportResult,
  NetworkMemberPage,
  NetworkMemberView,
  NetworkPointsView,
  NetworkSummaryView,
  NetworkView,
  PublicNetworkSummary,
  PublicNetworkView,
} from '@telar/domain';
import { buildApiUrl, getJson, sendFormData, sendJson } from './client';

const networkPath = (id: string) => `/networks/${encodeURIComponent(id)}`;
const memberPath = (networkId: string, memberId: string) => `${networkPath(networkId)}/members/${encodeURIComponent(memberId)}`;
const commissionPath = (bodyId: string) => `/networks/commissions/${encodeURIComponent(bodyId)}`;

/** The member directory's filters (also its download's). */
export interface MemberFilters {
  q?: string;
  stateCode?: string;
  sector?: string;
  status?: string;
}

/** The networks of the internal app: settings, members, contributions, commissions and points. */
export const networksApi = {
  list: queryOptions({ queryKey: ['networks', 'list'], queryFn: ({ signal }) => getJson<NetworkSummaryView[]>('/networks', undefined, signal) }),
  detail: (id: string) => queryOptions({ queryKey: ['networks', 'detail', id], queryFn: ({ signal }) => getJson<NetworkView>(networkPath(id), undefined, signal) }),
  update: (id: string, input: unknown) => sendJson<NetworkView>('PATCH', networkPath(id), input),

  members: (id: string, params: MemberFilters & { page?: number; pageSize?: number }) =>
    queryOptions({
      queryKey: ['networks', 'members', id, params],
      queryFn: ({ signal }) => getJson<NetworkMemberPage>(`${networkPath(id)}/members`, { ...params }, signal),
      // Keeps the table on screen while the next page or filter loads.
      placeholderData: keepPreviousData,
    }),
  addMember: (networkId: string, input: unknown) => sendJson<NetworkMemberView>('POST', `${networkPath(networkId)}/members`, input),
  updateMember: (networkId: string, memberId: string, input: unknown) => sendJson<NetworkMemberView>('PATCH', memberPath(networkId, memberId), input),
  /** The address of the member list's download with these filters (the browser saves it). */
  membersExportUrl: (networkId: string, format: 'xlsx' | 'csv', filters: MemberFilters) => buildApiUrl(`${networkPath(networkId)}/members/export`, { ...filters, format }),
  /** A members file (Excel or CSV) read and matched against the directory; `dryRun` writes nothing. */
  importMembers: ({ networkId, file, dryRun }: { networkId: string; file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.set('file', file);
    form.set('dryRun', String(dryRun));
    return sendFormData<NetworkMemberImportResult>(`${networkPath(networkId)}/members/import`, form);
  },

  contributions: (networkId: string, memberId: string) =>
    queryOptions({
      queryKey: ['networks', 'contributions', networkId, memberId],
      queryFn: ({ signal }) => getJson<MemberContributionView[]>(`${memberPath(networkId, memberId)}/contributions`, undefined, signal),
    }),
  saveContribution: ({ networkId, memberId, year, input }: { networkId: string; memberId: string; year: number; input: unknown }) =>
    sendJson<MemberContributionView>('PUT', `${memberPath(networkId, memberId)}/contributions/${year}`, input),

  commission: (bodyId: string) =>
    queryOptions({ queryKey: ['networks', 'commission', bodyId], queryFn: ({ signal }) => getJson<CommissionView>(commissionPath(bodyId), undefined, signal) }),
  updateCommission: (bodyId: string, input: unknown) => sendJson<CommissionView>('PATCH', commissionPath(bodyId), input),
  addFocalTerm: (bodyId: string, input: unknown) => sendJson<FocalTermView>('POST', `${commissionPath(bodyId)}/focal-points`, input),
  updateFocalTerm: (termId: string, input: unknown) => sendJson<FocalTermView>('PATCH', `/networks/focal-points/${encodeURIComponent(termId)}`, input),

  points: (id: string, year: number | undefined) =>
    queryOptions({
      queryKey: ['networks', 'points', id, year ?? null],
      queryFn: ({ signal }) => getJson<NetworkPointsView>(`${networkPath(id)}/points`, { year }, signal),
      placeholderData: keepPreviousData,
    }),
};

/** What the portal reads: the networks and what each chose to publish, without an account. */
export const publicNetworksApi = {
  list: queryOptions({ queryKey: ['/public/networks', 'list'], queryFn: ({ signal }) => getJson<PublicNetworkSummary[]>('/public/networks', undefined, signal) }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['/public/networks', id],
      queryFn: ({ signal }) => getJson<PublicNetworkView>(`/public/networks/${encodeURIComponent(id)}`, undefined, signal),
    }),
};

/** Creating networks and their bodies (a manager's). */
export const networkCreationApi = {
  create: (input: unknown) => sendJson<NetworkView>('POST', '/networks', input),
  addBody: (networkId: string, input: unknown) => sendJson<NetworkBodyView>('POST', `${networkPath(networkId)}/bodies`, input),
  /** One commission per commitment of the network's plan that has none yet. */
  commissionsFromPlan: (networkId: string) => sendJson<{ created: NetworkBodyView[] }>('POST', `${networkPath(networkId)}/commissions/from-plan`),
};
