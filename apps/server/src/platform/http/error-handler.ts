import type { ApiErrorBody } from '@telar/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, findPgCode } from '../errors.js';
import { apiMessages } from '../messages.js';

/** Postgres error codes that mean the client sent something inconsistent, not that we failed. */
const clientErrorByPgCode: Record<string, AppError> = {
  '23505': new AppError(409, 'duplicate'),
  '23503': new AppError(422, 'unknown_reference'),
};

/** Never sends a stack trace: known errors get their code, the rest a generic message and a log line. */
export function handleError(error: Error, c: Context): Response {
  const known = error instanceof AppError ? error : clientErrorByPgCode[findPgCode(error) ?? ''];
  if (known) {
    const body: ApiErrorBody = { error: { code: known.code, message: known.message, issues: known.issues } };
    return c.json(body, known.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 413 ? 'payload_too_large' : 'validation';
    return c.json({ error: { code, message: apiMessages[code] } } satisfies ApiErrorBody, error.status);
  }
  console.error(`[${c.get('requestId' as never) ?? '-'}]`, error);
  return c.json({ error: { code: 'internal', message: apiMessages.internal } } satisfies ApiErrorBody, 500);
}
