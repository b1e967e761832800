/**
 * `GET /api/v1/diagnose?site=S[&origin=O]`: whether a page's origin may use the
 * site, and if not, the one config change that fixes it. Answers every origin
 * (that is its point: the widget asks exactly when CORS shut it out) and gives
 * out nothing but what the asking page already knows. The origin is the
 * request's Origin header; `origin=` lets an operator ask with curl.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { siteId } from '../comments/schemas.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { readQuery } from '../http/input.js';
import { diagnoseOrigin } from '../http/origin.js';

const diagnoseQuerySchema = z.object({ site: siteId, origin: z.string().max(500).optional() });

export function diagnoseRoutes(ctx: AppContext) {
  return new Hono().get('/diagnose', (c) => {
    // Set first, so an error answer (a malformed site id, no origin) is readable by any page too.
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'no-store');
    const query = readQuery(c, diagnoseQuerySchema);
    const origin = c.req.header('origin') ?? query.origin;
    if (!origin) throw new ApiError(400, 'missing_origin', 'Ask from the page (its Origin header) or pass origin=https://…', 'origin');
    return c.json(diagnoseOrigin(ctx.config, query.site, origin));
  });
}
