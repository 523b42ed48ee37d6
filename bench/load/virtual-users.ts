import { performance } from 'node:perf_hooks';
import type http from 'node:http';
import { type ApiResponse, attemptSignIn, createUserAgent, RequestFailure, sendApiRequest, type SignedInSession } from './api-client.js';
import type { LoadAccount, LoadFixtures } from './prepare-fixtures.js';

export type RequestKind = 'read' | 'write' | 'sign-in';
export type Entity = 'session' | 'participation' | 'agreement' | 'follow_up';

/** A write the server answered 2xx to, with what the client sent, to check against the database. */
export interface AcknowledgedWrite {
  entity: Entity;
  id: string;
  sessionId?: string;
  organizationIds?: string[];
  stateCodes?: string[];
}

export interface RequestRecord {
  operation: string;
  kind: RequestKind;
  status: number;
  ms: number;
  /** The base URL of the server process that answered. */
  server: string;
  requestId: string;
  /** Wall-clock ms at which it was sent, and at which it had been handed to the socket (comparable with the server probe's times). */
  sentAt: number;
  writtenAt: number;
  /** Whether it went over a connection opened for it. */
  isNewConnection: boolean;
}

/** A person using Telar: an account of their own, a client address of their own, and the server process they reach. */
export interface VirtualUser {
  index: number;
  baseUrl: string;
  account: LoadAccount;
  forwardedFor: string;
  /** Its own keep-alive connection, as a browser's. */
  agent: http.Agent;
  /** Set by signInUsers. */
  session?: SignedInSession;
}

/** User i's client address, in 198.18.0.0/15 (set aside for benchmarks): 198.18.0.1, 198.18.0.2, … */
export const addressOfUser = (index: number) => `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`;

/** One virtual user per account, spread over the server processes round-robin (user i → process i mod n). */
export function assignUsers(accounts: LoadAccount[], baseUrls: string[]): VirtualUser[] {
  return accounts.map((account, index) => ({ index, account, baseUrl: baseUrls[index % baseUrls.length]!, forwardedFor: addressOfUser(index), agent: createUserAgent() }));
}

/** Closes the users' connections. */
export function releaseUsers(users: VirtualUser[]) {
  for (const user of users) user.agent.destroy();
}

export interface LoadResult {
  records: RequestRecord[];
  acknowledged: AcknowledgedWrite[];
  /** Attempts that got no HTTP response (refused, reset, timed out). */
  connectionErrors: number;
  timeouts: number;
  /** Writes whose connection broke after they were sent: the client cannot know whether they committed. */
  inDoubtWrites: number;
  elapsedMs: number;
}

export interface LoadOptions {
  /** Signed in (signInUsers) beforehand; each sends its requests to its own server process. */
  users: VirtualUser[];
  durationMs: number;
  fixtures: LoadFixtures;
  /**
   * Sessions this run creates are dated from this day on, one a day, so two runs never collide on a
   * session's identity (body, kind, number, date).
   */
  firstSessionDate: string;
  /** Pause between a user's requests; THINK_MS unless given (the single-user baseline runs without). */
  thinkMs?: { min: number; max: number };
}

/** Each virtual user stops after this many requests even if time remains: the run is bounded in count too. */
const MAX_REQUESTS_PER_USER = 5_000;
/**
 * Pause between a user's requests, uniform in this range (1 s on average): a person working quickly.
 * Without it 200 users would be a saturation test whose latency only measures the queue.
 */
export const THINK_MS = { min: 500, max: 1_500 };
const RETRY_DELAY_MS = 50;

interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** The public portal is used without an account. */
  isAnonymous?: boolean;
  /** What to remember about the write once the server acknowledged it with this id. */
  acknowledge?: (id: string) => AcknowledgedWrite;
}

interface Operation {
  name: string;
  kind: RequestKind;
  weight: number;
  plan(sequence: number): PlannedRequest;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
/** Between min and max distinct items, uniformly chosen (a partial Fisher–Yates shuffle). */
const pickSome = <T>(items: T[], min: number, max: number): T[] => {
  const count = Math.min(items.length, min + Math.floor(Math.random() * (max - min + 1)));
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
};
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request mix: 70 % reads, 30 % writes. Created sessions and agreements join the pools later requests pick from. */
function defineOperations(fixtures: LoadFixtures, firstSessionDate: string): Operation[] {
  const { bodyId, organizationIds, stateCodes, sessionIds, agreementIds, searchTerms } = fixtures;
  return [
    { name: 'GET /sessions', kind: 'read', weight: 18, plan: () => ({ method: 'GET', path: '/sessions?pageSize=25' }) },
    { name: 'GET /agreements?q=', kind: 'read', weight: 18, plan: () => ({ method: 'GET', path: `/agreements?q=${encodeURIComponent(pick(searchTerms))}&pageSize=25` }) },
    { name: 'GET /sessions/{id}', kind: 'read', weight: 14, plan: () => ({ method: 'GET', path: `/sessions/${pick(sessionIds)}` }) },
    { name: 'GET /dashboard', kind: 'read', weight: 10, plan: () => ({ method: 'GET', path: '/dashboard' }) },
    { name: 'GET /public/agreements', kind: 'read', weight: 10, plan: () => ({ method: 'GET', path: '/public/agreements?pageSize=25', isAnonymous: true }) },
    {
      name: 'POST /sessions',
      kind: 'write',
      weight: 6,
      // Permanent sessions (ordinals are unique per body and kind, and a body has 99), one a day from the run's first day:
      // a session's identity (body, kind, number, date) is unique.
      plan: (n) => ({
        method: 'POST',
        path: '/sessions',
        body: { bodyId, kind: 'permanent', number: null, date: addDays(firstSessionDate, n), modality: 'virtual' },
        acknowledge: (id) => {
          sessionIds.push(id);
          return { entity: 'session', id };
        },
      }),
    },
    {
      name: 'POST /participations',
      kind: 'write',
      weight: 8,
      plan: (n) => {
        const sessionId = pick(sessionIds);
        const chosen = pickSome(organizationIds, 1, 3);
        return {
          method: 'POST',
          path: '/participations',
          body: { sessionId, organizationIds: chosen, description: `Participación de carga ${n}: presentación de avances` },
          acknowledge: (id) => ({ entity: 'participation', id, sessionId, organizationIds: chosen }),
        };
      },
    },
    {
      name: 'POST /agreements',
      kind: 'write',
      weight: 8,
      plan: (n) => {
        const sessionId = pick(sessionIds);
        const responsible = pickSome(organizationIds, 0, 2);
        const states = pickSome(stateCodes, 0, 3);
        return {
          method: 'POST',
          path: '/agreements',
          body: { sessionId, text: `Acuerdo de carga ${n}: dar seguimiento a la protección de niñas y niños`, responsibleOrganizationIds: responsible, stateCodes: states },
          acknowledge: (id) => {
            agreementIds.push(id);
            return { entity: 'agreement', id, sessionId, organizationIds: responsible, stateCodes: states };
          },
        };
      },
    },
    {
      name: 'POST /follow-ups',
      kind: 'write',
      weight: 8,
      plan: (n) => {
        const states = pickSome(stateCodes, 1, 3);
        return {
          method: 'POST',
          path: '/follow-ups',
          body: { agreementId: pick(agreementIds), date: '2024-06-15', text: `Seguimiento de carga ${n}: se realizaron mesas de trabajo`, stateCodes: states },
          acknowledge: (id) => ({ entity: 'follow_up', id, stateCodes: states }),
        };
      },
    },
  ];
}

function pickWeighted(operations: Operation[], totalWeight: number): Operation {
  let roll = Math.random() * totalWeight;
  for (const operation of operations) {
    roll -= operation.weight;
    if (roll < 0) return operation;
  }
  return operations.at(-1)!;
}

const classifyFailure = (error: unknown): RequestFailure['kind'] => (error instanceof RequestFailure ? error.kind : 'broken');

export interface SignInResult {
  /** Every attempt that got an answer, retries included. */
  records: RequestRecord[];
  /** Attempts that got no answer (refused, reset, timed out). */
  connectionErrors: number;
  /** Users left without a session after SIGN_IN_ATTEMPTS attempts. */
  failed: number;
  elapsedMs: number;
}

/** A user whose sign-in got no answer, a 429 or a 5xx tries again, this many times in all. */
const SIGN_IN_ATTEMPTS = 3;
const SIGN_IN_RETRY_MS = 1_000;

/**
 * Every user signs in on its own, at its own server process and from its own address, at a moment
 * drawn uniformly within `spreadMs` (people do not all press the button in the same millisecond).
 */
export async function signInUsers(users: VirtualUser[], spreadMs: number): Promise<SignInResult> {
  const result: SignInResult = { records: [], connectionErrors: 0, failed: 0, elapsedMs: 0 };
  const start = performance.now();
  await Promise.all(
    users.map(async (user) => {
      user.session = undefined;
      await sleep(Math.random() * spreadMs);
      for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS && !user.session; attempt++) {
        if (attempt > 1) await sleep(SIGN_IN_RETRY_MS);
        try {
          const answer = await attemptSignIn(user.baseUrl, user.account.email, user.account.password, user);
          const { status, ms, requestId, sentAt, writtenAt, isNewConnection } = answer;
          result.records.push({ operation: 'POST /auth/login', kind: 'sign-in', status, ms, server: user.baseUrl, requestId, sentAt, writtenAt, isNewConnection });
          user.session = answer.session;
          if (!user.session && answer.status !== 429 && answer.status < 500) break;
        } catch {
          result.connectionErrors++;
        }
      }
      if (!user.session) result.failed++;
    }),
  );
  result.elapsedMs = performance.now() - start;
  return result;
}

/**
 * Each virtual user a loop of requests, with its own session and address, until the time is up (or
 * MAX_REQUESTS_PER_USER). When the server is unreachable they retry: always if the connection was
 * refused (nothing was sent), and reads also after a broken connection; a write whose connection
 * broke is counted in doubt and not retried, since it may have committed.
 */
export async function runVirtualUsers({ users, durationMs, fixtures, firstSessionDate, thinkMs = THINK_MS }: LoadOptions): Promise<LoadResult> {
  const operations = defineOperations(fixtures, firstSessionDate);
  const totalWeight = operations.reduce((sum, operation) => sum + operation.weight, 0);
  const result: LoadResult = { records: [], acknowledged: [], connectionErrors: 0, timeouts: 0, inDoubtWrites: 0, elapsedMs: 0 };
  const start = performance.now();
  const deadline = start + durationMs;
  let sequence = 0;

  const send = async (operation: Operation, planned: PlannedRequest, user: VirtualUser): Promise<ApiResponse | undefined> => {
    while (performance.now() < deadline) {
      try {
        return await sendApiRequest(user.baseUrl, planned.method, planned.path, { session: planned.isAnonymous ? undefined : user.session, forwardedFor: user.forwardedFor, agent: user.agent, body: planned.body });
      } catch (error) {
        const failure = classifyFailure(error);
        result.connectionErrors++;
        if (failure === 'timeout') result.timeouts++;
        if (failure !== 'refused' && operation.kind === 'write') {
          result.inDoubtWrites++;
          return undefined;
        }
        await sleep(RETRY_DELAY_MS);
      }
    }
    return undefined;
  };

  const runUser = async (user: VirtualUser) => {
    // Users start as they go on, each at its own moment, not all in the same millisecond: a
    // synchronised start is a burst of 200 requests that takes the server many seconds to work off.
    if (thinkMs.max > 0) await sleep(Math.random() * thinkMs.max);
    for (let i = 0; i < MAX_REQUESTS_PER_USER && performance.now() < deadline; i++) {
      const operation = pickWeighted(operations, totalWeight);
      const planned = operation.plan(sequence++);
      const response = await send(operation, planned, user);
      if (!response) continue;
      const { status, ms, requestId, sentAt, writtenAt, isNewConnection } = response;
      result.records.push({ operation: operation.name, kind: operation.kind, status, ms, server: user.baseUrl, requestId, sentAt, writtenAt, isNewConnection });
      const id = (response.body as { id?: unknown } | undefined)?.id;
      if (planned.acknowledge && response.status < 300 && typeof id === 'string') result.acknowledged.push(planned.acknowledge(id));
      if (thinkMs.max > 0) await sleep(thinkMs.min + Math.random() * (thinkMs.max - thinkMs.min));
    }
  };

  await Promise.all(users.map(runUser));
  result.elapsedMs = performance.now() - start;
  return result;
}
