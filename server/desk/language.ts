/**
 * The desk's language: the author's own choice, stored once for the whole
 * desk (one author, one desk, however many sites), else each site's `lang`.
 */
import type { AppContext } from '../context.js';
import { getDeskSetting, setDeskSetting } from '../db/desk-settings.js';
import { isLang, type Lang } from '../i18n/languages.js';

/** The language the author chose for the desk; undefined until they choose (or if a stored value is no longer spoken). */
export async function chosenDeskLanguage(ctx: AppContext): Promise<Lang | undefined> {
  const stored = await getDeskSetting(ctx.db, 'lang');
  return isLang(stored) ? stored : undefined;
}

export async function chooseDeskLanguage(ctx: AppContext, lang: Lang): Promise<void> {
  await setDeskSetting(ctx.db, 'lang', lang, ctx.now());
}
