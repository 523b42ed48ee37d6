import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { bodyLogos } from './bodies.tables.js';
import type { HeaderLogo } from '../../platform/documents/word-style.js';

export type BodyLogo = Omit<typeof bodyLogos.$inferSelect, 'bodyId' | 'updatedAt'>;
export type BodyLogoFacts = Pick<BodyLogo, 'contentType' | 'width' | 'height'> & { byteSize: number };

/** The logo's facts without its bytes (for the body's page and its history). */
export async function findBodyLogoFacts(db: Database, bodyId: string): Promise<BodyLogoFacts | undefined> {
  const [row] = await db
    .select({ contentType: bodyLogos.contentType, width: bodyLogos.width, height: bodyLogos.height, byteSize: sql<number>`octet_length(${bodyLogos.content})` })
    .from(bodyLogos)
    .where(eq(bodyLogos.bodyId, bodyId));
  return row;
}

export async function findBodyLogo(db: Database, bodyId: string): Promise<BodyLogo | undefined> {
  const [row] = await db
    .select({ contentType: bodyLogos.contentType, width: bodyLogos.width, height: bodyLogos.height, content: bodyLogos.content })
    .from(bodyLogos)
    .where(eq(bodyLogos.bodyId, bodyId));
  return row;
}

export async function saveBodyLogo(db: Database, bodyId: string, logo: BodyLogo) {
  await db
    .insert(bodyLogos)
    .values({ bodyId, ...logo })
    .onConflictDoUpdate({ target: bodyLogos.bodyId, set: { ...logo, updatedAt: sql`now()` } });
}

export async function deleteBodyLogo(db: Database, bodyId: string) {
  await db.delete(bodyLogos).where(eq(bodyLogos.bodyId, bodyId));
}

/** The logo as the Word house style places it in a document's header. */
export async function findBodyHeaderLogo(db: Database, bodyId: string): Promise<HeaderLogo | undefined> {
  const logo = await findBodyLogo(db, bodyId);
  return logo && { type: logo.contentType === 'image/png' ? 'png' : 'jpg', width: logo.width, height: logo.height, content: logo.content };
}
