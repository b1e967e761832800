/**
 * Answers a GET from the app's response cache: the body is built (and
 * compressed) once per change of the data, then every reader gets the same
 * bytes, a 304, or the brotli/gzip form it accepts.
 */
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { rememberAnswer } from '../http/replay.js';
import { makeSnapshot, sendSnapshot } from '../http/response-cache.js';

export interface CachedAnswerOptions {
  /**
   * The answer depends only on the URL (and the encoding and origin): public, no
   * cookie, no other request header. It may then be sent again as recorded (http/replay.ts).
   */
  replayable?: boolean;
}

export async function cachedAnswer(c: Context, ctx: AppContext, key: string, contentType: string, build: () => Promise<string>, options: CachedAnswerOptions = {}): Promise<Response> {
  const snapshot = await ctx.responses.get(key, await ctx.changes.generation(), async () => makeSnapshot(await build(), contentType));
  if (options.replayable) rememberAnswer(c, key, snapshot);
  return sendSnapshot(c, snapshot);
}
