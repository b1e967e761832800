/** Reading a posted desk form into plain strings, and the field shapes its schemas share. */
import type { Context } from 'hono';
import { z } from 'zod';
import { commentIdText } from '../../comments/schemas.js';
import type { FormFields } from './env.js';

export async function readForm(c: Context): Promise<FormFields> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody({ all: true });
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (strings.length > 0) fields[name] = strings.length === 1 && !Array.isArray(value) ? strings[0]! : strings;
  }
  return fields;
}

/** Zero or more checked ids (one checkbox arrives as a string, several as a list). */
export const formIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(commentIdText).max(500, 'at most 500 comments at once'));
