import type { ActivityCreateSchema, ActivityUpdateSchema, ActivityView } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { requireAnySecretariat, requireBodyManagerOrEnlace, requireSignedIn } from '../auth/policy.js';
import type { Database } from '../db/client.js';
import { activities } from '../db/schema/index.js';
import { AppError, invalidField, notFound } from '../http/errors.js';
import {
  type ActivityFilter,
  type ActivityLinks,
  applyActivityTotals,
  findActivity,
  findActivityView,
  insertActivity,
  listActivities,
  replaceActivityLinks,
  updateActivity,
} from '../repositories/activity.repository.js';
import { findPlanNodeRefs } from '../repositories/plan.repository.js';
import type { PageRequest } from '../repositories/query.js';
import { findReportFacts } from '../repositories/reporting.repository.js';
import { findReportScope } from '../repositories/scope.repository.js';
import { createLifecycle } from './lifecycle.js';
import { requireExisting } from './plan.service.js';
import { auditCreate, writeVersionedUpdate } from './versioned-write.js';

/** Largest export in one file; beyond it the person narrows the filters. */
export const ACTIVITY_EXPORT_LIMIT = 100_000;

/**
 * What is filed in a report can change only while the report is with its organisation (due or
 * sent back) and its period is open; the organisation's enlace or the plan's secretariat files it.
 */
export async function requireEditableReport(db: Database, actor: Actor, reportId: string, field = 'reportId') {
  const report = await findReportFacts(db, reportId);
  if (!report) throw invalidField(field, 'El reporte no existe.');
  requireBodyManagerOrEnlace(actor, await findReportScope(db, reportId));
  if (!['due', 'sent_back'].includes(report.status) || report.isPeriodClosed) throw new AppError(409, 'report_locked');
  return report;
}

/** Every id an activity links to must exist (and plan nodes be live), or nothing is written. */
async function requireExistingLinks(db: Database, links: ActivityLinks) {
  await requireExisting(db, 'organizations', links.leadOrganizationIds, 'leadOrganizationIds', 'Una de las instituciones responsables no existe.');
  await requireExisting(db, 'organizations', links.partnerOrganizationIds, 'partnerOrganizationIds', 'Una de las instituciones participantes no existe.');
  await requireExisting(db, 'states', links.stateCodes, 'stateCodes', 'Una de las entidades federativas no existe.', 'code');
  await requireExisting(db, 'municipalities', links.municipalityCodes, 'municipalityCodes', 'Uno de los municipios no existe en el catálogo del INEGI.', 'cvegeo');
  await requireExisting(db, 'agreements', links.agreementIds, 'agreementIds', 'Uno de los acuerdos no existe.');
  await requireExisting(db, 'evidence', links.evidenceIds, 'evidenceIds', 'Uno de los archivos de evidencia no existe.');
  const planNodeIds = [...new Set(links.planNodeIds ?? [])];
  if ((await findPlanNodeRefs(db, planNodeIds)).length !== planNodeIds.length) throw invalidField('planNodeIds', 'Una de las líneas del plan no existe.');
}

/** An activity filed in a report is that organisation's: it must lead it. */
function requireReportOrganizationLeads(organizationId: string, leadOrganizationIds: string[]) {
  if (!leadOrganizationIds.includes(organizationId)) {
    throw invalidField('leadOrganizationIds', 'Una actividad reportada debe tener como responsable a la organización que reporta.');
  }
}

function splitLinks<T extends ActivityLinks>(input: T) {
  const { leadOrganizationIds, partnerOrganizationIds, stateCodes, municipalityCodes, planNodeIds, agreementIds, evidenceIds, ...values } = input;
  return { links: { leadOrganizationIds, partnerOrganizationIds, stateCodes, municipalityCodes, planNodeIds, agreementIds, evidenceIds }, values };
}

export function createActivityService(db: Database, actor: Actor) {
  /** Who may change an existing activity: through its report's rules, or any secretariat when it has none. */
  const authorize = async (db: Database, id: string) => {
    const activity = await findActivity(db, id);
    if (!activity) throw notFound();
    if (activity.reportId) await requireEditableReport(db, actor, activity.reportId);
    else requireAnySecretariat(actor);
    return activity;
  };
  const lifecycle = createLifecycle(db, actor, {
    entity: 'activity',
    table: activities,
    authorize: async (id) => void (await authorize(db, id)),
    around: { before: (tx, id) => applyActivityTotals(tx, [id], -1), after: (tx, id) => applyActivityTotals(tx, [id], 1) },
  });

  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,

    async list(filter: ActivityFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listActivities(db, filter, page)), ...page };
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

    async get(id: string): Promise<ActivityView> {
      requireSignedIn(actor);
      const activity = await findActivityView(db, id);
      if (!activity) throw notFound();
      return activity;
    },

    async create(input: z.output<typeof ActivityCreateSchema>) {
      const { links, values } = splitLinks(input);
      if (values.reportId) {
        const report = await requireEditableReport(db, actor, values.reportId);
        requireReportOrganizationLeads(report.organizationId, input.leadOrganizationIds);
      } else requireAnySecretariat(actor);
      const id = await db.transaction(async (tx) => {
        await requireExistingLinks(tx, links);
        const row = await insertActivity(tx, values);
        await replaceActivityLinks(tx, row.id, links);
        await applyActivityTotals(tx, [row.id], 1);
        await auditCreate(tx, actor, 'activity', row.id, input);
        return row.id;
      });
      return (await findActivityView(db, id))!;
    },

    async update(id: string, { version, ...input }: z.output<typeof ActivityUpdateSchema>) {
      const { links, values } = splitLinks(input);
      await db.transaction(async (tx) => {
        const activity = await authorize(tx, id);
        if (activity.reportId && links.leadOrganizationIds) {
          requireReportOrganizationLeads((await findReportFacts(tx, activity.reportId))!.organizationId, links.leadOrganizationIds);
        }
        await requireExistingLinks(tx, links);
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
