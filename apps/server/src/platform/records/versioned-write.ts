import type { AuditEntryView } from '@telar/domain';
import { type Actor, describeActor } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { notFound, staleVersion } from '../errors.js';
import { diffFields, insertAuditEntry } from '../audit/audit.repository.js';

interface VersionedUpdate<Values> {
  entity: string;
  id: string;
  version: number;
  values: Values;
  /** What the audit calls this change; an edit unless said otherwise (archive, publish…). */
  action?: Exclude<AuditEntryView['action'], 'create' | 'import'>;
  find(db: Database, id: string): Promise<object | undefined>;
  write(db: Database, id: string, version: number, values: Values): Promise<object | undefined>;
}

/**
 * The one way an edit is written: 404 when the record is unknown, 409 when the version the edit was
 * based on is no longer current (nothing is overwritten), and an audit entry with before/after.
 * Call it inside the transaction of the edit.
 */
export async function writeVersionedUpdate<Values extends object>(db: Database, actor: Actor, update: VersionedUpdate<Values>) {
  const before = await update.find(db, update.id);
  if (!before) throw notFound();
  const written = await update.write(db, update.id, update.version, update.values);
  if (!written) throw staleVersion();
  const changes = diffFields(before as Record<string, unknown>, update.values as Record<string, unknown>);
  await insertAuditEntry(db, { actor: describeActor(actor), action: update.action ?? 'update', entity: update.entity, entityId: update.id, changes });
}

export async function auditCreate(db: Database, actor: Actor, entity: string, entityId: string, values: object) {
  await insertAuditEntry(db, { actor: describeActor(actor), action: 'create', entity, entityId, changes: diffFields({}, values as Record<string, unknown>) });
}
