/**
 * Answers a GET from the app's response cache: the body is built (and
 * compressed) once per change of the data, then every reader gets the same
 * bytes, a 304, or the brotli/gzip form it accepts.
 */
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { makeSnapshot, sendSnapshot } from '../http/response-cache.js';

export async function cachedAnswer(c: Context, ctx: AppContext, key: string, contentType: string, build: () => Promise<string>): Promise<Response> {
  const snapshot = await ctx.responses.get(key, await ctx.changes.generation(), async () => makeSnapshot(await build(), contentType));
  return sendSnapshot(c, snapshot);
}
