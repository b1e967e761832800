/** `kommentar serve`: runs the comment server until SIGINT or SIGTERM. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startServer } from '../server.js';

/**
 * The environment `serve` runs with: --port and --host override PORT and HOST. `serve --example`
 * reads its options with this too; bin/kommentar.js routes it to the example blog
 * (site-example/start.ts), which builds on the server, so the server never imports the example.
 */
export function serveEnv(argv: string[], env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  return { ...env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) };
}

export async function serveCommand(argv: string[]): Promise<number> {
  const server = await startServer(loadConfig(serveEnv(argv)));
  console.log(`Kommentar is listening on ${server.url} (sites: ${server.ctx.config.sites.map((s) => s.id).join(', ')})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`${signal}: finishing open requests, then stopping.`);
      server.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
