import type { FieldIssue } from '@telar/domain';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ApiErrorCode, apiMessages } from './messages.js';

/** An error a service raises on purpose; the error middleware turns it into a JSON response. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    readonly issues?: FieldIssue[],
    message: string = apiMessages[code],
  ) {
    super(message);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const staleVersion = () => new AppError(409, 'conflict');
export const invalidField = (path: string, message: string) =>
  new AppError(422, 'validation', [{ path, message }]);

/** The Postgres error code (23505…) carried by a driver error or its cause, if any. */
export function findPgCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** A `.catch` that turns a unique-index violation into a 409 naming the field that must change. */
export const rethrowDuplicateAs = (path: string, message: string) => (error: unknown): never => {
  if (findPgCode(error) === '23505') throw new AppError(409, 'duplicate', [{ path, message }]);
  throw error;
};
