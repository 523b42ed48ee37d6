import { type SQL, sql } from 'drizzle-orm';

/** A timestamptz as ISO 8601 in UTC ("2026-11-22T12:29:39.463Z"), the form browsers and JSON tools expect. */
export const isoInstant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * JSON fragments shared by the read queries, so each view shape is written once.
 * They expect the aliases named in their parameters.
 */
export const bodyRefJson = (b: SQL) => sql`json_build_object('id', ${b}.id, 'name', ${b}.name, 'acronym', ${b}.acronym)`;

export const sessionRefJson = (s: SQL, b: SQL) =>
  sql`json_build_object('id', ${s}.id, 'kind', ${s}.kind, 'number', ${s}.number, 'date', ${s}.date::text, 'body', ${bodyRefJson(b)})`;

/** An uploaded file has no URL of its own: it is served by the API. */
export const evidenceJson = (e: SQL) =>
  sql`json_build_object('id', ${e}.id, 'kind', ${e}.kind, 'title', ${e}.title, 'url', coalesce(${e}.url, '/api/evidence/' || ${e}.id || '/file'))`;

/** Organisations linked through a join table, as OrganizationRef[] in the given order. */
export const organizationRefsJson = (joinTable: SQL, foreignKey: SQL, ownerId: SQL, orderBy: SQL = sql`o.name_key`) =>
  sql`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) order by ${orderBy})
       from ${joinTable} j join organizations o on o.id = j.organization_id where j.${foreignKey} = ${ownerId}), '[]'::json)`;

/** State codes linked through a join table, as text[]. */
export const stateCodesArray = (joinTable: SQL, foreignKey: SQL, ownerId: SQL, orderBy: SQL = sql`state_code`) =>
  sql`coalesce((select array_agg(state_code order by ${orderBy}) from ${joinTable} where ${foreignKey} = ${ownerId}), '{}')`;
