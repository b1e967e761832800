/** Reading request input: JSON bodies, forms and queries, each checked against a zod schema. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { commentIdText } from '../comments/schemas.js';
import { findSite, type Config, type SiteConfig } from '../config.js';
import { ApiError, fromZodError } from './errors.js';

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  return parseWith(schema, raw);
}

/** A urlencoded or multipart form: repeated names (checkboxes) become arrays, files are dropped. */
export type FormFields = Record<string, string | string[]>;

/** Whether the request says it carries an HTML form (urlencoded or multipart). */
export function isFormRequest(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/**
 * Every form endpoint reads its body here: a body that is not a form yields no
 * fields, and one that claims to be a form but cannot be parsed (a multipart
 * body without or with a wrong boundary, garbage) is a 400, not a crash.
 */
export async function readForm(c: Context): Promise<FormFields> {
  if (!isFormRequest(c)) return {};
  let body: Awaited<ReturnType<typeof c.req.parseBody>>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new ApiError(400, 'invalid_form', 'The form data could not be read: send it as application/x-www-form-urlencoded or well-formed multipart/form-data.');
  }
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (strings.length > 0) fields[name] = strings.length === 1 && !Array.isArray(value) ? strings[0]! : strings;
  }
  return fields;
}

/** A form field as one string: the first of repeated values, '' when absent. */
export function formText(fields: FormFields, name: string): string {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  // The input tells a missing value (`required`) from a wrong one; it stays on the server.
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query());
}

export function requireSite(config: Config, id: string): SiteConfig {
  const site = findSite(config, id);
  if (!site) throw new ApiError(404, 'unknown_site', `There is no site "${id}" on this server.`, 'site');
  return site;
}

/** A comment id path parameter. */
export function idParam(c: Context, name = 'id'): number {
  const parsed = commentIdText.safeParse(c.req.param(name) ?? '');
  if (!parsed.success) throw new ApiError(400, 'invalid_id', `${name} must be a positive whole number.`, name);
  return parsed.data;
}
