/**
 * Which browser origins belong to which site: its configured origins plus the
 * server's own public origin (under both loopback names when the public URL
 * was derived from a local address, as a reader may open either). CORS asks
 * on every API request, so each set is computed once per site and public URL
 * and kept here, on the app context.
 */
import type { Config, SiteConfig } from './config.js';

/** An origin as compared: lower case, no trailing slash. */
export const normaliseOrigin = (origin: string) => origin.replace(/\/$/, '').toLowerCase();

const LOOPBACK_NAMES = ['localhost', '127.0.0.1'];

/** The server's own origins: its public URL's, and for a derived loopback URL the same port under the other loopback name. */
function ownOrigins({ publicUrl, publicUrlDerived }: Config): string[] {
  const own = new URL(publicUrl);
  if (!publicUrlDerived || !LOOPBACK_NAMES.includes(own.hostname)) return [own.origin];
  return LOOPBACK_NAMES.map((name) => `${own.protocol}//${name}${own.port ? `:${own.port}` : ''}`);
}

export class SiteOrigins {
  readonly #config: Config;
  readonly #sets = new Map<string, Set<string>>();

  constructor(config: Config) {
    this.#config = config;
  }

  /** The origins of `site`, or of every site when none is given, normalised. */
  allowed(site?: SiteConfig): Set<string> {
    const config = this.#config;
    // The public URL is part of the key: with an ephemeral port it is only known after start.
    const key = `${site?.id ?? '*'} ${config.publicUrl}`;
    let origins = this.#sets.get(key);
    if (!origins) {
      const sites = site ? [site] : config.sites;
      origins = new Set([...ownOrigins(config), ...sites.flatMap((s) => s.origins.map((o) => new URL(o).origin))].map(normaliseOrigin));
      this.#sets.set(key, origins);
    }
    return origins;
  }
}
