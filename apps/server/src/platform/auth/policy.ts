import { forbidden, invalidField, notFound, unauthenticated } from '../errors.js';
import type { RecordScope } from './scope.repository.js';
import type { Actor } from './actor.js';


const isAdmin = (actor: Actor) => actor.kind === 'system' || (actor.kind === 'user' && actor.roles.some((r) => r.role === 'admin'));

/** Internal data: any signed-in person (every role reads), and the system. */
export function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthenticated();
}

export function requireAdmin(actor: Actor): void {
  requireSignedIn(actor);
  if (!isAdmin(actor)) throw forbidden();
}

/** Anyone who writes something (secretariat, enlace, admin): readers only read. */
export function requireWriter(actor: Actor): void {
  requireSignedIn(actor);
  if (actor.kind === 'user' && actor.roles.every((r) => r.role === 'reader')) throw forbidden();
}

/** The secretariat of the record's body (or of a body above it) manages it; so does an admin. */
export function requireBodyManager(actor: Actor, scope: RecordScope | undefined): void {
  requireSignedIn(actor);
  if (!scope) throw notFound();
  if (isAdmin(actor)) return;
  const manages = actor.kind === 'user' && actor.roles.some((r) => r.role === 'secretariat' && scope.bodyIds.includes(r.bodyId!));
  if (!manages) throw forbidden();
}

/** Follow-up is reported by the body's secretariat or by an enlace of an organisation concerned. */
export function requireBodyManagerOrEnlace(actor: Actor, scope: RecordScope | undefined): void {
  requireSignedIn(actor);
  if (!scope) throw notFound();
  if (isAdmin(actor)) return;
  const allowed =
    actor.kind === 'user' &&
    actor.roles.some(
      (r) =>
        (r.role === 'secretariat' && scope.bodyIds.includes(r.bodyId!)) ||
        (r.role === 'enlace' && scope.organizationIds.includes(r.organizationId!)),
    );
  if (!allowed) throw forbidden();
}

/** An organisation's record is edited by its own enlace, or an admin. */
export function requireOrganizationEditor(actor: Actor, organizationId: string): void {
  requireSignedIn(actor);
  if (isAdmin(actor)) return;
  const allowed = actor.kind === 'user' && actor.roles.some((r) => r.role === 'enlace' && r.organizationId === organizationId);
  if (!allowed) throw forbidden();
}

/** Registering organisations, and recording activities outside a report, is for admins and secretariats. */
export function requireAnySecretariat(actor: Actor): void {
  requireSignedIn(actor);
  if (isAdmin(actor)) return;
  if (!(actor.kind === 'user' && actor.roles.some((r) => r.role === 'secretariat'))) throw forbidden();
}

/**
 * Linking evidence to a record can put it on the portal, so only who may manage it links it: whoever
 * added it, the secretariat of a record it already supports (`scope`), or an admin.
 */
export function requireEvidenceLinker(actor: Actor, evidence: { createdById: string | null; scope: RecordScope }): void {
  requireSignedIn(actor);
  if (isAdmin(actor)) return;
  const allowed =
    actor.kind === 'user' &&
    (actor.id === evidence.createdById || actor.roles.some((r) => r.role === 'secretariat' && evidence.scope.bodyIds.includes(r.bodyId!)));
  if (!allowed) throw invalidField('evidenceIds', 'Solo puede vincular evidencia que usted agregó, o que ya respalda registros de los órganos que administra.');
}
