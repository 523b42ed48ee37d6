import type { ApiErrorBody } from '@telar/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, findPgCode } from '../errors.js';
import { type ErrorCode, errorMessages } from '../messages.js';

/** The one place where a domain error becomes an HTTP status. */
export const STATUS_BY_ERROR_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  unauthenticated: 401,
  login_failed: 401,
  forbidden: 403,
  csrf: 403,
  password_change_required: 403,
  rate_limited: 429,
  conflict: 409,
  duplicate: 409,
  has_children: 409,
  report_locked: 409,
  report_not_submitted: 409,
  period_closed: 409,
  contribution_locked: 409,
  contribution_not_submitted: 409,
  exercise_not_open: 409,
  exercise_not_closed: 409,
  // Results are published once the survey is closed: while it is open the figures still move.
  survey_not_closed: 409,
  // While a survey that admits anonymous responses is open, its moving figures would tell who just answered.
  survey_anonymous_results_not_closed: 409,
  reply_published: 409,
  last_admin: 409,
  own_account: 409,
  invitation_not_pending: 409,
  link_invalid: 410,
  // Publishing a record whose parent (an agreement's session) the public does not see: the parent's state is in the way.
  parent_not_published: 409,
  // A dataset-backed indicator's values follow the dataset's revisions; writing them by hand would fork them.
  indicator_from_dataset: 409,
  survey_not_draft: 409,
  survey_not_open: 409,
  survey_closed: 409,
  survey_already_answered: 409,
  // A personal link that opens nothing is an address that does not exist.
  survey_link_invalid: 404,
  survey_audience_empty: 409,
  validation: 422,
  import_invalid: 422,
  unknown_reference: 422,
  rate_unavailable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

/** Postgres error codes that mean the client sent something inconsistent, not that we failed. */
const clientErrorByPgCode: Record<string, DomainError> = {
  '23505': new DomainError('duplicate'),
  '23503': new DomainError('unknown_reference'),
};

/** Hono's own refusals (body limit; a body of another content type than the route reads) by status. */
const CODE_BY_HTTP_EXCEPTION_STATUS: Partial<Record<number, ErrorCode>> = { 413: 'payload_too_large', 415: 'unsupported_media_type' };

/** Never sends a stack trace: known errors get their code, the rest a generic message and a log line. */
export function handleError(error: Error, c: Context): Response {
  const known = error instanceof DomainError ? error : clientErrorByPgCode[findPgCode(error) ?? ''];
  if (known) {
    const body: ApiErrorBody = { error: { code: known.code, message: known.message, issues: known.issues, existing: known.existing } };
    return c.json(body, STATUS_BY_ERROR_CODE[known.code]);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = CODE_BY_HTTP_EXCEPTION_STATUS[error.status] ?? 'validation';
    return c.json({ error: { code, message: errorMessages[code] } } satisfies ApiErrorBody, error.status);
  }
  console.error(`[${c.get('requestId' as never) ?? '-'}]`, error);
  return c.json({ error: { code: 'internal', message: errorMessages.internal } } satisfies ApiErrorBody, 500);
}
