/**
 * Readers for URL search parameters. The router parses "?page=2" into a number and "?q=2021" too,
 * so every reader accepts both and drops what it cannot use instead of failing the page.
 */

export function readText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function readPage(value: unknown): number | undefined {
  const page = typeof value === 'string' ? Number(value) : value;
  return typeof page === 'number' && Number.isInteger(page) && page > 1 ? page : undefined;
}

export function readIsoDate(value: unknown): string | undefined {
  const text = readText(value);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}

/** Keeps a value only when it is one of the allowed ones (a sector, a status…). */
export function readChoice<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value);
}

/** Where to go after signing in: a path of this site only, never another site (an open redirect). */
export function readRedirect(value: unknown): string | undefined {
  const text = readText(value);
  return text && /^\/(?![\\/])/.test(text) && !text.startsWith('/ingresar') ? text : undefined;
}

/** A dashboard's filters (years, kind, state) and the measure its map shows, internal or public. */
export function readDashboardSearch(search: Record<string, unknown>): { from?: number; to?: number; kind?: string; stateCode?: string; measure?: string } {
  return {
    from: readPage(search.from),
    to: readPage(search.to),
    kind: readText(search.kind),
    stateCode: readText(search.stateCode),
    measure: readText(search.measure),
  };
}

/** A whole number from 1 (a revision). */
function readCount(value: unknown): number | undefined {
  const count = typeof value === 'string' ? Number(value) : value;
  return typeof count === 'number' && Number.isInteger(count) && count >= 1 ? count : undefined;
}

/** A list of texts (`?filtro=["sex:mujer","year:2024"]`); a single text counts as a list of one. */
export function readTextList(value: unknown): string[] | undefined {
  const items = (Array.isArray(value) ? value : [value]).map(readText).filter((item): item is string => item !== undefined);
  return items.length > 0 ? items : undefined;
}

/**
 * A dataset view's choices: «Ver por» (`por`), count or rate (`cifra`), public or internal (`vista`),
 * the measure, the revision and the filters as `dimension:code`; the page checks them against the dataset.
 */
export function readDatasetSearch(search: Record<string, unknown>): { por?: string; cifra?: string; vista?: string; medida?: string; revision?: number; filtro?: string[] } {
  return {
    por: readText(search.por),
    cifra: readText(search.cifra),
    vista: readText(search.vista),
    medida: readText(search.medida),
    revision: readCount(search.revision),
    filtro: readTextList(search.filtro),
  };
}

/** A calendar year (the points of a year): four digits, else nothing. */
export function readYear(value: unknown): number | undefined {
  const year = typeof value === 'string' ? Number(value) : value;
  return typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined;
}
