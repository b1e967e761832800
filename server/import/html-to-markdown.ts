/**
 * HTML comment bodies (WordPress, Disqus) to Markdown, the one format
 * Kommentar stores, with turndown. The Markdown is then rendered by the
 * project's renderMarkdown like any comment, so imported HTML passes the same
 * sanitiser as typed text and never reaches a page as is.
 */
import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';

const service = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
});
// Markup that carries no comment text: dropped with its content rather than shown as text.
service.remove(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'head', 'title', 'template']);

/** Markdown for an HTML fragment; markup nested too deeply for turndown's recursion keeps its words, as plain text. */
export function htmlToMarkdown(html: string): string {
  try {
    return service.turndown(html);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return escapeMarkdownText(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }));
  }
}

// Everything turndown's escape rules can touch: these characters anywhere, these at the start.
const ESCAPABLE = /[\\*`[\]_]|^(?:[-+=#>]|~~~|\d+\. )/;

/** Text escaped exactly as turndown escapes a text node, so literal "*", "_" or "# " stay literal. */
export function escapeMarkdownText(text: string): string {
  return ESCAPABLE.test(text) ? service.escape(text) : text;
}
