import type { FieldIssue } from '@telar/domain';
import { DomainError, forbidden, invalidField, notFound, unauthenticated } from '../errors.js';
import type { RecordScope } from './scope.repository.js';
import type { Actor } from './actor.js';

/**
 * The rules of who may do what. Each rule is a `can*` answer (used to tell the web app what a person
 * may do with a record, as its `abilities`) and the `require*` that enforces the same answer on a
 * write, so what the interface offers and what the API accepts cannot drift apart.
 */

export const isAdmin = (actor: Actor) => actor.kind === 'system' || (actor.kind === 'user' && actor.roles.some((r) => r.role === 'admin'));

const roleGrants = (actor: Actor) => (actor.kind === 'user' ? actor.roles : []);

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

/** Whether the actor is the secretariat of a body in the scope (the record's body or one above it). */
const isSecretariatWithin = (actor: Actor, scope: RecordScope) => roleGrants(actor).some((r) => r.role === 'secretariat' && scope.bodyIds.includes(r.bodyId!));

/** The secretariat of the record's body (or of a body above it) manages it; so does an admin. */
export const canManageBody = (actor: Actor, scope: RecordScope) => isAdmin(actor) || isSecretariatWithin(actor, scope);

/** When the body was chosen in a field, `refusal` names that field and says why it cannot be. */
export function requireBodyManager(actor: Actor, scope: RecordScope | undefined, refusal?: FieldIssue): void {
  requireSignedIn(actor);
  if (!scope) throw notFound();
  if (!canManageBody(actor, scope)) throw refusal ? new DomainError('forbidden', [refusal]) : forbidden();
}

/**
 * Moving a body takes it from the secretariats above its old place and hands it to those above the
 * new one, so both places must be within the actor's reach. A body with no parent is, like a new
 * top-level body, the administrators' to make. `from` and `to` are the scopes of the old and new
 * parents (null: none); the actor must already manage the body itself.
 */
export function requireBodyMoveWithinReach(actor: Actor, from: RecordScope | null, to: RecordScope | null): void {
  const refusal = (message: string) => ({ path: 'parentId', message });
  if (!to) {
    if (!isAdmin(actor)) throw new DomainError('forbidden', [refusal('Solo una persona administradora puede dejar un órgano sin órgano del que forme parte.')]);
    return;
  }
  if (from) requireBodyManager(actor, from, refusal('Solo la secretaría técnica del órgano del que forma parte ahora (o de uno superior) puede cambiarlo de lugar.'));
  requireBodyManager(actor, to, refusal('Solo puede colocar el órgano dentro de un órgano del que usted es secretaría técnica.'));
}

/** Follow-up is reported by the body's secretariat or by an enlace of an organisation concerned. */
export const canManageBodyOrEnlace = (actor: Actor, scope: RecordScope) =>
  canManageBody(actor, scope) || roleGrants(actor).some((r) => r.role === 'enlace' && scope.organizationIds.includes(r.organizationId!));

export function requireBodyManagerOrEnlace(actor: Actor, scope: RecordScope | undefined): void {
  requireSignedIn(actor);
  if (!scope) throw notFound();
  if (!canManageBodyOrEnlace(actor, scope)) throw forbidden();
}

/** An organisation's record is edited by its own enlace, or an admin. */
export const canEditOrganization = (actor: Actor, organizationId: string) =>
  isAdmin(actor) || roleGrants(actor).some((r) => r.role === 'enlace' && r.organizationId === organizationId);

export function requireOrganizationEditor(actor: Actor, organizationId: string): void {
  requireSignedIn(actor);
  if (!canEditOrganization(actor, organizationId)) throw forbidden();
}

/** Registering organisations is for admins and secretariats. */
export const isAnySecretariat = (actor: Actor) => isAdmin(actor) || roleGrants(actor).some((r) => r.role === 'secretariat');

export function requireAnySecretariat(actor: Actor): void {
  requireSignedIn(actor);
  if (!isAnySecretariat(actor)) throw forbidden();
}

/**
 * Linking evidence to a record can put it on the portal, so only who may manage it links it: whoever
 * added it, the secretariat of a record it already supports (`scope`), or an admin.
 */
export function requireEvidenceLinker(actor: Actor, evidence: { createdById: string | null; scope: RecordScope }): void {
  requireSignedIn(actor);
  if (isAdmin(actor)) return;
  const allowed = actor.kind === 'user' && (actor.id === evidence.createdById || isSecretariatWithin(actor, evidence.scope));
  if (!allowed) throw invalidField('evidenceIds', 'Solo puede vincular evidencia que usted agregó, o que ya respalda registros de los órganos que administra.');
}

/** Statistics without disclosure control (the internal view): administrators and the secretariats. */
export const canViewInternalStatistics = (actor: Actor) => isAnySecretariat(actor);

/** Importing datasets, describing and publishing them: administrators and the secretariats. */
export const canManageStatistics = (actor: Actor) => isAnySecretariat(actor);

export function requireStatisticsManager(actor: Actor): void {
  requireSignedIn(actor);
  if (!canManageStatistics(actor)) throw forbidden();
}

/** The disclosure threshold decides what the public may learn about children: an administrator's to change. */
export function requireDisclosureRuleEditor(actor: Actor): void {
  requireSignedIn(actor);
  if (!isAdmin(actor)) throw new DomainError('forbidden', [{ path: 'disclosureThreshold', message: 'Solo una persona administradora cambia la regla de confidencialidad.' }]);
}
