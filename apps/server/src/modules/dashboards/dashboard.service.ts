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
    async get(): Promise<DashboardView> {
      requireSignedIn(actor);
      const firstTen = { page: 1, pageSize: 10 };
      const [counts, dueSoon, overdue] = await Promise.all([
        countRecords(db),
        listAgreements(db, { dueWithinDays: DUE_SOON_DAYS }, firstTen),
        listAgreements(db, { isOverdue: true }, firstTen),
      ]);
      return { counts, dueSoon: dueSoon.items, overdue: overdue.items, overdueCount: overdue.total };
    },
  };
}
