import type { ActivityCreateSchema, ActivityDetailView, ActivityUpdateSchema, ActivityView } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { activities } from './activities.tables.js';
import { invalidField, notFound } from '../../platform/errors.js';
import {
  type ActivityFilter,
  type ActivityLinks,
  type ActivityRow,
  applyActivityTotals,
  findActivity,
  findActivityView,
  insertActivity,
  listActivities,
  listLinkedPlanNodeIds,
  lockActivities,
  replaceActivityLinks,
  updateActivity,
} from './activity.repository.js';
import { findPlanNodeRefs } from '../plans/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import { type DownloadFile, renderTableFile } from '../../platform/documents/table-file.js';
import { ACTIVITY_EXPORT_COLUMNS, toActivityExportRow, toActivityJson } from '../plans/index.js';
import type { ReportFacts } from '../reporting/index.js';
import { findBodyScope, findPlanScope } from '../../platform/auth/scope.repository.js';
import { canFileInReport, requireEditableReport, requireExisting } from '../reporting/index.js';
import { requireLinkableEvidence } from '../sessions/index.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

/** Largest export in one file; beyond it the person narrows the filters. */
const ACTIVITY_EXPORT_LIMIT = 100_000;

/** Every id an activity links to must exist, or nothing is written. */
async function requireExistingLinks(db: Database, links: ActivityLinks) {
  await requireExisting(db, 'organizations', links.leadOrganizationIds, 'leadOrganizationIds', 'Una de las instituciones responsables no existe.');
  await requireExisting(db, 'organizations', links.partnerOrganizationIds, 'partnerOrganizationIds', 'Una de las instituciones participantes no existe.');
  await requireExisting(db, 'states', links.stateCodes, 'stateCodes', 'Una de las entidades federativas no existe.', 'code');
  await requireExisting(db, 'municipalities', links.municipalityCodes, 'municipalityCodes', 'Uno de los municipios no existe en el catálogo del INEGI.', 'cvegeo');
  await requireExisting(db, 'agreements', links.agreementIds, 'agreementIds', 'Uno de los acuerdos no existe.');
}

/**
 * Plan nodes newly linked must be live, and each plan's own business: inside a report, nodes of the
 * report's plan; outside one, nodes of plans the person's secretariat manages. Links already there
 * stay valid even if their node was archived since.
 */
async function requirePlanNodeLinks(db: Database, actor: Actor, planNodeIds: string[] | undefined, report: ReportFacts | undefined, alreadyLinked: string[] = []) {
  const added = [...new Set(planNodeIds ?? [])].filter((id) => !alreadyLinked.includes(id));
  const nodes = await findPlanNodeRefs(db, added);
  if (nodes.length !== added.length) throw invalidField('planNodeIds', 'Una de las líneas del plan no existe o fue archivada.');
  for (const planId of new Set(nodes.map((node) => node.planId))) {
    if (report && planId !== report.planId) throw invalidField('planNodeIds', 'Una actividad reportada solo se vincula con líneas del plan del reporte.');
    if (!report) requireBodyManager(actor, await findPlanScope(db, planId));
  }
}

/** An activity filed in a report is that organisation's: it must lead it. */
function requireReportOrganizationLeads(report: ReportFacts, leadOrganizationIds: string[]) {
  if (!leadOrganizationIds.includes(report.organizationId)) {
    throw invalidField('leadOrganizationIds', 'Una actividad reportada debe tener como responsable a la organización que reporta.');
  }
}

/** Outside a report an activity is its body's: recorded there only by that body's secretariat (or one above it). */
async function requireRecordingBody(db: Database, actor: Actor, bodyId: string | null): Promise<string> {
  if (!bodyId) throw invalidField('bodyId', 'Indique el órgano al que pertenece la actividad.');
  const scope = await findBodyScope(db, bodyId);
  if (!scope.bodyIds.length) throw invalidField('bodyId', 'El órgano no existe.');
  requireBodyManager(actor, scope, { path: 'bodyId', message: 'Solo puede registrar actividades de un órgano del que usted es secretaría técnica (o de uno que dependa de él).' });
  return bodyId;
}

/** An activity filed in a report belongs to the body of the report's plan. */
function requireReportBody(report: ReportFacts, bodyId: string | null | undefined): string {
  if (bodyId && bodyId !== report.bodyId) throw invalidField('bodyId', 'Una actividad reportada pertenece al órgano del plan del reporte.');
  return report.bodyId;
}

/** An edit that sends only one of the dates is checked against the other as stored. */
function requireDatesInOrder(activity: ActivityRow, values: { startDate?: string; endDate?: string | null }) {
  const start = values.startDate ?? activity.startDate;
  const end = values.endDate === undefined ? activity.endDate : values.endDate;
  if (end && end < start) throw invalidField('endDate', 'La fecha de término es anterior a la de inicio.');
}

function splitLinks<T extends ActivityLinks>(input: T) {
  const { leadOrganizationIds, partnerOrganizationIds, stateCodes, municipalityCodes, planNodeIds, agreementIds, evidenceIds, ...values } = input;
  return { links: { leadOrganizationIds, partnerOrganizationIds, stateCodes, municipalityCodes, planNodeIds, agreementIds, evidenceIds }, values };
}

export function createActivityService(db: Database, actor: Actor) {
  /**
   * Who may change an existing activity: through its report's rules, or the secretariat of its body
   * (or of one above it) when it has none. Locks the activity (and its report) for the rest of the transaction.
   */
  const authorizeChange = async (tx: Database, id: string) => {
    await lockActivities(tx, [id]);
    const activity = await findActivity(tx, id);
    if (!activity) throw notFound();
    const report = activity.reportId ? await requireEditableReport(tx, actor, activity.reportId) : undefined;
    if (!report) requireBodyManager(actor, await findBodyScope(tx, activity.bodyId));
    return { activity, report };
  };
  const lifecycle = createLifecycle(db, actor, {
    entity: 'activity',
    table: activities,
    authorize: async () => requireSignedIn(actor),
    around: {
      before: async (tx, id) => {
        await authorizeChange(tx, id);
        await applyActivityTotals(tx, [id], -1);
      },
      after: (tx, id) => applyActivityTotals(tx, [id], 1),
    },
  });

  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,

    async list(filter: ActivityFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listActivities(db, filter, page)), ...page };
    },

    /** Every activity matching the filter as a file: JSON keeps lists as lists, CSV and Excel join them. */
    async exportFile(filter: ActivityFilter, format: 'json' | 'csv' | 'xlsx'): Promise<DownloadFile> {
      const rows = await this.listAll(filter);
      if (format === 'json') return { body: JSON.stringify(rows.map(toActivityJson)), contentType: 'application/json', fileName: 'telar-actividades.json' };
      return renderTableFile({ title: 'Actividades', columns: [...ACTIVITY_EXPORT_COLUMNS], rows: rows.map(toActivityExportRow) }, format, 'telar-actividades');
    },

    /** Every activity matching the filter, for a download. */
    async listAll(filter: ActivityFilter): Promise<ActivityView[]> {
      requireSignedIn(actor);
      const rows: ActivityView[] = [];
      for (let page = 1; rows.length < ACTIVITY_EXPORT_LIMIT; page++) {
        const { items } = await listActivities(db, filter, { page, pageSize: 1000 });
        rows.push(...items);
        if (items.length < 1000) break;
      }
      return rows;
    },

    async get(id: string): Promise<ActivityDetailView> {
      requireSignedIn(actor);
      const activity = await findActivityView(db, id);
      if (!activity) throw notFound();
      // The rule `authorizeChange` enforces: through the report while it is open, else the body's secretariat.
      const mayChange = activity.report ? await canFileInReport(db, actor, activity.report.id) : canManageBody(actor, await findBodyScope(db, activity.body.id));
      return { ...activity, abilities: { edit: mayChange, archive: mayChange } };
    },

    async create(input: z.output<typeof ActivityCreateSchema>) {
      const { links, values } = splitLinks(input);
      requireSignedIn(actor);
      const id = await db.transaction(async (tx) => {
        const report = values.reportId ? await requireEditableReport(tx, actor, values.reportId) : undefined;
        if (report) requireReportOrganizationLeads(report, input.leadOrganizationIds);
        const bodyId = report ? requireReportBody(report, values.bodyId) : await requireRecordingBody(tx, actor, values.bodyId);
        await requirePlanNodeLinks(tx, actor, links.planNodeIds, report);
        await requireExistingLinks(tx, links);
        await requireLinkableEvidence(tx, actor, links.evidenceIds);
        const row = await insertActivity(tx, { ...values, bodyId });
        await replaceActivityLinks(tx, row.id, links);
        await applyActivityTotals(tx, [row.id], 1);
        await auditCreate(tx, actor, 'activity', row.id, { ...input, bodyId });
        return row.id;
      });
      return (await findActivityView(db, id))!;
    },

    async update(id: string, { version, ...input }: z.output<typeof ActivityUpdateSchema>) {
      const { links, values } = splitLinks(input);
      await db.transaction(async (tx) => {
        const { activity, report } = await authorizeChange(tx, id);
        if (values.bodyId !== undefined && values.bodyId !== activity.bodyId) {
          if (report) requireReportBody(report, values.bodyId);
          else await requireRecordingBody(tx, actor, values.bodyId);
        }
        if (report && links.leadOrganizationIds) requireReportOrganizationLeads(report, links.leadOrganizationIds);
        requireDatesInOrder(activity, values);
        await requirePlanNodeLinks(tx, actor, links.planNodeIds, report, await listLinkedPlanNodeIds(tx, id));
        await requireExistingLinks(tx, links);
        await requireLinkableEvidence(tx, actor, links.evidenceIds, (await findActivityView(tx, id))!.evidence.map((e) => e.id));
        await applyActivityTotals(tx, [id], -1);
        await writeVersionedUpdate(tx, actor, {
          entity: 'activity',
          id,
          version,
          values: input,
          find: findActivity,
          write: async (t, rowId, v) => {
            const row = await updateActivity(t, rowId, v, values);
            if (row) await replaceActivityLinks(t, rowId, links);
            return row;
          },
        });
        await applyActivityTotals(tx, [id], 1);
      });
      return (await findActivityView(db, id))!;
    },
  };
}
