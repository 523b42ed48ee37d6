import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { hasMessage, t } from '../i18n/translate';
import { ApiError } from './client';

/** The sentence to show a person for any failed request. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError)) return t('app.unexpectedError');
  if (error.code === 'network') return t('error.network');
  if (error.isConflict) return t('error.conflict');
  if (error.status === 404) return t('error.notFound');
  // Sign-in, permission and session failures have a sentence of their own in the catalogue.
  const codeKey = `error.code.${error.code}`;
  if (hasMessage(codeKey)) return t(codeKey);
  if (error.issues.length > 0 && !error.message) return t('error.validation');
  return error.message || t('app.unexpectedError');
}

/**
 * "organizationIds.0" → "organizationIds": an item of a list of values is reported on the list's control.
 * An item's field in a list of rows ("roles.1.bodyId") keeps its index: each row has its own control.
 */
function toFieldPath(issuePath: string): string {
  return issuePath.replace(/\.\d+$/, '');
}

function findLongestText(values: Record<string, unknown>): string | undefined {
  const texts = Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return texts.sort((a, b) => b[1].length - a[1].length)[0]?.[0];
}

/**
 * Puts a failed save back on the form: each server issue next to its field, the rest (conflicts,
 * unknown fields, network) as the form-level `root.server` error. Typed values are left untouched.
 */
export function applyApiErrorToForm<T extends FieldValues>(error: unknown, form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>): void {
  const values = form.getValues() as Record<string, unknown>;
  // A body over the server's limit is refused before it is read, so no field is named: the longest text typed is the culprit.
  const tooLargeField = error instanceof ApiError && error.status === 413 ? findLongestText(values) : undefined;
  if (tooLargeField) {
    form.setError(tooLargeField as Path<T>, { type: 'server', message: t('error.fieldTooLarge') });
    form.setError('root.server', { type: 'server', message: t('error.validation') });
    return;
  }
  const unplaced: string[] = [];
  if (error instanceof ApiError && !error.isConflict) {
    for (const issue of error.issues) {
      const path = toFieldPath(issue.path);
      const root = path.split('.')[0] ?? '';
      if (path && root in values) form.setError(path as Path<T>, { type: 'server', message: issue.message });
      else unplaced.push(issue.message);
    }
  }
  // A duplicate names the record already there: the form can link to it (`root.existing`: its entity and id).
  if (error instanceof ApiError && error.existing) form.setError('root.existing', { type: error.existing.entity, message: error.existing.id });
  const hasPlacedIssues = error instanceof ApiError && !error.isConflict && error.issues.length > unplaced.length;
  const message = hasPlacedIssues && unplaced.length === 0 ? t('error.validation') : [describeApiError(error), ...unplaced].join(' ');
  form.setError('root.server', { type: 'server', message });
}

/** Re-addresses a request's field issues ("file") to where those fields sit in a larger form ("upload.file"). */
export function prefixIssuePaths(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const issues = error.issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` }));
  return new ApiError(error.status, error.code, error.message, issues, error.body);
}
