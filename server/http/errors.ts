/**
 * The one error shape of the API: `{ "error": { "code", "message", "field"? } }`.
 * The domain's errors get their status here; anything that is neither an
 * `ApiError` nor a `DomainError` becomes a generic 500 without details.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError, z } from 'zod';
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

/**
 * The stable code of a zod issue, so a client can say what is wrong in its
 * reader's language: `required` (missing or empty), `too_long` (text over
 * its limit), `invalid_email`, a refinement's own `params.code` (such as
 * `invalid_url`, `too_deeply_nested`), else `invalid_input`. Needs the issue's
 * input (`parseWith` asks zod to report it).
 */
function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.input === '') return 'required';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_long';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'invalid_email';
  return 'invalid_input';
}

/** The first problem zod found, as a 400 naming the field and its code. */
export function fromZodError(error: ZodError): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  const message = field ? `${field}: ${issue.message}` : issue.message;
  return new ApiError(400, codeOf(issue), message, field);
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
