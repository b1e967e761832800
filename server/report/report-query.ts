/** Report parameters as people type them (CLI flags, query strings), checked in one place for both. */
import { z } from 'zod';
import { siteId } from '../comments/schemas.js';

/**
 * A day (`2026-03-01`) or a full ISO timestamp. A day as `to` means the end
 * of that day (UTC), so `--from 2026-03-01 --to 2026-03-31` covers March.
 */
const dateBound = (end: boolean) =>
  z
    .string()
    .transform((value, ctx) => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const date = new Date(day ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value);
      if (Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== value)) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (use YYYY-MM-DD or an ISO timestamp)` });
        return z.NEVER;
      }
      return date;
    })
    .optional();

export const reportQuerySchema = z
  .object({
    site: siteId,
    from: dateBound(false),
    to: dateBound(true),
    post: z.string().startsWith('/', 'must be a path starting with "/"').max(1000).optional(),
    partnerMinExchanges: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000).optional(),
    /** Adds `previous`: the same report as it stood this many days earlier. */
    compareDays: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(3650).optional(),
    /** `1` adds `people` to each post (who wrote which comment, numbered per post). */
    people: z.enum(['0', '1'], { error: 'must be 0 or 1' }).transform((value) => value === '1').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });

export type ReportQuery = z.output<typeof reportQuerySchema>;
