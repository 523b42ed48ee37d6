import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ActivityDashboardView, ActivityKind, OrganizationDashboardView } from '@telar/domain';
import { buildApiUrl, getJson } from './client';

/** Where an activity dashboard reads from: the internal one (session) or the public portal's. */
export type ActivityDashboardApi = '/dashboards/activities' | '/public/dashboards/activities';

/** Filters of an activity dashboard, as the API and the page address both take them. */
export interface ActivityDashboardFilters {
  from?: number;
  to?: number;
  kind?: ActivityKind;
  stateCode?: string;
}

/** The tables a dashboard offers as downloads, with the same rows as its charts. */
export type DashboardTable = 'byState' | 'byYear' | 'byKind';
export type DashboardTableFormat = 'csv' | 'xlsx';

/** Set when a dashboard's data arrives; the map marks when it is painted (see choropleth-map). */
export const DASHBOARD_DATA_MARK = 'telar:dashboard-data';

function markDataArrival(): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(DASHBOARD_DATA_MARK);
}

/** Only the filters that are set, so the query key and URL stay the same for the same view. */
function toParams({ from, to, kind, stateCode }: ActivityDashboardFilters) {
  return { from, to, kind, stateCode };
}

export const activityDashboardQuery = (api: ActivityDashboardApi, filters: ActivityDashboardFilters) =>
  queryOptions({
    queryKey: [api, toParams(filters)],
    queryFn: async ({ signal }) => {
      const view = await getJson<ActivityDashboardView>(api, toParams(filters), signal);
      markDataArrival();
      return view;
    },
    // Keeps the charts on screen while another filter loads.
    placeholderData: keepPreviousData,
  });

/** Address of one dashboard table as a file, with the dashboard's current filters. */
export const buildDashboardTableUrl = (api: ActivityDashboardApi, table: DashboardTable, format: DashboardTableFormat, filters: ActivityDashboardFilters) =>
  buildApiUrl(`${api}/table`, { table, format, ...toParams(filters) });

export const organizationDashboardQuery = (organizationId: string) =>
  queryOptions({
    queryKey: ['/dashboards/organizations', organizationId],
    queryFn: async ({ signal }) => {
      const view = await getJson<OrganizationDashboardView>(`/dashboards/organizations/${encodeURIComponent(organizationId)}`, undefined, signal);
      markDataArrival();
      return view;
    },
  });
