import type { AuditEntryView } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query.js';
import { isoInstant } from '../db/views.sql.js';
import type { Database } from '../db/client.js';
import { auditEntries } from './audit.tables.js';

export interface AuditRecord {
  actor: string;
  action: AuditEntryView['action'];
  entity: string;
  entityId: string;
  changes: Record<string, [unknown, unknown]>;
}

export async function insertAuditEntry(db: Database, entry: AuditRecord): Promise<void> {
  await db.insert(auditEntries).values(entry);
}

/** Field-by-field difference between a record before and the values written to it. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[field]) !== JSON.stringify(value)) changes[field] = [before[field], value];
  }
  return changes;
}

/**
 * A record's history, newest first. The bigserial id goes out as a JSON number on both drivers
 * (node-postgres reads int8 as text; a float8 holds every id up to 2^53 exactly).
 */
export async function listAuditEntries(db: Database, entity: string, entityId: string): Promise<AuditEntryView[]> {
  return queryRows<AuditEntryView>(
    db,
    sql`select id::float8 as id, ${isoInstant(sql`at`)} as at, actor, action, changes from audit_entries
        where entity = ${entity} and entity_id = ${entityId} order by id desc limit 500`,
  );
}
