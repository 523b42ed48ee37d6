import type { Actor } from '../auth/actor.js';
import { requireSignedIn } from '../auth/policy.js';
import type { Database } from '../db/client.js';
import { listAuditEntries } from './audit.repository.js';

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
] as const;

export function createHistoryService(db: Database, actor: Actor) {
  return {
    /** Who changed the record, when, and what each field was before and after. */
    async list(entity: (typeof AUDITED_ENTITIES)[number], entityId: string) {
      requireSignedIn(actor);
      return listAuditEntries(db, entity, entityId);
    },
  };
}
