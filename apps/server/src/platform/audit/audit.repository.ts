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

/** Several entries in one statement (a bulk write: an assignment of many questions to many organisations). */
export async function insertAuditEntries(db: Database, entries: AuditRecord[]): Promise<void> {
  if (entries.length) await db.insert(auditEntries).values(entries);
}

/** Field-by-field difference between a record before and the values written to it. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[field]) !== JSON.stringify(value)) changes[field] = [before[field], value];
  }
  return changes;
}

export type AuditEntryRow = Omit<AuditEntryView, 'shown'>;

/**
 * A record's history, newest first. The bigserial id goes out as a JSON number on both drivers
 * (node-postgres reads int8 as text; a float8 holds every id up to 2^53 exactly).
 */
export async function listAuditEntries(db: Database, entity: string, entityId: string): Promise<AuditEntryRow[]> {
  return queryRows<AuditEntryRow>(
    db,
    sql`select id::float8 as id, ${isoInstant(sql`at`)} as at, actor, action, changes from audit_entries
        where entity = ${entity} and entity_id = ${entityId} order by id desc limit 500`,
  );
}

/** The network a member's contribution (dues) belongs to, to check who may read its history. */
export async function findContributionNetworkId(db: Database, contributionId: string): Promise<string | null> {
  const rows = await queryRows<{ networkId: string }>(
    db,
    sql`select m.network_id as "networkId" from network_contributions c join network_members m on m.id = c.member_id where c.id = ${contributionId}`,
  );
  return rows[0]?.networkId ?? null;
}

export interface NamedRecordRow {
  id: string;
  kind: 'organization' | 'body' | 'session' | 'plan' | 'plan_node' | 'indicator' | 'user';
  name: string;
  acronym: string | null;
  /** A session's kind, number, date and body name (the rest leave them null). */
  sessionKind: string | null;
  sessionNumber: number | null;
  sessionDate: string | null;
}

/**
 * The names of the records that history values point to, whatever table they are in (ids are UUIDs,
 * unique across tables). Archived records keep their names.
 */
export async function findNamedRecords(db: Database, ids: readonly string[]): Promise<NamedRecordRow[]> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return [];
  const list = sql`(${sql.join(
    uuids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  return queryRows<NamedRecordRow>(
    db,
    sql`select id::text as id, 'organization' as kind, name, acronym, null as "sessionKind", null::int as "sessionNumber", null as "sessionDate"
          from organizations where id in ${list}
        union all select id::text, 'body', name, acronym, null, null, null from bodies where id in ${list}
        union all select s.id::text, 'session', b.name, b.acronym, s.kind, s.number, s.date::text
          from sessions s join bodies b on b.id = s.body_id where s.id in ${list}
        union all select id::text, 'plan', name, null, null, null, null from plans where id in ${list}
        union all select id::text, 'plan_node', title, null, null, null, null from plan_nodes where id in ${list}
        union all select id::text, 'indicator', name, null, null, null, null from indicators where id in ${list}
        union all select id::text, 'dataset', name, null, null, null, null from stat_datasets where id in ${list}
        union all select id::text, 'user', name, email, null, null, null from users where id in ${list}`,
  );
}

/** Names of the accounts whose e-mails wrote history entries. */
export async function findActorNames(db: Database, emails: readonly string[]): Promise<{ email: string; name: string }[]> {
  if (emails.length === 0) return [];
  return queryRows(
    db,
    sql`select email, name from users where lower(email) in (${sql.join(
      emails.map((email) => sql`${email.toLowerCase()}`),
      sql`, `,
    )})`,
  );
}
