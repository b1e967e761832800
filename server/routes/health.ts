/** `GET /healthz`: 200 when the database answers, 503 when it does not. */
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { ping } from '../db/connection.js';
import { errorBody } from '../http/errors.js';

export function healthRoutes(ctx: AppContext) {
  return new Hono().get('/healthz', async (c) => {
    try {
      await ping(ctx.db);
      return c.json({ status: 'ok' });
    } catch {
      return c.json(errorBody('unavailable', 'The database does not answer.'), 503);
    }
  });
}
