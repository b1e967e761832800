/**
 * A source body to what Kommentar stores: Markdown (turndown for HTML), and
 * later its HTML from the one renderer. Split in two so the cheap cases
 * convert inline and the costly ones go to worker threads.
 */
import { renderMarkdown } from '../render/markdown.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import type { SourceText } from './types.js';
import { plainWordpressToMarkdown, wordpressToMarkdown } from './wordpress-text.js';

/** The Markdown when it takes no DOM (Markdown sources, WordPress text without markup); null otherwise. */
export function quickMarkdown(source: SourceText): string | null {
  if (source.kind === 'markdown') return source.text;
  if (source.kind === 'wordpress') return plainWordpressToMarkdown(source.text);
  return null;
}

/** The Markdown for any source body. */
export function toMarkdown(source: SourceText): string {
  return source.kind === 'html' ? htmlToMarkdown(source.text) : source.kind === 'wordpress' ? wordpressToMarkdown(source.text) : source.text;
}

/** The stored HTML of a Markdown body. */
export function toHtml(body: string): string {
  return renderMarkdown(body);
}
