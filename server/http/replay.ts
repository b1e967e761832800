/**
 * Sends a cached answer again without running the app: the hot path of a
 * thread read (every page view with the widget). The first request of a
 * variant goes through every middleware and route as usual; what it sent
 * (status 200, every header, the exact bytes) is recorded with the snapshot
 * it came from, and later requests of the same variant get those same bytes
 * and headers while that snapshot is still current (`ResponseCache.peek`).
 * Building a Headers object and running the secure-headers and CORS
 * middleware for every read was most of the cost of a cached thread read.
 *
 * A variant is the request's path and query, the encoding chosen from its
 * Accept-Encoding, and its Origin (CORS answers differ by origin). Only routes
 * whose answer depends on nothing else opt in (`rememberAnswer`); a
 * conditional request (If-None-Match) or a HEAD always takes the full path.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.js';
import { chooseEncoding, encoded, type Snapshot } from './response-cache.js';

/** Answers that may be recorded, by the request that produced them. */
const replayable = new WeakMap<Context, { key: string; snapshot: Snapshot }>();

/** Called by a route answering from the response cache whose answer depends only on the variant. */
export function rememberAnswer(c: Context, key: string, snapshot: Snapshot): void {
  replayable.set(c, { key, snapshot });
}

/** The Node request behind the context; absent when the app is called without the Node adapter (`app.request` in tests). */
function nodeRequest(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  return typeof env === 'object' && env !== null && 'incoming' in env ? (env.incoming as IncomingMessage) : undefined;
}

/** Mount before every middleware that adds headers, so replayed answers skip them (the recorded headers already hold theirs). */
export function replayAnswers(ctx: Pick<AppContext, 'responses' | 'changes' | 'origins'>): MiddlewareHandler {
  return async (c, next) => {
    const incoming = nodeRequest(c);
    // The Node request's own header object: reading through `c.req` would build a Headers object, the cost avoided here.
    const headers = incoming?.headers;
    if (!incoming || !headers || incoming.method !== 'GET' || headers['if-none-match'] !== undefined) return next();
    const origin = headers.origin;
    // An origin the server does not allow is answered in full every time (it gets no CORS headers, and is rare).
    if (origin !== undefined && !ctx.origins.allowed().has(origin.toLowerCase())) return next();
    const encoding = chooseEncoding(headers['accept-encoding']);
    const variant = `${incoming.url}\n${encoding ?? ''}\n${origin ?? ''}`;
    const answer = ctx.responses.replay(variant, ctx.changes.peekGeneration());
    if (answer) return new Response(answer.body, { status: 200, headers: answer.headers });

    await next();
    const sent = replayable.get(c);
    if (!sent || c.res.status !== 200) return;
    const recorded: Record<string, string> = {};
    for (const [name, value] of c.res.headers) {
      if (name === 'set-cookie') return;
      recorded[name] = value;
    }
    const body = encoding ? await encoded(sent.snapshot, encoding) : sent.snapshot.body;
    ctx.responses.record(variant, { key: sent.key, snapshot: sent.snapshot, headers: recorded, body });
  };
}
