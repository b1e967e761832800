/**
 * The CSRF check: a write from a browser must come from the site's own origins
 * or the server's (which ones those are: `SiteOrigins`, on the app context).
 */
import type { Context } from 'hono';
import type { SiteConfig } from '../config.js';
import { normaliseOrigin, type SiteOrigins } from '../site-origins.js';
import { ApiError } from './errors.js';

/**
 * Rejects a write whose Origin is not the site's. A missing Origin is refused
 * when `required` (HTML form posts, which browsers always label); scripts
 * sending JSON without one are not a browser and cannot ride a reader's session.
 */
export function checkWriteOrigin(c: Context, origins: SiteOrigins, site: SiteConfig, required: boolean): void {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') {
    if (required) throw new ApiError(403, 'forbidden_origin', 'This form must be posted from the site it belongs to (no Origin header).');
    return;
  }
  if (!origins.allowed(site).has(normaliseOrigin(origin))) {
    throw new ApiError(403, 'forbidden_origin', `Origin ${origin} may not post to site "${site.id}".`);
  }
}
