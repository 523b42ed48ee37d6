import {
  formatSessionTitle,
  formatSpanishDate,
  COUNT_CAP,
  SEARCH_TYPES,
  type SearchItemView,
  type SearchQuery,
  type SearchResultView,
} from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { toPrefixTsQuery } from '../../platform/db/query.js';
import { readSessionReference } from './search-query.js';
import { findDisplayRows, searchRecords, type SearchDisplayRow } from './search.repository.js';

type Context = NonNullable<SearchDisplayRow['context']>;

const withAcronym = (name: string, acronym: string | null | undefined) => (acronym && !name.includes(acronym) ? `${name} (${acronym})` : name);
const placeOf = (c: Context) => c.bodyAcronym ?? c.bodyName ?? '';
/** "Vigésima Cuarta Sesión Ordinaria de COMSE, 11 de abril de 2023". */
const describeSession = (c: Context) => `${formatSessionTitle({ kind: c.kind!, number: c.number ?? null })} de ${placeOf(c)}, ${formatSpanishDate(c.date!)}`;

/** How each type is titled and linked in the web app; titles are Spanish, as the user reads them. */
function toItem(row: SearchDisplayRow): SearchItemView {
  const c: Context = row.context ?? {};
  const item = (title: string, url: string, snippet: string | null = row.snippet || null): SearchItemView => ({ type: row.type, id: row.id, title, url, snippet });
  switch (row.type) {
    case 'organization':
      return item(withAcronym(row.name!, row.acronym), `/organizaciones/${row.id}`);
    case 'body':
      return item(withAcronym(row.name!, row.acronym), `/organos/${row.id}`);
    case 'session':
      return item(describeSession(c), `/sesiones/${row.id}`, c.bodyName ?? null);
    case 'agreement':
      return item(row.name ? `Acuerdo ${row.name}` : `Acuerdo de la ${describeSession(c)}`, `/acuerdos/${row.id}`);
    case 'follow_up':
      return item(
        c.agreementCode ? `Seguimiento del acuerdo ${c.agreementCode}` : `Seguimiento en la ${describeSession(c)}`,
        c.agreementId ? `/acuerdos/${c.agreementId}` : `/sesiones/${c.sessionId}`,
      );
    case 'plan':
      return item(row.name!, `/planes/${row.id}`, row.snippet || row.acronym);
    case 'plan_node':
      return item(row.name!, `/planes/${c.planId}/nodos/${row.id}`, c.planName ?? null);
    case 'activity':
      return item(row.name!, `/actividades/${row.id}`);
    case 'report':
      return item(`Reporte de ${c.organizationAcronym ?? c.organizationName}: ${row.name}`, `/reportes/${row.id}`, c.planName ?? null);
  }
}

/** Search across everything a signed-in person may read: internal records, published or not, never archived ones. */
export function createSearchService(db: Database, actor: Actor) {
  return {
    async search({ q, type, limit }: SearchQuery): Promise<SearchResultView> {
      requireSignedIn(actor);
      const terms = { tsQuery: toPrefixTsQuery(q, false), text: q, session: readSessionReference(q) };
      const { candidates, counts } = await searchRecords(db, terms, type ? [type] : SEARCH_TYPES, limit);
      const rows = new Map((await findDisplayRows(db, candidates, terms.tsQuery)).map((row) => [`${row.type}:${row.id}`, row]));
      return {
        q,
        type: type ?? null,
        items: candidates.flatMap((c) => {
          const row = rows.get(`${c.type}:${c.id}`);
          return row ? [toItem(row)] : [];
        }),
        facets: SEARCH_TYPES.map((t) => {
          const count = counts.get(t) ?? 0;
          return { type: t, count: Math.min(count, COUNT_CAP), isCapped: count > COUNT_CAP };
        }),
      };
    },
  };
}
