import {
  type AgreementCreateSchema,
  type AgreementRecordView,
  type AgreementUpdateSchema,
  type FollowUpCreateSchema,
  isDatedBeforeSession,
  sessionDateOrderMessages,
  LIST_EXPORT_CAP,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, canManageBodyOrEnlace, requireBodyManager, requireBodyManagerOrEnlace, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { findAgreementScope, findParticipationScope, findSessionScope } from '../../platform/auth/scope.repository.js';
import { agreements } from './sessions.tables.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { insertEvidence } from './evidence.repository.js';
import { evidenceCreator, requireLinkableEvidence } from './evidence.service.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import {
  type AgreementFilter,
  findAgreement,
  findAgreementView,
  findFollowUpView,
  insertAgreement,
  insertFollowUp,
  listAgreements,
  listFollowUps,
  replaceAgreementLinks,
  updateAgreement,
} from './agreement.repository.js';
import type { PageRequest } from '../../platform/db/query.js';
import { renderListFile } from '../../platform/documents/table-file.js';
import { AGREEMENT_EXPORT_COLUMNS, toAgreementExportRow } from './list-files.js';
import { findSession, findSessionDateOf } from './session.repository.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

/** A date that may not come before the session of the record it belongs to; the field is named in the 422. */
async function requireDatedFromSession(
  db: Database,
  record: Parameters<typeof findSessionDateOf>[1],
  field: 'dueDate' | 'date',
  date: string | null | undefined,
) {
  if (!date) return;
  const sessionDate = await findSessionDateOf(db, record);
  if (sessionDate && isDatedBeforeSession(date, sessionDate)) {
    throw invalidField(field, (field === 'dueDate' ? sessionDateOrderMessages.agreementDueDate : sessionDateOrderMessages.followUpDate)(sessionDate));
  }
}

export function createAgreementService(db: Database, actor: Actor) {
  const lifecycle = createLifecycle(db, actor, { entity: 'agreement', table: agreements, authorize: async (id) => requireBodyManager(actor, await findAgreementScope(db, id)) });
  return {
    ...lifecycle,

    /** An agreement reaches the portal with its session: publishing it while the session is a draft or archived is refused. */
    async publish(id: string, version: number) {
      requireBodyManager(actor, await findAgreementScope(db, id));
      const session = await findSession(db, (await findAgreement(db, id))!.sessionId);
      if (!session?.publishedAt || session.archivedAt) {
        throw new DomainError('parent_not_published', undefined, 'Publique primero la sesión de este acuerdo: un acuerdo se publica con su sesión.');
      }
      return lifecycle.publish(id, version);
    },

    async list(filter: AgreementFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listAgreements(db, filter, page)), ...page };
    },

    async exportFile(filter: AgreementFilter, format: 'xlsx' | 'csv') {
      requireSignedIn(actor);
      const { items } = await listAgreements(db, filter, { page: 1, pageSize: LIST_EXPORT_CAP + 1 });
      return renderListFile({ title: 'Acuerdos', columns: AGREEMENT_EXPORT_COLUMNS, rows: items.map(toAgreementExportRow) }, format);
    },

    async get(id: string): Promise<AgreementRecordView> {
      requireSignedIn(actor);
      const [agreement, followUps, scope] = await Promise.all([findAgreementView(db, id), listFollowUps(db, { agreementId: id }), findAgreementScope(db, id)]);
      if (!agreement || !scope) throw notFound();
      const manages = canManageBody(actor, scope);
      return { ...agreement, followUps, abilities: { edit: manages, archive: manages, publish: manages, reportFollowUp: canManageBodyOrEnlace(actor, scope) } };
    },

    async create({ responsibleOrganizationIds, stateCodes, ...data }: z.output<typeof AgreementCreateSchema>) {
      requireBodyManager(actor, await findSessionScope(db, data.sessionId));
      return db.transaction(async (tx) => {
        if (!(await findSession(tx, data.sessionId))) throw invalidField('sessionId', 'La sesión no existe.');
        await requireDatedFromSession(tx, { sessionId: data.sessionId }, 'dueDate', data.dueDate);
        const row = await insertAgreement(tx, data);
        await replaceAgreementLinks(tx, row.id, responsibleOrganizationIds, stateCodes);
        await auditCreate(tx, actor, 'agreement', row.id, { ...data, responsibleOrganizationIds, stateCodes });
        return (await findAgreementView(tx, row.id))!;
      });
    },

    async update(id: string, { version, responsibleOrganizationIds, stateCodes, ...values }: z.output<typeof AgreementUpdateSchema>) {
      requireBodyManager(actor, await findAgreementScope(db, id));
      return db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, {
          entity: 'agreement',
          id,
          version,
          values: { ...values, responsibleOrganizationIds, stateCodes },
          find: async (t, rowId) => {
            await requireDatedFromSession(t, { agreementId: rowId }, 'dueDate', values.dueDate);
            return findAgreement(t, rowId);
          },
          write: async (t, rowId, v) => {
            const row = await updateAgreement(t, rowId, v, values);
            if (row) await replaceAgreementLinks(t, rowId, responsibleOrganizationIds, stateCodes);
            return row;
          },
        });
        return (await findAgreementView(tx, id))!;
      });
    },

    async addFollowUp({ stateCodes, evidence, evidenceIds, ...data }: z.output<typeof FollowUpCreateSchema>) {
      const scope = data.agreementId ? await findAgreementScope(db, data.agreementId) : await findParticipationScope(db, data.participationId!);
      if (!scope) throw invalidField(data.agreementId ? 'agreementId' : 'participationId', 'El registro al que corresponde el seguimiento no existe.');
      requireBodyManagerOrEnlace(actor, scope);
      return db.transaction(async (tx) => {
        await requireDatedFromSession(tx, data, 'date', data.date);
        const uploadedIds = [...new Set(evidenceIds)];
        await requireLinkableEvidence(tx, actor, uploadedIds);
        const linkIds = evidence ? [(await insertEvidence(tx, { kind: 'link', ...evidence, createdById: evidenceCreator(actor) })).id] : [];
        const row = await insertFollowUp(tx, data, stateCodes, [...uploadedIds, ...linkIds]);
        await auditCreate(tx, actor, 'follow_up', row.id, { ...data, stateCodes, evidence, evidenceIds });
        return (await findFollowUpView(tx, row.id))!;
      });
    },
  };
}
