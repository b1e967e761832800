/** Starts the comment server: database, migrations, secret, HTTP, and a graceful stop. */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { startElsewhere } from './elsewhere/service.js';
import { countInFlight } from './http/in-flight.js';
import { startNotifications } from './notify/service.js';
import { openContext } from './open-context.js';

export interface RunningServer {
  ctx: AppContext;
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Run the once-only background work (the outbox worker, deploy hooks): false in all but one of several workers. */
  background?: boolean;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const ctx = await openContext(config);
  const app = createApp(ctx);
  const requests = countInFlight(app.fetch);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: requests.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // An ephemeral port (tests) is only known now; the default public URL follows it.
  if (config.port === 0 && config.publicUrlDerived) config.publicUrl = `http://127.0.0.1:${port}`;
  const notifications = startNotifications(ctx, { deliver: options.background ?? true });
  const elsewhere = startElsewhere(ctx);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // close() waits for open requests; idle keep-alive sockets are dropped so it can finish.
      server.close(() => {
        // Handlers whose client hung up, and the workers mid-delivery or mid-fetch, finish before the database closes.
        void Promise.allSettled([requests.idle(), notifications.stop(), elsewhere.stop()]).finally(() => {
          ctx.changes.close();
          ctx.db.close();
          resolve();
        });
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }));
  return { ctx, url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`, port, close };
}
