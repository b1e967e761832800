/**
 * Which browser origins belong to which site: its configured origins plus the
 * server's own public origin. CORS asks on every API request, so each set is
 * computed once per site and public URL and kept here, on the app context.
 */
import type { Config, SiteConfig } from './config.js';

/** An origin as compared: lower case, no trailing slash. */
export const normaliseOrigin = (origin: string) => origin.replace(/\/$/, '').toLowerCase();

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
      origins = new Set([new URL(config.publicUrl).origin, ...sites.flatMap((s) => s.origins.map((o) => new URL(o).origin))].map(normaliseOrigin));
      this.#sets.set(key, origins);
    }
    return origins;
  }
}
