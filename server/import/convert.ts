/**
 * A source body to what Kommentar stores: Markdown (turndown for HTML), its
 * HTML (simple WordPress text directly, the rest from the one renderer) and
 * the source's hash. All run in the convert pool's worker threads for a large
 * import.
 */
import { hash } from 'node:crypto';
import { renderMarkdown } from '../render/markdown.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { simpleWordpressText } from './simple-wordpress-text.js';
import type { SourceText } from './types.js';
import { wordpressToMarkdown } from './wordpress-text.js';

/** Identifies a source text without keeping it (not a secret: a change detector a later import compares). */
export function sourceHash(source: SourceText): string {
  return hash('sha1', `${source.kind}\n${source.text}`, 'base64url');
}

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
