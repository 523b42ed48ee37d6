import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Actor, describeActor } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { notFound, staleVersion } from '../http/errors.js';
import { diffFields, insertAuditEntry } from '../repositories/audit.repository.js';
import { updateIfVersion } from '../repositories/query.js';

type LifecycleTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn; archivedAt: PgColumn };

interface LifecycleDefinition<T extends LifecycleTable> {
  entity: string;
  table: T;
  /** Throws when the actor may not change this record (the same rule as for editing it). */
  authorize(id: string): Promise<void>;
}

/**
 * Archive and restore (nothing is hard-deleted), and for publishable records publish and
 * unpublish: version-checked like any edit, audited, one transaction each.
 */
export function createLifecycle<T extends LifecycleTable>(db: Database, actor: Actor, { entity, table, authorize }: LifecycleDefinition<T>) {
  const change = async (id: string, version: number, action: 'archive' | 'restore' | 'publish' | 'unpublish', values: object) => {
    await authorize(id);
    await db.transaction(async (tx) => {
      const [before] = (await tx.select().from(table as PgTable).where(eq(table.id, id))) as Record<string, unknown>[];
      if (!before) throw notFound();
      if (!(await updateIfVersion(tx, table, id, version, values))) throw staleVersion();
      await insertAuditEntry(tx, { actor: describeActor(actor), action, entity, entityId: id, changes: diffFields(before, values as Record<string, unknown>) });
    });
  };
  const now = () => new Date().toISOString();
  return {
    archive: (id: string, version: number) => change(id, version, 'archive', { archivedAt: now() }),
    restore: (id: string, version: number) => change(id, version, 'restore', { archivedAt: null }),
    publish: (id: string, version: number) => change(id, version, 'publish', { publishedAt: now() }),
    unpublish: (id: string, version: number) => change(id, version, 'unpublish', { publishedAt: null }),
  };
}
