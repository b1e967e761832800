/** Input schemas for comments: what a visitor may send, checked before anything else looks at it. */
import { z } from 'zod';
import { SITE_ID_PATTERN } from '../site-id.js';
import { MAX_NESTING, nestingDepth } from '../render/nesting.js';

// C0 controls except tab, LF, CR; DEL; and the bidi overrides that can disguise text.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

const line = (max: number) =>
  z.string().max(max, `at most ${max} characters`).refine((value) => !CONTROL_IN_LINE.test(value), 'must not contain control characters');

/** A comment id as text (a path segment, a query value, a form field): no sign, no leading zero, at most 16 digits. */
export const COMMENT_ID_DIGITS = '[1-9][0-9]{0,15}';

/** A comment id as text, read into the number it names; the one parser of comment ids in paths, queries and forms. */
export const commentIdText = z
  .string()
  .regex(new RegExp(`^${COMMENT_ID_DIGITS}$`), 'is not a comment id')
  .transform(Number)
  .refine(Number.isSafeInteger, 'is not a comment id');

export const siteId = z.string().min(1, 'is required').max(64).regex(SITE_ID_PATTERN, 'is not a site id');

/** A thread key: the page path, as the browser has it. */
export const threadUri = z
  .string()
  .min(1, 'is required')
  .max(1000, 'at most 1000 characters')
  .regex(/^\/[^\s\u0000-\u001F\u007F<>"]*$/, 'must be a path starting with "/" without spaces or control characters');

const optionalLine = (max: number) =>
  line(max)
    .transform((value) => value.trim())
    .transform((value) => (value === '' ? undefined : value))
    .optional();

/** Homepage URL: http(s) only; a bare domain gets https://. */
const homepage = z
  .string()
  .max(500, 'at most 500 characters')
  .transform((value) => value.trim())
  .transform((value, ctx) => {
    if (value === '') return undefined;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    let url: URL | undefined;
    try {
      url = new URL(withScheme);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.') && url.hostname !== 'localhost') {
      ctx.addIssue({ code: 'custom', message: 'must be an http or https address', params: { code: 'invalid_url' } });
      return z.NEVER;
    }
    return url.href;
  })
  .optional();

/** Markdown the renderer can parse as written: refused with its own code, so a client can say why. */
const markdownText = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .max(10_000, 'at most 10,000 characters')
  .refine((value) => nestingDepth(value) <= MAX_NESTING, {
    message: `nests lists or quotes more than ${MAX_NESTING} levels deep`,
    params: { code: 'too_deeply_nested' },
  });

export const commentBody = markdownText
  .refine((value) => value.trim().length > 0, { message: 'must not be empty', params: { code: 'required' } })
  .refine((value) => !CONTROL_IN_TEXT.test(value), 'must not contain control characters');

export const createCommentSchema = z.object({
  site: siteId,
  uri: threadUri,
  parentId: z.number().int().positive().nullable().optional(),
  body: commentBody,
  name: optionalLine(80),
  email: z
    .string()
    .max(254)
    .transform((value) => value.trim())
    .pipe(z.union([z.literal(''), z.email('is not a valid email address')]))
    .transform((value) => (value === '' ? undefined : value))
    .optional(),
  url: homepage,
  title: optionalLine(300),
  notify: z.boolean().optional(),
  identity: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'is not a valid identity token').optional(),
  /** The page's language (a BCP 47 tag such as `de-AT`); only a language Kommentar speaks is kept, anything else means none. */
  lang: z.string().max(35, 'at most 35 characters').optional(),
});
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const editCommentSchema = z.object({ body: commentBody });

export const countsSchema = z.object({
  site: siteId,
  uris: z.array(threadUri).max(500, 'at most 500 uris per request'),
});

export const previewSchema = z.object({ body: markdownText });

export const threadQuerySchema = z.object({ site: siteId, uri: threadUri });
