/**
 * A source body to what Kommentar stores: Markdown (turndown for HTML), its
 * HTML (simple text directly, the rest from the one renderer). All run in the
 * convert pool's worker threads for a large import; this module, which loads
 * the full renderers, only for a body the direct paths cannot take.
 */
import { renderMarkdown } from '../render/markdown.js';
import { directBody } from './direct-body.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import type { SourceText } from './types.js';
import { wordpressToMarkdown } from './wordpress-text.js';

/** The Markdown for any source body. */
function toMarkdown(source: SourceText): string {
  return source.kind === 'html' ? htmlToMarkdown(source.text) : source.kind === 'wordpress' ? wordpressToMarkdown(source.text) : source.text;
}

/** A body's Markdown and HTML. */
export function convertBody(source: SourceText): { body: string; html: string } {
  const direct = directBody(source);
  if (direct !== null) return direct;
  const body = toMarkdown(source);
  return { body, html: renderMarkdown(body) };
}
