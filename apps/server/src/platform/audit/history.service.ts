import {
  type AuditEntryView,
  collectHistoryIds,
  describeHistoryValue,
  formatInstantMexicoCity,
  formatSessionTitleEs,
  formatSpanishDate,
  historyActionLabel,
  historyFieldLabel,
  writeCsv,
} from '@telar/domain';
import type { Actor } from '../auth/actor.js';
import { requireAdmin, requireBodyManager, requireSignedIn } from '../auth/policy.js';
import { findBodyScope } from '../auth/scope.repository.js';
import type { Database } from '../db/client.js';
import { type AuditEntryRow, findActorNames, findContributionNetworkId, findNamedRecords, listAuditEntries, type NamedRecordRow } from './audit.repository.js';

/** Record kinds whose history can be read, as the audit trail names them. */
export const AUDITED_ENTITIES = [
  'organization',
  'body',
  'session',
  'participation',
  'agreement',
  'follow_up',
  'evidence',
  'membership',
  'focal_point',
  'user',
  'plan',
  'plan_node',
  'indicator',
  'activity',
  'reporting_period',
  'report',
  'published_report',
  'questionnaire_template',
  'questionnaire_exercise',
  'questionnaire_contribution',
  'dataset',
  'network',
  'network_member',
  'network_contribution',
  'network_body',
  'focal_term',
  'survey',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** How a referenced record is named: "Red por los Derechos de la Infancia (REDIM)", a session by its title, body and date. */
function nameOf(row: NamedRecordRow): string {
  if (row.kind === 'session') {
    const body = row.acronym ?? row.name;
    const date = row.sessionDate ? `, ${formatSpanishDate(row.sessionDate)}` : '';
    return `${formatSessionTitleEs(row.sessionKind ?? '', row.sessionNumber)} (${body})${date}`;
  }
  return row.acronym ? `${row.name} (${row.acronym})` : row.name;
}

/** The entries with their Spanish reading: field labels, names instead of ids, dates in Mexico City. */
async function describeEntries(db: Database, entity: AuditedEntity, rows: AuditEntryRow[]): Promise<AuditEntryView[]> {
  const ids = collectHistoryIds(rows.flatMap((row) => Object.values(row.changes).flat()));
  const names = new Map((await findNamedRecords(db, ids)).map((row) => [row.id, nameOf(row)]));
  const actors = new Map(
    (await findActorNames(db, [...new Set(rows.map((row) => row.actor))])).map((row) => [row.email.toLowerCase(), row.name]),
  );
  return rows.map((row) => {
    const actorName = actors.get(row.actor.toLowerCase());
    return {
      ...row,
      shown: {
        at: formatInstantMexicoCity(row.at),
        who: actorName ? `${actorName} (${row.actor})` : row.actor,
        action: historyActionLabel(row.action),
        fields: Object.entries(row.changes).map(([field, [before, after]]) => ({
          field,
          label: historyFieldLabel(entity, field),
          before: describeHistoryValue(entity, field, before, names),
          after: describeHistoryValue(entity, field, after, names),
        })),
      },
    };
  });
}

export function createHistoryService(db: Database, actor: Actor) {
  return {
    /** Who changed the record, when, and what each field was before and after, raw and in words. */
    async list(entity: AuditedEntity, entityId: string): Promise<AuditEntryView[]> {
      requireSignedIn(actor);
      // Dues (amounts, notes) are the coordination's: their history only reaches who manages the network.
      if (entity === 'network_contribution') {
        const networkId = await findContributionNetworkId(db, entityId);
        if (networkId) requireBodyManager(actor, await findBodyScope(db, networkId));
        else requireAdmin(actor);
      }
      return describeEntries(db, entity, await listAuditEntries(db, entity, entityId));
    },
    /** The same history as a CSV file, one line per changed field, in the words the page uses. */
    async download(entity: AuditedEntity, entityId: string) {
      const entries = await this.list(entity, entityId);
      const lines = entries.flatMap(({ shown }) =>
        (shown.fields.length ? shown.fields : [{ label: '', before: '', after: '' }]).map((field) => ({ ...shown, ...field })),
      );
      const body = writeCsv(lines, [
        { header: 'Fecha y hora (Ciudad de México)', value: (line) => line.at },
        { header: 'Quién', value: (line) => line.who },
        { header: 'Acción', value: (line) => line.action },
        { header: 'Campo', value: (line) => line.label },
        { header: 'Antes', value: (line) => line.before },
        { header: 'Después', value: (line) => line.after },
      ]);
      return { body, contentType: 'text/csv; charset=utf-8', fileName: `historial-${entityId}.csv` };
    },
  };
}
