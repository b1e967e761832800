/** Serves a built static site (the example blog) beside the API, from `config.staticRoot`. */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Mounted last, so the API, widget and desk routes always win over a file of the same path. */
export function staticSiteRoutes(root: string) {
  return new Hono().use('/*', serveStatic({ root }));
}
