/**
 * The one error shape of the API: `{ "error": { "code", "message", "field"? } }`.
 * Anything that is not an `ApiError` becomes a generic 500 without details.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

/** The first problem zod found, as a 400 naming the field; a refinement may name its own code (`params.code`). */
export function fromZodError(error: ZodError): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  const message = field ? `${field}: ${issue.message}` : issue.message;
  const code = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : 'invalid_input';
  return new ApiError(400, code, message, field);
}

/** Hono `onError`: known errors keep their status, everything else is logged and hidden. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.field), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad_request';
    return c.json(errorBody(code, error.message || 'Bad request'), status);
  }
  console.error('[kommentar] unexpected error:', error);
  return c.json(errorBody('internal', 'Something went wrong on the server.'), 500);
}
