import type { MeView, RoleGrant } from '@telar/domain';

/** The signed-in person as a session resolves them; what they may do (`abilities`) is added when the app asks who it is. */
export type SessionPerson = Omit<MeView, 'abilities'>;

/**
 * Who is acting. A signed-in person with their roles; the command line and the demo loader
 * act as the system (they run with the operator's own access to the database); anyone else is
 * anonymous and sees only what is published.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; label: string }
  | { kind: 'user'; id: string; email: string; name: string; roles: RoleGrant[] };

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (label: string): Actor => ({ kind: 'system', label });

/** How the audit trail names the actor. */
export function describeActor(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  return actor.kind === 'system' ? actor.label : 'anónimo';
}
