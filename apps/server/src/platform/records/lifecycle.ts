import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { findRowById, updateIfVersion } from '../db/query.js';
import { writeVersionedUpdate } from './versioned-write.js';

type LifecycleTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn; archivedAt: PgColumn };

interface LifecycleDefinition<T extends LifecycleTable> {
  entity: string;
  table: T;
  /** Throws when the actor may not change this record (the same rule as for editing it). */
  authorize(id: string): Promise<void>;
  /** Derived data to keep in step (the dashboard totals): called in the change's transaction, before and after it. */
  around?: { before(tx: Database, id: string): Promise<void>; after(tx: Database, id: string): Promise<void> };
}

/**
 * Archive and restore (nothing is hard-deleted), and for publishable records publish and
 * unpublish: written like any edit (version check, audit), one transaction each.
 */
export function createLifecycle<T extends LifecycleTable>(db: Database, actor: Actor, { entity, table, authorize, around }: LifecycleDefinition<T>) {
  const findRow = (tx: Database, id: string) => findRowById(tx, table, id);
  const writeRow = (tx: Database, id: string, version: number, values: object) => updateIfVersion(tx, table, id, version, values);
  const change = async (id: string, version: number, action: 'archive' | 'restore' | 'publish' | 'unpublish', values: object) => {
    await authorize(id);
    await db.transaction(async (tx) => {
      await around?.before(tx, id);
      await writeVersionedUpdate(tx, actor, { entity, id, version, values, action, find: findRow, write: writeRow });
      await around?.after(tx, id);
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
