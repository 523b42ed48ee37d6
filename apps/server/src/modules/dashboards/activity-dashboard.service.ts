import { ACTIVITY_KIND_LABELS, type ActivityDashboardView, type DashboardFilter, type DashboardTable, type OrganizationDashboardView } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import {
  countPendingReview,
  sumActivityTotals,
  sumByKind,
  sumByState,
  sumByYear,
  sumOrganizationActivities,
} from './activity-dashboard.repository.js';
import { listStates } from '../../platform/db/geo.repository.js';
import { findOrganizationView } from '../directory/index.js';
import { listNodesOfOrganization } from '../plans/index.js';
import { listReports } from '../reporting/index.js';
import { renderTableFile, type TableColumn } from '../../platform/documents/table-file.js';

const MEASURE_COLUMNS: TableColumn[] = [
  { key: 'activities', header: 'Actividades' },
  { key: 'events', header: 'Eventos' },
  { key: 'participants', header: 'Participantes' },
  { key: 'peopleReached', header: 'Personas alcanzadas' },
];

/** The dashboard of validated activities: totals, by state (with rates), by year and by kind. */
export async function readActivityDashboard(db: Database, filter: DashboardFilter): Promise<ActivityDashboardView> {
  const [total, pendingReview, byState, byYear, byKind] = await Promise.all([
    sumActivityTotals(db, filter),
    countPendingReview(db, filter),
    sumByState(db, filter),
    sumByYear(db, filter),
    sumByKind(db, filter),
  ]);
  return { total, pendingReview, byState, byYear, byKind };
}

/** One chart's table as a CSV or Excel download: the same rows the chart shows, with Spanish headers. */
export async function renderDashboardTable(db: Database, filter: DashboardFilter, table: DashboardTable, format: 'csv' | 'xlsx') {
  return renderTableFile(await readDashboardTable(db, filter, table), format, `telar-actividades-${table}`);
}

async function readDashboardTable(db: Database, filter: DashboardFilter, table: DashboardTable) {
  if (table === 'byState') {
    const names = new Map((await listStates(db)).map((s) => [s.code, s.name]));
    const rows = (await sumByState(db, filter)).map((row) => ({ ...row, stateName: names.get(row.stateCode) }));
    const columns = [
      { key: 'stateName', header: 'Entidad federativa' },
      { key: 'stateCode', header: 'Clave ISO 3166-2' },
      ...MEASURE_COLUMNS,
      { key: 'population', header: 'Población 2020 (INEGI)' },
      { key: 'participantsPer100k', header: 'Participantes por 100 000 habitantes' },
    ];
    return { title: 'Actividades por entidad', columns, rows };
  }
  if (table === 'byYear') return { title: 'Actividades por año', columns: [{ key: 'period', header: 'Año' }, ...MEASURE_COLUMNS], rows: await sumByYear(db, filter) };
  const rows = (await sumByKind(db, filter)).map((row) => ({ ...row, kindLabel: ACTIVITY_KIND_LABELS[row.kind] }));
  return { title: 'Actividades por tipo', columns: [{ key: 'kindLabel', header: 'Tipo de actividad' }, ...MEASURE_COLUMNS], rows };
}

export function createActivityDashboardService(db: Database, actor: Actor) {
  return {
    activities(filter: DashboardFilter) {
      requireSignedIn(actor);
      return readActivityDashboard(db, filter);
    },

    tableFile(filter: DashboardFilter, table: DashboardTable, format: 'csv' | 'xlsx') {
      requireSignedIn(actor);
      return renderDashboardTable(db, filter, table, format);
    },

    async organization(id: string): Promise<OrganizationDashboardView> {
      requireSignedIn(actor);
      const organization = await findOrganizationView(db, id);
      if (!organization) throw notFound();
      const [sums, reports, nodes] = await Promise.all([
        sumOrganizationActivities(db, id),
        listReports(db, { organizationIds: [id] }, { page: 1, pageSize: 100 }),
        listNodesOfOrganization(db, id),
      ]);
      const { id: orgId, name, acronym } = organization;
      return { organization: { id: orgId, name, acronym }, ...sums, reports: reports.items, nodes };
    },
  };
}
