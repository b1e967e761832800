/** What the desk's middleware hands its pages: how the author got in, and the posted form. */
import type { DeskSession } from '../../desk/session.js';

/** A browser session (forms carry its CSRF token) or the admin bearer token (scripts; no CSRF possible). */
export type DeskAccess = { via: 'session'; session: DeskSession; csrf: string } | { via: 'token'; csrf: '' };

import type { FormFields } from '../../http/input.js';

export interface DeskEnv {
  Variables: { desk: DeskAccess; form: FormFields };
}
