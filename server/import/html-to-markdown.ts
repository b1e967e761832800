/**
 * HTML comment bodies (WordPress, Disqus) to Markdown, the one format
 * Kommentar stores, with turndown. The Markdown is then rendered by the
 * project's renderMarkdown like any comment, so imported HTML passes the same
 * sanitiser as typed text and never reaches a page as is.
 * turndown (with its DOM) and sanitize-html are loaded at their first use: the
 * direct path for simple text (simple-wordpress-text.ts) imports this module
 * for the escaping alone, and most bodies need not even that.
 */
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import type TurndownService from 'turndown';

const requireLater = createRequire(import.meta.url);
let service: TurndownService | null = null;

/** The one configured turndown service, made at first use. */
function turndown(): TurndownService {
  if (service === null) {
    const Turndown = requireLater('turndown') as typeof TurndownService;
    service = new Turndown({
      headingStyle: 'atx',
      codeBlockStyle: 'fenced',
      bulletListMarker: '-',
      emDelimiter: '*',
    });
    // Markup that carries no comment text: dropped with its content rather than shown as text.
    service.remove(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'head', 'title', 'template']);
  }
  return service;
}

/** Markdown for an HTML fragment; markup nested too deeply for turndown's recursion keeps its words, as plain text. */
export function htmlToMarkdown(html: string): string {
  try {
    return turndown().turndown(html);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const sanitizeHtml = requireLater('sanitize-html') as typeof SanitizeHtml;
    return escapeMarkdownText(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }));
  }
}

// Everything turndown's escape rules can touch: these characters anywhere, these at the start
// (two patterns: one alternation of both scans about three times slower).
const ESCAPABLE_ANYWHERE = /[\\*`[\]_]/;
const ESCAPABLE_AT_START = /^(?:[-+=#>]|~~~|\d+\. )/;

/** Text escaped exactly as turndown escapes a text node, so literal "*", "_" or "# " stay literal. */
export function escapeMarkdownText(text: string): string {
  return ESCAPABLE_AT_START.test(text) || ESCAPABLE_ANYWHERE.test(text) ? turndown().escape(text) : text;
}
