/**
 * The HTML of Markdown that is plain text (paragraphs, line breaks, bare
 * http(s) links), built directly: exactly what the full renderer gives for it,
 * at a fraction of the cost of marked and sanitize-html. Most comments, new
 * or imported, are such text.
 * Anything Markdown could read otherwise returns null, and the caller takes
 * the full renderer; the property test holds the two to the same output.
 */
import { LINK_REL, safeLinkUrl } from './link-url.js';

// Characters that can start inline syntax or raw HTML, email autolinks, whitespace marked treats apart from a space.
const INLINE_SYNTAX = /[\\`*_~[\]<>|@\u0000-\u0009\u000b-\u001f\u007f]|[^\S \n]|&#?[a-z0-9]+;|www\.|ftp:/i;
// What opens a block at a line's start: headings, quotes, lists, setext underlines, indented code, and
// the delimiter row of a one-column GFM table (":---" under a line makes that line a table header).
const BLOCK_START = /^(?:[-+=#> ]|:-|\d+[.)])/;
// Where GFM could see a link other than a whole word that is an http(s) URL.
const LINK_INSIDE_WORD = /\Shttps?:/i;
/** A bare URL GFM links whole: a host with a dot, a simple path, ending in a letter, digit or slash. */
const SIMPLE_URL = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[a-z0-9./-]*)?$/i;

/** Text as sanitize-html writes it: "<" and ">" never get here, quotes stay as they are. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;');
}

/** The href renderMarkdown writes for a link to a simple http(s) URL (SIMPLE_URL); null for any other. */
export function simpleLinkUrl(url: string): string | null {
  return SIMPLE_URL.test(url) ? safeLinkUrl(url) : null;
}

/** The HTML of a run of text inside a line that holds no Markdown syntax and nothing GFM would link; else null. */
export function plainTextHtml(text: string): string | null {
  return INLINE_SYNTAX.test(text) || /https?:/i.test(text) ? null : escapeText(text);
}

/** One line's HTML, or null when a word that looks like a link is not one this path renders exactly. */
function line(text: string): string | null {
  if (!/https?:/i.test(text)) return escapeText(text);
  if (LINK_INSIDE_WORD.test(text)) return null;
  const words: string[] = [];
  for (const word of text.split(' ')) {
    if (!/^https?:/i.test(word)) {
      words.push(escapeText(word));
      continue;
    }
    // The URL's characters need no escaping: SIMPLE_URL admits none that would.
    const url = /[a-z0-9/]$/i.test(word) ? simpleLinkUrl(word) : null;
    if (url === null) return null;
    words.push(`<a href="${url}" rel="${LINK_REL}">${word}</a>`);
  }
  return words.join(' ');
}

/** renderMarkdown's HTML for `source` when it is plain text; null when it needs the full renderer. */
export function plainMarkdownToHtml(source: string): string | null {
  if (source === '' || INLINE_SYNTAX.test(source) || source.trim() !== source) return null;
  const paragraphs: string[] = [];
  for (const paragraph of source.split(/\n{2,}/)) {
    const lines = paragraph.split('\n');
    const html: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      // A line ends bare or, before another line, with the two spaces of a hard break.
      const text = i < lines.length - 1 && lines[i]!.endsWith('  ') ? lines[i]!.slice(0, -2) : lines[i]!;
      if (text === '' || BLOCK_START.test(text) || text.endsWith(' ')) return null;
      const rendered = line(text);
      if (rendered === null) return null;
      html.push(rendered);
    }
    paragraphs.push(`<p>${html.join('<br />')}</p>`);
  }
  return paragraphs.join('\n');
}
