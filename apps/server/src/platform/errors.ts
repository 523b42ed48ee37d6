import type { ExistingRecordRef, FieldIssue } from '@telar/domain';
import { type ErrorCode, errorMessages } from './messages.js';

/**
 * An error a service raises on purpose: a code clients can rely on, its Spanish message, and the
 * fields at fault. What HTTP status a code means is decided in one place (platform/http/error-handler.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues?: FieldIssue[],
    message: string = errorMessages[code],
    /** On a duplicate, the record already there. */
    readonly existing?: ExistingRecordRef,
  ) {
    super(message);
  }
}

export const notFound = () => new DomainError('not_found');
export const staleVersion = () => new DomainError('conflict');
export const unauthenticated = () => new DomainError('unauthenticated');
export const forbidden = () => new DomainError('forbidden');
export const invalidField = (path: string, message: string) => new DomainError('validation', [{ path, message }]);

/** The Postgres error code (23505…) carried by a driver error or its cause, if any. */
export function findPgCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** A `.catch` that turns a unique-index violation into a duplicate error naming the field that must change. */
export const rethrowDuplicateAs = (path: string, message: string) => (error: unknown): never => {
  if (findPgCode(error) === '23505') throw new DomainError('duplicate', [{ path, message }]);
  throw error;
};
