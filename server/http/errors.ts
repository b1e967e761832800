/**
 * The one error shape of the API: `{ "error": { "code", "message", "field"? } }`.
 * The domain's errors get their status here; anything that is neither an
 * `ApiError` nor a `DomainError` becomes a generic 500 without details.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError, type DomainErrorCode } from '../errors.js';

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

/** The HTTP status of each domain error. */
const DOMAIN_STATUS: Record<DomainErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  invalid_parent: 400,
  invalid_token: 403,
  edit_window_closed: 403,
  not_editable: 409,
  author_comment: 422,
  invalid_input: 400,
  invalid_target: 400,
};

/** The error as the API answers it: an `ApiError` as it is, a domain error with its status; anything else undefined. */
export function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return new ApiError(DOMAIN_STATUS[error.code], error.code, error.message, error.field);
  return undefined;
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
  const known = asApiError(error);
  if (known) return c.json(errorBody(known.code, known.message, known.field), known.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad_request';
    return c.json(errorBody(code, error.message || 'Bad request'), status);
  }
  console.error('[kommentar] unexpected error:', error);
  return c.json(errorBody('internal', 'Something went wrong on the server.'), 500);
}
