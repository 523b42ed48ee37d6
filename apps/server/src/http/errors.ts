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
