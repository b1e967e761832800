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

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
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
