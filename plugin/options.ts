/**
 * The plugin's options: documented defaults merged with what the blogger
 * passed, checked once when the plugin is added so a typo fails the build at
 * its start with the option's name instead of producing a page without comments.
 */
import { z } from 'zod';
import { SITE_ID_PATTERN } from '../server/site-id.js';
import { KommentarSetupError } from './errors.js';
import type { KommentarOptions } from './types.js';

/** A path of the built site that starts and ends with "/", e.g. "/dialogue/". */
const sitePath = z
  .string()
  .regex(/^\/((?!\.\.?\/)[A-Za-z0-9._~-]+\/)*$/, 'must be a path like "/dialogue/" (starts and ends with "/"; letters, digits, ".", "_", "~", "-"; no "." or ".." folders)');

const optionsSchema = z.strictObject({
  /** Base URL of the Kommentar server, e.g. "https://comments.example". */
  server: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) address of your Kommentar server, e.g. "https://comments.example"' })
    .transform((value) => value.replace(/\/+$/, '')),
  /** The site id configured on the server. */
  site: z.string().regex(SITE_ID_PATTERN, 'must be the site id configured on the server (letters, digits, "-" and "_")'),
  /** Where the site's dialogue report page is built; per-post pages go below it. */
  reportPath: sitePath.default('/dialogue/'),
  /** Build one dialogue page per post with comments (below reportPath). */
  postPages: z.boolean().default(true),
  /** Admin token: fetches the full report (GET /api/v1/report) instead of the public one. */
  token: z.string().min(1, 'must not be empty (leave it out for the public report)').optional(),
  /** Fail the build when the server cannot be reached, instead of building from the cache or without comments. */
  strict: z.boolean().default(false),
  /** How long fetched data is reused without asking the server again (eleventy-fetch syntax: "30s", "1m", "1h", "0s"). */
  cacheDuration: z.string().regex(/^(\d+[smhdwy]|\*)$/, 'must be a duration like "30s", "1m", "1h", "0s" or "*"').default('1m'),
  /** Folder for the fetched data (eleventy-fetch's cache). */
  cacheDirectory: z.string().min(1).default('.cache'),
  /** Milliseconds to wait for the server before falling back to the cache. */
  timeout: z.number().int().positive().max(600_000).default(10_000),
  /**
   * Language of the dialogue pages, and of the badge and thread when a page does not say (page.lang or a `lang` data key):
   * any language Kommentar speaks ("de", "de-AT", "fr", …). Absent or unknown: the site's `lang` from the server (unknown with a warning).
   */
  lang: z.string().min(1, 'must be a language code such as "de" (leave it out for the site\'s language)').optional(),
  /** A layout of your site to wrap the dialogue pages in (it receives `title` and `content`); none: a page of their own. */
  layout: z.string().min(1).optional(),
  /** The dialogue page compares its headline numbers with the report as it stood this many days earlier. */
  compareDays: z.number().int().min(1).max(3650).default(30),
  /** Load the widget script after the prerendered comments (live updates, replies without reload). */
  widget: z.boolean().default(true),
  /** Top-level comments (with their replies) prerendered per page; the rest behind "show N more" (the widget loads them, without JavaScript a link opens the whole thread). */
  pageSize: z.number().int().min(1).max(10_000).default(30),
});

/** The published KommentarOptions (types.d.ts) describe exactly what the schema accepts: typecheck fails otherwise. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type OptionsMatchPublishedTypes = Assert<Same<z.input<typeof optionsSchema>, KommentarOptions>>;

export type { KommentarOptions };
/** Options after defaults are applied. */
export type ResolvedOptions = z.output<typeof optionsSchema>;

/** The options problem a blogger must fix, named after the option. */
export class KommentarOptionsError extends KommentarSetupError {
  override name = 'KommentarOptionsError';
}

/** Applies the defaults; throws KommentarOptionsError naming the first wrong option. */
export function resolveOptions(raw: unknown): ResolvedOptions {
  const parsed = optionsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new KommentarOptionsError(`[kommentar] unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${Object.keys(optionsSchema.shape).join(', ')})`);
  }
  const name = issue.path.map(String).join('.') || '(options)';
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[String(issue.path[0])] : undefined;
  const message = given === undefined ? 'is required' : issue.message;
  throw new KommentarOptionsError(`[kommentar] option "${name}" ${message}`);
}
