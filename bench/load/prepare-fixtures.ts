import { requireApi, type SignedInSession, signIn } from './api-client.js';

/** The body the seed report belongs to; every write of the run goes into it. */
export const BODY_ACRONYM = 'COMSE';
/** Secretariat accounts of that body; with the administrator that makes 9 sign-ins, under the limit of 10 per address and minute. */
const SECRETARIAT_ACCOUNTS = 8;
const ACCOUNT_PASSWORD = 'clave-de-carga-2024';
/** Words of the seed's agreements, so searches find something; "carga" matches the agreements the run writes. */
const SEARCH_TERMS = ['niñas', 'protección', 'participación', 'mecanismo', 'informe', 'seguimiento', 'carga'];

/** What the virtual users pick from: the data already there and the signed-in sessions they share. */
export interface LoadFixtures {
  bodyId: string;
  organizationIds: string[];
  stateCodes: string[];
  /** Grow during the run with the sessions and agreements the run creates. */
  sessionIds: string[];
  agreementIds: string[];
  searchTerms: string[];
  sessions: SignedInSession[];
}

interface Page<T> {
  items: T[];
}
interface Versioned {
  id: string;
  version: number;
}

/**
 * Signs in with a password someone else set (the command line's `--password`, an administrator) and
 * replaces it, as Telar requires before anything else; the session stays signed in.
 */
async function signInReplacingPassword(baseUrl: string, email: string, password: string): Promise<SignedInSession> {
  const session = await signIn(baseUrl, email, password);
  await requireApi(baseUrl, 'POST', '/auth/password', { session, body: { currentPassword: password, newPassword: `${password}-propia` } });
  return session;
}

/**
 * Signs in the administrator, creates the secretariat accounts, signs them in, and publishes the
 * imported sessions and agreements so the public portal has something to list.
 */
export async function prepareFixtures(baseUrl: string, admin: { email: string; password: string }): Promise<LoadFixtures> {
  const adminSession = await signInReplacingPassword(baseUrl, admin.email, admin.password);
  const get = <T>(path: string) => requireApi<T>(baseUrl, 'GET', path, { session: adminSession });
  const post = <T>(path: string, body: unknown) => requireApi<T>(baseUrl, 'POST', path, { session: adminSession, body });

  const body = (await get<Page<Versioned & { acronym: string | null }>>(`/bodies?q=${BODY_ACRONYM}&pageSize=50`)).items.find((b) => b.acronym === BODY_ACRONYM);
  if (!body) throw new Error(`The import did not create the body ${BODY_ACRONYM}.`);

  const sessions = [adminSession];
  for (let i = 1; i <= SECRETARIAT_ACCOUNTS; i++) {
    const email = `secretaria-carga-${i}@prueba.telar.mx`;
    await post('/users', { email, name: `Secretaría de carga ${i}`, password: ACCOUNT_PASSWORD, roles: [{ role: 'secretariat', bodyId: body.id }] });
    sessions.push(await signInReplacingPassword(baseUrl, email, ACCOUNT_PASSWORD));
  }

  const importedSessions = (await get<Page<Versioned>>(`/sessions?bodyId=${body.id}&pageSize=500`)).items;
  const importedAgreements = (await get<Page<Versioned>>(`/agreements?bodyId=${body.id}&pageSize=500`)).items;
  for (const session of importedSessions) await post(`/sessions/${session.id}/publish`, { version: session.version });
  for (const agreement of importedAgreements) await post(`/agreements/${agreement.id}/publish`, { version: agreement.version });

  const organizations = (await get<Page<Versioned>>('/organizations?pageSize=500')).items;
  const states = await get<{ code: string }[]>('/states');
  if (!organizations.length || !importedSessions.length || !importedAgreements.length) throw new Error('The report import left no sessions, agreements or organisations to work with.');
  return {
    bodyId: body.id,
    organizationIds: organizations.map((o) => o.id),
    stateCodes: states.map((s) => s.code),
    sessionIds: importedSessions.map((s) => s.id),
    agreementIds: importedAgreements.map((a) => a.id),
    searchTerms: SEARCH_TERMS,
    sessions,
  };
}
