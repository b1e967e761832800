/** What the desk's middleware hands its pages: how the author got in, the language they chose, and the posted form. */
import type { DeskSession } from '../../desk/session.js';
import type { Lang } from '../../i18n/languages.js';
import type { FormFields } from '../../http/input.js';

/**
 * A browser session (forms carry its CSRF token) or the admin bearer token
 * (scripts; no CSRF possible), with the desk language the author chose
 * (undefined: each site's `lang`; `deskLanguage` in language.ts decides).
 */
export type DeskAccess = ({ via: 'session'; session: DeskSession; csrf: string } | { via: 'token'; csrf: '' }) & { lang: Lang | undefined };

export interface DeskEnv {
  Variables: { desk: DeskAccess; form: FormFields };
}
