/**
 * Pacing of writes: at most a few requests that change something start per
 * turn of the event loop; the rest wait, in order of arrival, for the next
 * turns.
 *
 * Why: libuv accepts one new connection per turn of the loop (since 1.45, see
 * libuv pull request 3696), and a turn lasts as long as the handlers it runs.
 * Under a burst of writes a turn that starts 50 new comments takes 25–50 ms
 * of CPU, so 50 visitors who connect at once waited one such turn each, over
 * a second in all, before the server even saw their requests. With the starts
 * paced, a turn stays short, connections are taken up within a few turns, and
 * the same comments are written at the same rate. Reads (GET, HEAD, OPTIONS)
 * are cheap, mostly replayed bytes, and never wait.
 */
import type { MiddlewareHandler } from 'hono';

export interface WritePacingOptions {
  /** Write requests that may start in one turn of the event loop. */
  perTurn?: number;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Middleware that starts at most `perTurn` write requests per turn of the event loop (default 4). */
export function writePacing({ perTurn = 4 }: WritePacingOptions = {}): MiddlewareHandler {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  // setImmediate runs after the turn's I/O, and one queued from inside it runs in the next turn.
  const startSome = () => {
    for (let started = 0; started < perTurn && waiting.length > 0; started++) waiting.shift()!();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(startSome);
  };
  const turn = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(startSome);
      }
    });
  return async (c, next) => {
    if (!READS.has(c.req.method)) await turn();
    await next();
  };
}
