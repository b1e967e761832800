/** `POST /admin/language`: the author chooses the desk's language; back to the page they chose it on. */
import { Hono } from 'hono';
import { z } from 'zod';
import { siteId } from '../../comments/schemas.js';
import type { AppContext } from '../../context.js';
import { chooseDeskLanguage } from '../../desk/language.js';
import { type Lang, LANGUAGES } from '../../i18n/languages.js';
import { parseWith } from '../../http/input.js';
import type { DeskEnv } from './env.js';
import { DESK_SECTIONS, deskUrl, SECTION_PATHS } from './layout.js';
import { deskSite } from './site.js';

const languageForm = z.object({
  lang: z.enum(LANGUAGES as [Lang, ...Lang[]], { error: 'is not a language the desk speaks' }),
  site: siteId.optional(),
  section: z.enum(DESK_SECTIONS).default('inbox'),
});

export function languageRoutes(ctx: AppContext) {
  return new Hono<DeskEnv>().post('/language', async (c) => {
    const form = parseWith(languageForm, c.get('form'));
    const site = deskSite(ctx.config, form.site);
    await chooseDeskLanguage(ctx, form.lang);
    return c.redirect(deskUrl(ctx.config, SECTION_PATHS[form.section], site), 303);
  });
}
