import type { MechanismReport, PublishedReportView } from '@telar/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { publishedReports } from './mechanism-report.tables.js';
import { queryRows } from '../../platform/db/query.js';
import { bodyRefJson, isoInstant } from '../../platform/db/views.sql.js';

const reportViewColumns = sql`r.id, r.kind, ${bodyRefJson(sql`b`)} as body, r.period_from::text as "periodFrom",
  r.period_to::text as "periodTo", r.title, ${isoInstant(sql`r.published_at`)} as "publishedAt"`;

export async function insertPublishedReport(db: Database, values: Omit<typeof publishedReports.$inferInsert, 'id'>) {
  const [row] = await db.insert(publishedReports).values(values).returning({ id: publishedReports.id });
  return row!;
}

/** The public report of a body and period, held until the transaction ends so a second publication waits for the first. */
export async function findLivePublishedReport(db: Database, kind: string, bodyId: string, from: string, to: string) {
  const [row] = await queryRows<{ id: string; title: string; blocks: number }>(
    db,
    sql`select id, title, jsonb_array_length(content->'blocks') as blocks from published_reports
        where kind = ${kind} and body_id = ${bodyId} and period_from = ${from} and period_to = ${to} and archived_at is null for update`,
  );
  return row;
}

/** Puts a new snapshot in place of a public report: same entry, new content and publication moment. */
export async function replacePublishedReport(db: Database, id: string, values: { title: string; content: MechanismReport }) {
  await db
    .update(publishedReports)
    .set({ ...values, publishedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${publishedReports.version} + 1` })
    .where(eq(publishedReports.id, id));
}

/** A report still on the portal, with its body (who may withdraw it). */
export async function findLivePublishedReportById(db: Database, id: string) {
  const [row] = await db
    .select({ id: publishedReports.id, bodyId: publishedReports.bodyId, title: publishedReports.title })
    .from(publishedReports)
    .where(and(eq(publishedReports.id, id), isNull(publishedReports.archivedAt)))
    .for('update');
  return row;
}

/** Takes a report off the portal; the row stays, archived. */
export async function withdrawPublishedReport(db: Database, id: string) {
  const [row] = await db
    .update(publishedReports)
    .set({ archivedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${publishedReports.version} + 1` })
    .where(eq(publishedReports.id, id))
    .returning({ archivedAt: publishedReports.archivedAt });
  return row!;
}

export async function listPublishedReports(db: Database): Promise<PublishedReportView[]> {
  return queryRows<PublishedReportView>(
    db,
    sql`select ${reportViewColumns} from published_reports r join bodies b on b.id = r.body_id
        where r.archived_at is null order by r.period_to desc, r.published_at desc limit 1000`,
  );
}

export async function findPublishedReport(db: Database, id: string) {
  const [row] = await queryRows<PublishedReportView & { content: MechanismReport }>(
    db,
    // Reports published before the preamble and note were kept lack them: they read as written from the data.
    sql`select ${reportViewColumns}, jsonb_build_object('preamble', '[]'::jsonb, 'minutesNote', null) || r.content as content
        from published_reports r join bodies b on b.id = r.body_id
        where r.id = ${id} and r.archived_at is null`,
  );
  return row;
}
