import type { EvidenceView } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { evidence } from './sessions.tables.js';
import { queryRows } from '../../platform/db/query.js';
import { evidenceJson } from '../../platform/db/views.sql.js';
import { isPublicSession } from './session.repository.js';

export async function insertEvidence(db: Database, values: Omit<typeof evidence.$inferInsert, 'id'>) {
  const [row] = await db.insert(evidence).values(values).returning({ id: evidence.id });
  return row!;
}

export async function findEvidenceView(db: Database, id: string): Promise<EvidenceView | undefined> {
  const [row] = await queryRows<{ view: EvidenceView }>(db, sql`select ${evidenceJson(sql`e`)} as view from evidence e where e.id = ${id}`);
  return row?.view;
}

/** Who added each piece of evidence, and the bodies of the sessions it already supports (as minutes, or through a follow-up). */
export async function findEvidenceOwnership(db: Database, ids: string[]) {
  if (!ids.length) return [];
  return queryRows<{ id: string; createdById: string | null; bodyIds: string[] }>(
    db,
    sql`select e.id, e.created_by_id as "createdById",
          coalesce((select array_agg(distinct s.body_id::text) from sessions s
            where s.minutes_evidence_id = e.id
               or s.id in (select coalesce(a.session_id, p.session_id) from follow_up_evidence fe join follow_ups f on f.id = fe.follow_up_id
                             left join agreements a on a.id = f.agreement_id left join participations p on p.id = f.participation_id
                           where fe.evidence_id = e.id)), '{}') as "bodyIds"
        from evidence e where e.id::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
}

export async function findEvidenceFile(db: Database, id: string) {
  const [row] = await db
    .select({ fileName: evidence.fileName, contentType: evidence.contentType, content: evidence.content })
    .from(evidence)
    .where(eq(evidence.id, id));
  return row?.content ? row : undefined;
}

/**
 * Evidence is public when it supports a record the public sees: the minutes of a public session, or
 * a live follow-up of a public agreement (published, live, in a public session) or of a live
 * participation in a public session.
 */
export async function isEvidencePublic(db: Database, evidenceId: string): Promise<boolean> {
  const [row] = await queryRows<{ isPublic: boolean }>(
    db,
    sql`select exists (select 1 from sessions s where s.minutes_evidence_id = ${evidenceId} and ${isPublicSession(sql`s`)})
        or exists (select 1 from follow_up_evidence fe join follow_ups f on f.id = fe.follow_up_id
                     left join agreements a on a.id = f.agreement_id left join participations p on p.id = f.participation_id
                     join sessions s on s.id = coalesce(a.session_id, p.session_id)
                   where fe.evidence_id = ${evidenceId} and f.archived_at is null and ${isPublicSession(sql`s`)}
                     and ((a.published_at is not null and a.archived_at is null) or (p.id is not null and p.archived_at is null))) as "isPublic"`,
  );
  return row?.isPublic ?? false;
}
