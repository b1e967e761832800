/**
 * Requests whose handler has not answered yet. A client that hangs up ends
 * its connection but not the handler, which may be waiting for its turn or
 * for a commit; a graceful stop waits for these before it closes the
 * database, so a comment sent just before a restart is stored, not lost to a
 * closed connection.
 */
type Fetch<A extends unknown[]> = (request: Request, ...rest: A) => Response | Promise<Response>;

export interface InFlight<A extends unknown[]> {
  /** `fetch`, counted. */
  fetch: Fetch<A>;
  /** Resolves once no request is being handled. */
  idle(): Promise<void>;
}

/** Wraps an app's `fetch` so a stop can wait for the requests it is handling. */
export function countInFlight<A extends unknown[]>(fetch: Fetch<A>): InFlight<A> {
  let open = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (--open > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    async fetch(request, ...rest) {
      open++;
      try {
        return await fetch(request, ...rest);
      } finally {
        settle();
      }
    },
    idle: () => (open === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
