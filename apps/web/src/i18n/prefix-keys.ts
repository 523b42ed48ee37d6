/** Catalogue entries from a domain wording table: `prefixKeys('sector', { government: 'Gobierno' })` → `{ 'sector.government': 'Gobierno' }`. */
export function prefixKeys<P extends string, T extends Record<string, string>>(prefix: P, labels: T): { [K in keyof T & string as `${P}.${K}`]: T[K] } {
  return Object.fromEntries(Object.entries(labels).map(([key, label]) => [`${prefix}.${key}`, label])) as {
    [K in keyof T & string as `${P}.${K}`]: T[K];
  };
}
