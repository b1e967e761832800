/**
 * A source body to what Kommentar stores: Markdown (turndown for HTML), its
 * HTML (simple WordPress text directly, the rest from the one renderer). All
 * run in the convert pool's worker threads for a large import.
 */
import { renderMarkdown } from '../render/markdown.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { simpleWordpressText } from './simple-wordpress-text.js';
import type { SourceText } from './types.js';
import { wordpressToMarkdown } from './wordpress-text.js';

/** The Markdown for any source body. */
function toMarkdown(source: SourceText): string {
  return source.kind === 'html' ? htmlToMarkdown(source.text) : source.kind === 'wordpress' ? wordpressToMarkdown(source.text) : source.text;
}

/** A body's Markdown and HTML; simple WordPress text gets both directly, in one pass. */
export function convertBody(source: SourceText): { body: string; html: string } {
  const direct = source.kind === 'wordpress' ? simpleWordpressText(source.text) : null;
  const body = direct?.markdown ?? toMarkdown(source);
  return { body, html: direct?.html ?? renderMarkdown(body) };
}
