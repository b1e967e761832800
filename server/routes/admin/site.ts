/** Which site a desk page is about: `?site=` (or the form's `site`), else the server's first site. */
import type { Config, SiteConfig } from '../../config.js';
import { ApiError } from '../../http/errors.js';
import { requireSite } from '../../http/input.js';

export function deskSite(config: Config, raw: string | string[] | undefined): SiteConfig {
  if (raw === undefined || raw === '') return config.sites[0]!;
  if (typeof raw !== 'string') throw new ApiError(400, 'invalid_input', 'site: give one site.', 'site');
  return requireSite(config, raw);
}
