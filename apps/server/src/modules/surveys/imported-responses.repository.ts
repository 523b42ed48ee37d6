import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * A response gathered outside Telar (slides, paper), imported: anonymous, tied to no invitation and to no
 * member (so no state, sector or commission), dated the day the source gives. See imported-responses.service.ts.
 */
export async function insertImportedResponse(db: Database, surveyId: string, submittedOn: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into survey_responses (survey_id, invitation_id, is_anonymous, state_code, sector, commission_ids, submitted_on)
        values (${surveyId}, null, true, null, null, '{}', ${submittedOn}) returning id`,
  );
  return row!.id;
}
