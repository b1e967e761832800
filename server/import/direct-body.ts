/**
 * A source body's Markdown and HTML where the light paths give both: simple
 * WordPress text (simple-wordpress-text.ts) and plain Markdown
 * (render/plain-markdown.ts), each exactly what the full conversion gives.
 * Kept apart from convert.ts so that a worker loads turndown, marked and
 * sanitize-html only when a body needs them: most never do, and loading them
 * took each worker about half a second.
 */
import { plainMarkdownToHtml } from '../render/plain-markdown.js';
import { simpleWordpressText } from './simple-wordpress-text.js';
import type { SourceText } from './types.js';

/** The body and HTML `convertBody` gives for `source`, or null when that needs the full renderers. */
export function directBody(source: SourceText): { body: string; html: string } | null {
  if (source.kind === 'html') return null;
  if (source.kind === 'markdown') {
    const html = plainMarkdownToHtml(source.text);
    return html === null ? null : { body: source.text, html };
  }
  const direct = simpleWordpressText(source.text);
  if (direct === null) return null;
  const html = direct.html ?? plainMarkdownToHtml(direct.markdown);
  return html === null ? null : { body: direct.markdown, html };
}
