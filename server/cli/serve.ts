/** `kommentar serve`: runs the comment server until SIGINT or SIGTERM. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startServer } from '../server.js';
import { UsageError } from './usage-error.js';

/** The example blog is built into dist/ in a checkout of the repository; the published package leaves it out. */
const EXAMPLE = new URL('../../site-example/start.js', import.meta.url);

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' }, example: { type: 'boolean' } }, strict: true });
  const env = { ...process.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) };
  // --example: the server plus the example blog, seeded and rebuilt on new comments (what `npm start` runs).
  if (values.example) {
    if (!existsSync(fileURLToPath(EXAMPLE))) throw new UsageError('--example runs the example blog, which only comes with a checkout of the repository (npm start there)');
    return (await import('../../site-example/start.js')).runExample(env);
  }
  const server = await startServer(loadConfig(env));
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
