import type { AgreementRef, MechanismBlock, SessionRef } from '@telar/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { mechanismReportWordings } from './mechanism-report.tables.js';

/**
 * The blocks of the participation-mechanism report: one per participation in the body's sessions
 * of the period, in session order. The follow-up is the participation's own or its agreement's.
 */
export async function listMechanismBlocks(db: Database, bodyId: string, from: string, to: string): Promise<MechanismBlock[]> {
  return queryRows<MechanismBlock>(
    db,
    sql`select
      -- Participants are named as the imported document wrote them ("…, A.C. (REDIM)"), otherwise as
      -- the reports name them: "Red por los Derechos de la Infancia en México (REDIM)".
      (select coalesce(json_agg(coalesce(po.name_as_written, o.name || coalesce(' (' || o.acronym || ')', '')) order by po.position), '[]'::json) from participation_organizations po
         join organizations o on o.id = po.organization_id where po.participation_id = p.id) as participants,
      json_build_object('kind', s.kind, 'number', s.number, 'date', s.date::text) as session,
      p.description,
      (select coalesce(json_agg(json_build_object('code', a.code, 'text', a.text) order by a.created_at), '[]'::json)
         from agreements a where a.participation_id = p.id and a.archived_at is null) as agreements,
      (select json_build_object('text', f.text, 'states',
                (select coalesce(json_agg(fs.state_code order by fs.position), '[]'::json) from follow_up_states fs where fs.follow_up_id = f.id))
         from follow_ups f
         where f.archived_at is null and (f.participation_id = p.id
           or f.agreement_id in (select a.id from agreements a where a.participation_id = p.id))
         order by f.date nulls last, f.created_at limit 1) as "followUp",
      (select coalesce(json_agg(json_build_object('title', e.title, 'url', e.url)), '[]'::json)
         from evidence e where e.id = s.minutes_evidence_id) as evidence
    from participations p join sessions s on s.id = p.session_id
    where s.body_id = ${bodyId} and s.date between ${from} and ${to} and p.archived_at is null and s.archived_at is null
    order by s.date, s.kind, p.created_at, p.id`,
  );
}

export async function findMechanismAgreement(db: Database, bodyId: string) {
  const [row] = await queryRows<AgreementRef & { session: SessionRef }>(
    db,
    sql`select a.code, a.text, json_build_object('kind', s.kind, 'number', s.number, 'date', s.date::text) as session
        from bodies b join agreements a on a.id = b.mechanism_agreement_id join sessions s on s.id = a.session_id
        where b.id = ${bodyId}`,
  );
  return row;
}

export interface MechanismWording {
  preamble: string[];
  minutesNote: string | null;
}

/** The wording imported for exactly this body and period, if any. */
export async function findMechanismWording(db: Database, bodyId: string, from: string, to: string): Promise<MechanismWording | undefined> {
  const [row] = await db
    .select({ preamble: mechanismReportWordings.preamble, minutesNote: mechanismReportWordings.minutesNote })
    .from(mechanismReportWordings)
    .where(and(eq(mechanismReportWordings.bodyId, bodyId), eq(mechanismReportWordings.periodFrom, from), eq(mechanismReportWordings.periodTo, to)));
  return row;
}

/** Keeps the wording of the document imported last for this body and period. */
export async function saveMechanismWording(db: Database, bodyId: string, period: { from: string; to: string }, wording: MechanismWording) {
  await db
    .insert(mechanismReportWordings)
    .values({ bodyId, periodFrom: period.from, periodTo: period.to, ...wording })
    .onConflictDoUpdate({
      target: [mechanismReportWordings.bodyId, mechanismReportWordings.periodFrom, mechanismReportWordings.periodTo],
      set: { ...wording, importedAt: sql`now()` },
    });
}
