import {
  AGREEMENT_STATUS_LABELS,
  type AgreementView,
  type CsvColumn,
  type DashboardFilter,
  type DashboardTable,
  findStateByIso,
  type PlanDetailView,
  type PlanTreeNode,
  SESSION_KIND_LABELS,
  type SessionView,
  writeCsv,
} from '@telar/domain';
import { listPlans } from '../plans/index.js';
import { readActivityDashboard, renderDashboardTable } from '../dashboards/index.js';
import { readPlanDetail } from '../plans/index.js';
import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { type AgreementFilter, findAgreementView, listAgreements, listAgreementsOfSession, listFollowUps } from '../sessions/index.js';
import { listBodies } from '../bodies/index.js';
import { findPublishedReport, listPublishedReports } from '../mechanism-report/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import { findSessionView, listParticipationsOfSession, listSessions, type SessionFilter } from '../sessions/index.js';
import { type MechanismReportFormat, renderMechanismReportFile } from '../mechanism-report/index.js';

/** Open data is the whole published list, up to this many rows per download. */
const OPEN_DATA_MAX_ROWS = 100_000;
const everything: PageRequest = { page: 1, pageSize: OPEN_DATA_MAX_ROWS };

/** Open data speaks Spanish: values by their names, with the codes beside them for programs. */
const sessionColumns: CsvColumn<SessionView>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'organo', value: (s) => s.body.name },
  { header: 'siglas_organo', value: (s) => s.body.acronym },
  { header: 'tipo', value: (s) => SESSION_KIND_LABELS[s.kind] },
  { header: 'clave_tipo', value: (s) => s.kind },
  { header: 'numero', value: (s) => s.number },
  { header: 'fecha', value: (s) => s.date },
  { header: 'participaciones', value: (s) => s.participationCount },
  { header: 'acuerdos', value: (s) => s.agreementCount },
  { header: 'acta', value: (s) => s.minutes?.url },
];

const agreementColumns: CsvColumn<AgreementView>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'clave', value: (a) => a.code },
  { header: 'organo', value: (a) => a.session.body.name },
  { header: 'fecha_sesion', value: (a) => a.session.date },
  { header: 'texto', value: (a) => a.text },
  { header: 'estado', value: (a) => AGREEMENT_STATUS_LABELS[a.status] },
  { header: 'clave_estado', value: (a) => a.status },
  { header: 'fecha_limite', value: (a) => a.dueDate },
  { header: 'entidades', value: (a) => a.stateCodes.map((code) => findStateByIso(code)?.shortName ?? code).join(';') },
  { header: 'entidades_iso_3166_2', value: (a) => a.stateCodes.join(';') },
  { header: 'responsables', value: (a) => a.responsibleOrganizations.map((o) => o.name).join(';') },
];

/**
 * What anyone may read without an account: published sessions (with their participations),
 * published agreements with their follow-up, published reports, and the structure of bodies.
 * A record is public only while it is published, not archived, and its parents are public too
 * (an agreement's session); counts count only public records. People's contacts are in none of these views.
 */
export function createPublicService(db: Database) {
  const listPublishedSessions = (filter: SessionFilter, page: PageRequest) => listSessions(db, { ...filter, isPublished: true }, page);
  const listPublishedAgreements = (filter: AgreementFilter, page: PageRequest) => listAgreements(db, { ...filter, isPublished: true }, page);

  return {
    listBodies: async (page: PageRequest) => ({ ...(await listBodies(db, {}, page)), ...page }),
    listSessions: async (filter: SessionFilter, page: PageRequest) => ({ ...(await listPublishedSessions(filter, page)), ...page }),
    listAgreements: async (filter: AgreementFilter, page: PageRequest) => ({ ...(await listPublishedAgreements(filter, page)), ...page }),

    async getSession(id: string) {
      const session = await findSessionView(db, id, true);
      if (!session) throw notFound();
      const [participations, agreements] = await Promise.all([listParticipationsOfSession(db, id), listAgreementsOfSession(db, id)]);
      const followUps = await listFollowUps(db, { participationIds: participations.map((p) => p.id) });
      return {
        ...session,
        participations: participations.map((p) => ({ ...p, followUps: followUps.filter((f) => f.participationId === p.id) })),
        agreements: agreements.filter((a) => a.publishedAt),
      };
    },

    async getAgreement(id: string) {
      const agreement = await findAgreementView(db, id, true);
      if (!agreement) throw notFound();
      return { ...agreement, followUps: await listFollowUps(db, { agreementId: id }) };
    },

    listReports: () => listPublishedReports(db),

    async getReportFile(id: string, format: MechanismReportFormat) {
      const report = await findPublishedReport(db, id);
      if (!report) throw notFound();
      return renderMechanismReportFile(db, report.content, report.body, format);
    },

    listPlans: async (page: PageRequest) => ({ ...(await listPlans(db, { isPublished: true }, page)), ...page }),

    /** A published plan; links to agreements are left out, since an agreement may not be published. */
    async getPlan(id: string): Promise<PlanDetailView> {
      const plan = await readPlanDetail(db, id, true);
      if (!plan) throw notFound();
      const withoutAgreements = (nodes: PlanTreeNode[]): PlanTreeNode[] => nodes.map((n) => ({ ...n, agreements: [], children: withoutAgreements(n.children) }));
      return { ...plan, nodes: withoutAgreements(plan.nodes) };
    },

    /** Activity totals are aggregates of validated records: public without publishing each activity. */
    activityDashboard: (filter: DashboardFilter) => readActivityDashboard(db, filter),
    dashboardTable: (filter: DashboardFilter, table: DashboardTable, format: 'csv' | 'xlsx') => renderDashboardTable(db, filter, table, format),

    /** A published list as open data: CSV for spreadsheets, or the full JSON rows. */
    async exportOpenData(kind: 'sessions' | 'agreements', format: 'csv' | 'json') {
      const rows = kind === 'sessions' ? (await listPublishedSessions({}, everything)).items : (await listPublishedAgreements({}, everything)).items;
      if (format === 'json') return { body: JSON.stringify(rows), contentType: 'application/json', fileName: `telar-${kind}.json` };
      const csv = kind === 'sessions' ? writeCsv(rows as SessionView[], sessionColumns) : writeCsv(rows as AgreementView[], agreementColumns);
      return { body: csv, contentType: 'text/csv; charset=utf-8', fileName: `telar-${kind}.csv` };
    },
  };
}
