/**
 * What every abilities test shares: the six kinds of person it signs in as (placed by the test's own
 * bodies and organisations), reading a record with its abilities, and the rule that an ability saying
 * yes is a write the API accepts while one saying no is a 403.
 */
import { expect } from 'vitest';
import type { TestContext } from './test-context.js';

type ApiCall = TestContext['api'];
type Roles = Parameters<TestContext['signInAs']>[0];

/** Where the personas sit: the record's body, one above it, another system; the organisation concerned and another. */
export interface PersonaPlaces {
  group: string;
  system: string;
  other: string;
  responsible: string;
  bystander: string;
}

/** The six kinds of person; `concerned` names the organisation the records concern ("responsible", "contributing"). */
export function abilityPersonas(places: PersonaPlaces, concerned: string): Record<string, () => Roles> {
  return {
    'the secretariat of the body': () => [{ role: 'secretariat', bodyId: places.group }],
    'the secretariat of a body above': () => [{ role: 'secretariat', bodyId: places.system }],
    'the secretariat of another system': () => [{ role: 'secretariat', bodyId: places.other }],
    [`the enlace of the ${concerned} organisation`]: () => [{ role: 'enlace', organizationId: places.responsible }],
    'the enlace of another organisation': () => [{ role: 'enlace', organizationId: places.bystander }],
    'a reader': () => [{ role: 'reader' }],
  };
}

export async function readWithAbilities(client: ApiCall, path: string) {
  const response = await client('GET', path);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { version: number; abilities: Record<string, boolean> } & Record<string, unknown>;
}

/** 2xx when the ability says yes, 403 when it says no. */
export function expectAnswerMatches(ability: boolean, status: number, what: string) {
  if (ability) expect(status, what).toBeLessThan(300);
  else expect(status, what).toBe(403);
}
