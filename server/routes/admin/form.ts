/** The field shapes the desk's form schemas share (forms are read by `readForm` in http/input.ts). */
import { z } from 'zod';

/** A comment id as a form sends it. */
export const formId = z.string().regex(/^[1-9][0-9]{0,15}$/, 'is not a comment id').transform(Number);

/** Zero or more checked ids (one checkbox arrives as a string, several as a list). */
export const formIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(formId).max(500, 'at most 500 comments at once'));
