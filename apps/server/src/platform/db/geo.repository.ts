import type { StateView } from '@telar/domain';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { queryRows } from './query.js';

export async function listStates(db: Database): Promise<StateView[]> {
  return queryRows<StateView>(
    db,
    sql`select code, inegi_code as "inegiCode", name, short_name as "shortName", abbreviation from states order by inegi_code`,
  );
}
