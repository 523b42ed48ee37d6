import { MY_TASKS_SHOWN, type MyTasksView } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { isAdmin, requireSignedIn } from '../../platform/auth/policy.js';
import { listBodiesUnder } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { listReports } from '../reporting/index.js';
import { listAgreements } from '../sessions/index.js';

const FIRST_ITEMS = { page: 1, pageSize: MY_TASKS_SHOWN };
const NOTHING = { items: [], total: 0 };

/**
 * «Lo que me toca» on the home page: what the person owes as enlace of their organisations, what was
 * sent back to them, and what awaits their review as secretariat of bodies (and the bodies under them).
 * A reader has roles that owe and review nothing, so every group is empty.
 */
export function createMyTasksService(db: Database, actor: Actor) {
  return {
    async get(): Promise<MyTasksView> {
      requireSignedIn(actor);
      const roles = actor.kind === 'user' ? actor.roles : [];
      const organizationIds = roles.flatMap((r) => (r.role === 'enlace' && r.organizationId ? [r.organizationId] : []));
      const secretariatBodyIds = roles.flatMap((r) => (r.role === 'secretariat' && r.bodyId ? [r.bodyId] : []));
      // An administrator reviews every body's reports: no body filter.
      const planBodyIds = isAdmin(actor) ? undefined : await listBodiesUnder(db, secretariatBodyIds);
      const owes = organizationIds.length > 0;
      const [reportsDue, reportsSentBack, agreementsOwed, reportsToReview] = await Promise.all([
        owes ? listReports(db, { organizationIds, status: 'due', isPeriodOpen: true }, FIRST_ITEMS) : NOTHING,
        owes ? listReports(db, { organizationIds, status: 'sent_back', isPeriodOpen: true }, FIRST_ITEMS) : NOTHING,
        owes ? listAgreements(db, { responsibleOrganizationIds: organizationIds, isOpen: true }, FIRST_ITEMS) : NOTHING,
        planBodyIds?.length !== 0 ? listReports(db, { status: 'submitted', planBodyIds }, FIRST_ITEMS) : NOTHING,
      ]);
      const group = <T>({ items, total }: { items: T[]; total: number }) => ({ items, total });
      return { reportsDue: group(reportsDue), reportsSentBack: group(reportsSentBack), agreementsOwed: group(agreementsOwed), reportsToReview: group(reportsToReview) };
    },
  };
}
