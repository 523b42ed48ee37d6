/** Blank <select> and text choices mean "none" to the API. */
export function toNullable(value: unknown): unknown {
  return value === '' ? null : value;
}

/** A number input's text as a number, or null when left empty. */
export function toNullableNumber(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  return Number(value);
}

/**
 * Optional groups of inputs (an evidence link: title + address) arrive as objects of empty strings
 * when left blank; the API wants null for "not given", so a fully blank group becomes null.
 */
export function dropBlankGroups<T extends Record<string, unknown>>(values: T, keys: readonly (keyof T)[]): T {
  const copy: Record<string, unknown> = { ...values };
  for (const key of keys) {
    const group = values[key];
    const isBlank = typeof group === 'object' && group !== null && Object.values(group).every((part) => typeof part !== 'string' || part.trim() === '');
    if (isBlank) copy[key as string] = null;
  }
  return copy as T;
}
