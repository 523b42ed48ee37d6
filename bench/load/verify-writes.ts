import type pg from 'pg';
import type { AcknowledgedWrite, Entity } from './virtual-users.js';

const TABLES: Record<Entity, string> = { session: 'sessions', participation: 'participations', agreement: 'agreements', follow_up: 'follow_ups' };
/** How many of the problems found are printed as examples. */
const MAX_EXAMPLES = 5;

export interface WriteCheck {
  acknowledged: number;
  found: number;
  lost: number;
  /** Rows written during the run that were never acknowledged (in-doubt writes that committed); more than the writes in doubt would be a write that failed yet committed. */
  unacknowledgedInDatabase: number;
  /** Acknowledged records present but without all their parts (links, states, audit entry). */
  halfWritten: number;
  /** Records written since the run started, acknowledged or not, that lack a part every such write has. */
  incompleteInDatabase: number;
  examples: string[];
}

const isSameSet = (a: string[], b: string[]) => a.length === new Set(b).size && new Set([...a, ...b]).size === a.length;

/**
 * Looks in the database, not through the API, for every write the server acknowledged, and checks
 * that each came whole: its link rows match what the client sent and its audit entry exists
 * (record and audit entry are written in one transaction).
 */
export async function verifyWrites(client: pg.Client, writes: AcknowledgedWrite[], since: string): Promise<WriteCheck> {
  const problems = new Map<string, string>();
  const flag = (id: string, problem: string) => problems.set(id, `${problem} (${id})`);
  const listIds = (entity: Entity) => writes.filter((w) => w.entity === entity).map((w) => w.id);

  let found = 0;
  for (const [entity, table] of Object.entries(TABLES) as [Entity, string][]) {
    const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from ${table} where id = any($1::uuid[])`, [listIds(entity)]);
    found += rows[0]!.count;
  }

  const written = await client.query<{ count: number }>(
    `select ((select count(*) from sessions where created_at >= $1) + (select count(*) from participations where created_at >= $1)
           + (select count(*) from agreements where created_at >= $1) + (select count(*) from follow_ups where created_at >= $1))::int as count`,
    [since],
  );

  const expected = new Map(writes.map((w) => [w.id, w]));
  const participations = await client.query<{ id: string; organizations: string[] }>(
    `select p.id::text, array_remove(array_agg(po.organization_id::text), null) as organizations
       from participations p left join participation_organizations po on po.participation_id = p.id
      where p.id = any($1::uuid[]) group by p.id`,
    [listIds('participation')],
  );
  for (const row of participations.rows) {
    if (!isSameSet(row.organizations, expected.get(row.id)!.organizationIds!)) flag(row.id, `participation with ${row.organizations.length} organisations`);
  }
  const agreements = await client.query<{ id: string; sessionId: string | null; organizations: string[]; states: string[] }>(
    `select a.id::text, s.id::text as "sessionId",
            array(select organization_id::text from agreement_organizations where agreement_id = a.id) as organizations,
            array(select state_code from agreement_states where agreement_id = a.id) as states
       from agreements a left join sessions s on s.id = a.session_id where a.id = any($1::uuid[])`,
    [listIds('agreement')],
  );
  for (const row of agreements.rows) {
    const sent = expected.get(row.id)!;
    if (row.sessionId !== sent.sessionId) flag(row.id, 'agreement without its session');
    else if (!isSameSet(row.organizations, sent.organizationIds!) || !isSameSet(row.states, sent.stateCodes!)) flag(row.id, 'agreement whose organisations or states differ from those sent');
  }
  const followUps = await client.query<{ id: string; states: string[] }>(
    `select f.id::text, array(select state_code from follow_up_states where follow_up_id = f.id) as states from follow_ups f where f.id = any($1::uuid[])`,
    [listIds('follow_up')],
  );
  for (const row of followUps.rows) {
    if (!isSameSet(row.states, expected.get(row.id)!.stateCodes!)) flag(row.id, `follow-up with ${row.states.length} states`);
  }
  const audited = await client.query<{ entityId: string; entity: string }>(
    `select entity_id as "entityId", entity from audit_entries where action = 'create' and entity_id = any($1::text[])`,
    [writes.map((w) => w.id)],
  );
  const auditedIds = new Set(audited.rows.filter((row) => expected.get(row.entityId)?.entity === row.entity).map((row) => row.entityId));
  for (const write of writes) if (!auditedIds.has(write.id)) flag(write.id, `${write.entity} without its audit entry`);
  const halfWritten = problems.size;

  // Writes cut off by a crash are not acknowledged but must still be all or nothing. Every write of the
  // run names at least one organisation (participations) or one state (follow-ups), and is audited.
  const incomplete = await client.query<{ id: string; problem: string }>(
    `select p.id::text, 'participation without organisations' as problem from participations p
      where p.created_at >= $1 and not exists (select 1 from participation_organizations po where po.participation_id = p.id)
     union all
     select f.id::text, 'follow-up without states' from follow_ups f
      where f.created_at >= $1 and not exists (select 1 from follow_up_states fs where fs.follow_up_id = f.id)
     union all
     select r.id::text, r.entity || ' without its audit entry' from (
       select id, 'session' as entity from sessions where created_at >= $1
       union all select id, 'participation' from participations where created_at >= $1
       union all select id, 'agreement' from agreements where created_at >= $1
       union all select id, 'follow_up' from follow_ups where created_at >= $1) r
      where not exists (select 1 from audit_entries e where e.action = 'create' and e.entity = r.entity and e.entity_id = r.id::text)`,
    [since],
  );
  for (const row of incomplete.rows) if (!problems.has(row.id)) flag(row.id, row.problem);

  return {
    acknowledged: writes.length,
    found,
    lost: writes.length - found,
    unacknowledgedInDatabase: written.rows[0]!.count - found,
    halfWritten,
    incompleteInDatabase: incomplete.rows.length,
    examples: [...problems.values()].slice(0, MAX_EXAMPLES),
  };
}
