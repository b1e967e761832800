/**
 * A source body to what Kommentar stores, through the full renderers:
 * Markdown (turndown for HTML), then its HTML from the one renderer. Loaded,
 * in the convert pool's workers or inline, only for a body the direct paths
 * (direct-body.ts) cannot take.
 */
import { renderMarkdown } from '../render/markdown.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import type { SourceText } from './types.js';
import { wordpressToMarkdown } from './wordpress-text.js';

/** The Markdown for any source body. */
function toMarkdown(source: SourceText): string {
  return source.kind === 'html' ? htmlToMarkdown(source.text) : source.kind === 'wordpress' ? wordpressToMarkdown(source.text) : source.text;
}

/** A body's Markdown and HTML from the full renderers (stage-batch.ts tries the direct paths first). */
export function convertBody(source: SourceText): { body: string; html: string } {
  const body = toMarkdown(source);
  return { body, html: renderMarkdown(body) };
}
