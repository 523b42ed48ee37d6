import { z } from 'zod';

/**
 * ISO date (YYYY-MM-DD) that is a real calendar day. The messages speak to someone using a date
 * picker (which shows its own format and sends a blank while the date is incomplete).
 */
export const IsoDateSchema = z
  .string({ error: 'Indique la fecha.' })
  .min(1, { message: 'Indique la fecha.', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'La fecha no es válida: indique día, mes y año.', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { message: 'La fecha no existe en el calendario.' });

/** Two ISO dates in order (either may be missing): `earlier` is not after `later`. */
export const datesInOrder = (earlier: string | null | undefined, later: string | null | undefined) => !earlier || !later || earlier <= later;

/** ISO 3166-2:MX code of a state ("MX-JAL"). */
export const StateCodeSchema = z.string().regex(/^MX-[A-Z]{3}$/, { message: 'Clave de entidad no válida.' });

/**
 * A web address anyone may follow from the portal, open data or a report: http or https only (never
 * javascript: or data:), and none of the characters that would let it break out of a link in HTML or Markdown.
 */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s<>"'`\\]+$/i.test(text) && URL.canParse(text);
}

/** An http(s) address; `name` says which one in the message ("del acta"). */
export const webUrl = (name: string) =>
  z
    .string()
    .trim()
    .max(2000, { message: `La dirección ${name} pasa de 2000 caracteres.` })
    .refine(isWebUrl, { message: `Escriba la dirección ${name} completa, empezando con https:// o http://.` });

export const IdSchema = z.string().uuid({ message: 'Identificador no válido.' });

/**
 * The id of a record a person must choose in a select: left blank (or missing), the message names
 * what to choose ("Elija un órgano."); a malformed id is still "Identificador no válido.".
 */
export const requiredId = (message: string) => z.string({ error: message }).min(1, { message, abort: true }).uuid({ message: 'Identificador no válido.' });

/** Text a person typed: trimmed, required. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'Este campo es obligatorio.' }).max(max, { message: `Máximo ${max} caracteres.` });

/** Optional text: blank becomes null so the database never holds empty strings. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Máximo ${max} caracteres.` })
    .nullish()
    .transform((value) => (value ? value : null));

/** Every edit carries the version it was based on; a stale one is refused with 409. */
export const VersionSchema = z.number().int().min(1);

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  q: z.string().trim().max(200).optional(),
});

/**
 * Text searches count their matches up to this many: past it the exact figure costs reading every
 * match (half a table for a common word), which nobody pages through; the answer says "more than".
 */
export const COUNT_CAP = 1000;

/**
 * A list's download holds at most this many rows (every page, not only the one shown); the list says so
 * before the download when there are more, and the workbook says so below its table.
 */
export const LIST_EXPORT_CAP = 50_000;

export interface Page<T> {
  items: T[];
  /** With `isTotalCapped`, COUNT_CAP: there are more. */
  total: number;
  isTotalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** A field-level problem in an API input: `path` names the field ("organizationIds.0"). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The record a refused write would have duplicated, so the person can open it. */
export interface ExistingRecordRef {
  entity: 'session';
  id: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: FieldIssue[]; existing?: ExistingRecordRef };
}

/** Archive, restore, publish and unpublish name only the version they act on. */
export const VersionOnlySchema = z.object({ version: VersionSchema });
