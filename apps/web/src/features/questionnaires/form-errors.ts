import type { FieldErrors } from 'react-hook-form';

/**
 * Every message of a nested error object (an answer's blocks, a template's questions), for a summary
 * above a form whose fields do not all show their own. An error's `ref` is its DOM element: not followed.
 */
export function collectErrorMessages(errors: FieldErrors | undefined): string[] {
  if (!errors) return [];
  return Object.entries(errors).flatMap(([key, value]) => {
    if (key === 'ref' || !value || typeof value !== 'object') return [];
    const message = 'message' in value && typeof value.message === 'string' ? [value.message] : [];
    return [...message, ...collectErrorMessages(value as FieldErrors)];
  });
}
