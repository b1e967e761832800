/**
 * Which browser origins may talk to which site. The API answers CORS only for
 * configured origins, and a write from a browser must come from the site's
 * own origins or the server's: that is the CSRF check.
 */
import type { Context } from 'hono';
import type { Config, SiteConfig } from '../config.js';
import { ApiError } from './errors.js';

const normalise = (origin: string) => origin.replace(/\/$/, '').toLowerCase();

/** Computed per (config, site, public URL) once: CORS asks on every API request. */
const memo = new WeakMap<Config, Map<string, Set<string>>>();

export function allowedOrigins(config: Config, site?: SiteConfig): Set<string> {
  let bySite = memo.get(config);
  if (!bySite) memo.set(config, (bySite = new Map()));
  // The public URL is part of the key: with an ephemeral port it is only known after start.
  const key = `${site?.id ?? '*'} ${config.publicUrl}`;
  let origins = bySite.get(key);
  if (!origins) {
    const sites = site ? [site] : config.sites;
    origins = new Set([new URL(config.publicUrl).origin, ...sites.flatMap((s) => s.origins.map((o) => new URL(o).origin))].map(normalise));
    bySite.set(key, origins);
  }
  return origins;
}

/** Whether a browser page at `origin` may use the site. */
export function originAllowed(config: Config, site: SiteConfig, origin: string): boolean {
  return allowedOrigins(config, site).has(normalise(origin));
}

/** What a page at `origin` learns about its own setup: allowed, or the one change that fixes it. */
export interface OriginDiagnosis {
  site: string;
  origin: string;
  allowed: boolean;
  /** The fix for the blogger, e.g. "add https://blog.example to origins of site blog". */
  fix?: string;
}

/**
 * Why a page cannot use the site, in the words of the config file. Says nothing
 * the asking page does not already know (its own origin and the site id it names).
 */
export function diagnoseOrigin(config: Config, siteId: string, origin: string): OriginDiagnosis {
  const clean = URL.canParse(origin) ? new URL(origin).origin : origin;
  const site = config.sites.find((s) => s.id === siteId);
  const fix = !site
    ? `there is no site "${siteId}" on this server: check data-kommentar-site (or the plugin's site option)`
    : clean === 'null'
      ? `this page has no origin (opened as a file or in a sandboxed frame): serve it from one of the origins of site ${siteId}`
      : originAllowed(config, site, clean)
        ? undefined
        : `add ${clean} to origins of site ${siteId} in the Kommentar config, then restart the server`;
  return fix ? { site: siteId, origin: clean, allowed: false, fix } : { site: siteId, origin: clean, allowed: true };
}

/**
 * Rejects a write whose Origin is not the site's. A missing Origin is refused
 * when `required` (HTML form posts, which browsers always label); scripts
 * sending JSON without one are not a browser and cannot ride a reader's session.
 */
export function checkWriteOrigin(c: Context, config: Config, site: SiteConfig, required: boolean): void {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') {
    if (required) throw new ApiError(403, 'forbidden_origin', 'This form must be posted from the site it belongs to (no Origin header).');
    return;
  }
  if (!originAllowed(config, site, origin)) {
    throw new ApiError(403, 'forbidden_origin', `Origin ${origin} may not post to site "${site.id}".`);
  }
}
