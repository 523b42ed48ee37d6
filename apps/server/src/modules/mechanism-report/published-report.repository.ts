import type { MechanismReport, PublishedReportView } from '@telar/domain';
import { sql } from 'drizzle-orm';
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

export async function listPublishedReports(db: Database): Promise<PublishedReportView[]> {
  return queryRows<PublishedReportView>(
    db,
    sql`select ${reportViewColumns} from published_reports r join bodies b on b.id = r.body_id
        where r.archived_at is null order by r.period_to desc, r.published_at desc limit 1000`,
  );
}

export async function findPublishedReport(db: Database, id: string) {
  const [row] = await queryRows<PublishedReportView & { content: MechanismReport; bodyAcronym: string | null }>(
    db,
    // Reports published before the preamble and note were kept lack them: they read as written from the data.
    sql`select ${reportViewColumns}, jsonb_build_object('preamble', '[]'::jsonb, 'minutesNote', null) || r.content as content,
          b.acronym as "bodyAcronym" from published_reports r join bodies b on b.id = r.body_id
        where r.id = ${id} and r.archived_at is null`,
  );
  return row;
}
