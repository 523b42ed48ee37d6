import { type Caller, requireApi, signIn } from './api-client.js';
import { addressOfUser } from './virtual-users.js';

/** The body the seed report belongs to; every write of the run goes into it. */
export const BODY_ACRONYM = 'COMSE';
const ACCOUNT_PASSWORD = 'clave-de-carga-2024';
/** Accounts are created this many at a time: each costs the server an argon2 hash. */
const CREATE_CONCURRENCY = 4;
/** The address setup requests claim (X-Forwarded-For), apart from the virtual users' addresses. */
export const SETUP_ADDRESS = '198.19.0.1';
/** Words of the seed's agreements, so searches find something; "carga" matches the agreements the run writes. */
const SEARCH_TERMS = ['niñas', 'protección', 'participación', 'mecanismo', 'informe', 'seguimiento', 'carga'];

/** An account of the secretariat of the body: one per virtual user, each signs in on its own. */
export interface LoadAccount {
  email: string;
  password: string;
}

/** What the virtual users pick from: the data already there, and an account each. */
export interface LoadFixtures {
  bodyId: string;
  organizationIds: string[];
  stateCodes: string[];
  /** Grow during the run with the sessions and agreements the run creates. */
  sessionIds: string[];
  agreementIds: string[];
  searchTerms: string[];
  accounts: LoadAccount[];
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
async function signInReplacingPassword(baseUrl: string, account: LoadAccount, forwardedFor: string): Promise<Caller> {
  const caller: Caller = { session: await signIn(baseUrl, account.email, account.password, forwardedFor), forwardedFor };
  const newPassword = `${account.password}-propia`;
  await requireApi(baseUrl, 'POST', '/auth/password', { ...caller, body: { currentPassword: account.password, newPassword } });
  account.password = newPassword;
  return caller;
}

/**
 * Signs in the administrator, creates one secretariat account per virtual user (`accounts`), and
 * publishes the imported sessions and agreements so the public portal has something to list.
 */
export async function prepareFixtures(baseUrl: string, admin: { email: string; password: string }, accounts: number): Promise<LoadFixtures> {
  const adminCaller = await signInReplacingPassword(baseUrl, { ...admin }, SETUP_ADDRESS);
  const get = <T>(path: string) => requireApi<T>(baseUrl, 'GET', path, adminCaller);
  const post = <T>(path: string, body: unknown) => requireApi<T>(baseUrl, 'POST', path, { ...adminCaller, body });

  const body = (await get<Page<Versioned & { acronym: string | null }>>(`/bodies?q=${BODY_ACRONYM}&pageSize=50`)).items.find((b) => b.acronym === BODY_ACRONYM);
  if (!body) throw new Error(`The import did not create the body ${BODY_ACRONYM}.`);

  const created: LoadAccount[] = Array.from({ length: accounts }, (_, i) => ({ email: `secretaria-carga-${i + 1}@prueba.telar.mx`, password: ACCOUNT_PASSWORD }));
  let next = 0;
  const createAccounts = async () => {
    while (next < created.length) {
      const i = next++;
      await post('/users', { email: created[i]!.email, name: `Secretaría de carga ${i + 1}`, password: ACCOUNT_PASSWORD, roles: [{ role: 'secretariat', bodyId: body.id }] });
      // Accounts an administrator made replace their first password, from the address each user signs in from later.
      await signInReplacingPassword(baseUrl, created[i]!, addressOfUser(i));
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, createAccounts));

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
    accounts: created,
  };
}
