import type { DashboardView } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { listAgreements } from '../sessions/index.js';
import { countRecords } from './stats.repository.js';

/** How far ahead the home page looks for agreements coming due. */
const DUE_SOON_DAYS = 60;

export function createDashboardService(db: Database, actor: Actor) {
  return {
    async get(today = new Date()): Promise<DashboardView> {
      requireSignedIn(actor);
      const dueBy = new Date(today.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
      const [counts, dueSoon] = await Promise.all([countRecords(db), listAgreements(db, { dueBy }, { page: 1, pageSize: 10 })]);
      return { counts, dueSoon: dueSoon.items };
    },
  };
}
