/**
 * A source body to what Kommentar stores: Markdown (turndown for HTML) and
 * the source's hash; its HTML comes from the one renderer. All run in the
 * convert pool's worker threads for a large import.
 */
import { hash } from 'node:crypto';
import { htmlToMarkdown } from './html-to-markdown.js';
import type { SourceText } from './types.js';
import { wordpressToMarkdown } from './wordpress-text.js';

/** Identifies a source text without keeping it (not a secret: a change detector a later import compares). */
export function sourceHash(source: SourceText): string {
  return hash('sha1', `${source.kind}\n${source.text}`, 'base64url');
}

/** The Markdown for any source body. */
export function toMarkdown(source: SourceText): string {
  return source.kind === 'html' ? htmlToMarkdown(source.text) : source.kind === 'wordpress' ? wordpressToMarkdown(source.text) : source.text;
}
