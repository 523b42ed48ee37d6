import type { EvidenceView } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { evidence } from './sessions.tables.js';
import { queryRows } from '../../platform/db/query.js';
import { evidenceJson } from '../../platform/db/views.sql.js';

export async function insertEvidence(db: Database, values: Omit<typeof evidence.$inferInsert, 'id'>) {
  const [row] = await db.insert(evidence).values(values).returning({ id: evidence.id });
  return row!;
}

export async function findEvidenceView(db: Database, id: string): Promise<EvidenceView | undefined> {
  const [row] = await queryRows<{ view: EvidenceView }>(db, sql`select ${evidenceJson(sql`e`)} as view from evidence e where e.id = ${id}`);
  return row?.view;
}

export async function findEvidenceFile(db: Database, id: string) {
  const [row] = await db
    .select({ fileName: evidence.fileName, contentType: evidence.contentType, content: evidence.content })
    .from(evidence)
    .where(eq(evidence.id, id));
  return row?.content ? row : undefined;
}
