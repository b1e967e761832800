/** Is this request the site's author? Through the admin bearer token (scripts) or another registered check (the desk session). */
import type { Context } from 'hono';
import type { Config } from '../config.js';
import { safeEqual } from '../identity/identity.js';

export function hasAdminToken(c: Context, config: Config): boolean {
  const header = c.req.header('authorization');
  if (!config.adminToken || !header?.startsWith('Bearer ')) return false;
  return safeEqual(header.slice('Bearer '.length).trim(), config.adminToken);
}
