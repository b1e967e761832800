/**
 * WordPress comment text to Markdown. WordPress stores what the commenter
 * typed: HTML where blank lines separate paragraphs and single newlines are
 * line breaks (wpautop adds the <p> and <br> only when showing it). This
 * applies the same rule, then converts with turndown. Text without markup
 * (at most the basic entities WordPress writes for "&", "<", quotes) takes a
 * direct path that gives the same Markdown without building a DOM: most
 * comments are such text, and turndown is the slowest step of an import.
 */
import { escapeMarkdownText, htmlToMarkdown } from './html-to-markdown.js';

const BLOCK = '(?:address|blockquote|div|dl|dd|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|thead|tfoot|tr|td|th|ul)';
const STARTS_WITH_BLOCK = new RegExp(`^\\s*<${BLOCK}[\\s/>]`, 'i');
// A newline next to a block tag separates blocks; any other one is a line break.
const LINE_BREAK = new RegExp(`(?<!</?${BLOCK}\\b[^>]*>\\s*)\\n(?!\\s*</?${BLOCK}\\b)`, 'gi');
const COLLAPSIBLE = /[ \r\n\t]+/g;
// What turndown trims from the end of its output.
const TRAILING = /[\t\r\n\s]+$/;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Paragraphs: text between blank lines, without the blank-looking lines at their edges. */
function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, ''))
    .filter((paragraph) => paragraph.trim() !== '');
}

/** A code point an HTML parser decodes to itself (no control character, surrogate or windows-1252 remapping). */
function plainCodePoint(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** True when the text has no tag and only entities the direct path decodes exactly as a browser would. */
function isPlainText(text: string): boolean {
  if (text.includes('<')) return false;
  if (!text.includes('&')) return true;
  let decodable = 0;
  for (const [, name, decimal, hex] of text.matchAll(ENTITY)) {
    if (name === undefined && !plainCodePoint(decimal === undefined ? parseInt(hex!, 16) : Number(decimal))) return false;
    decodable++;
  }
  return decodable === text.split('&').length - 1;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string | undefined, decimal: string | undefined, hex: string | undefined) =>
    name !== undefined ? NAMED[name]! : String.fromCodePoint(decimal === undefined ? parseInt(hex!, 16) : Number(decimal)),
  );
}

/** The HTML WordPress would show for a comment's text (a simplified wpautop). */
export function wordpressTextToHtml(text: string): string {
  return paragraphs(text)
    .map((paragraph) => {
      if (/<pre[\s>]/i.test(paragraph)) return paragraph;
      const withBreaks = paragraph.replace(LINE_BREAK, '<br>\n');
      return STARTS_WITH_BLOCK.test(withBreaks) ? withBreaks : `<p>${withBreaks}</p>`;
    })
    .join('\n');
}

/** Markdown for a comment's text when it has no markup (the direct path); null when it needs turndown. */
export function plainWordpressToMarkdown(text: string): string | null {
  if (!isPlainText(text)) return null;
  return paragraphs(text)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeMarkdownText(decodeEntities(line).replace(COLLAPSIBLE, ' ').replace(/^ | $/g, '')))
        .join('  \n'),
    )
    .join('\n\n')
    .replace(TRAILING, '');
}

/** Markdown for a WordPress comment's text. */
export function wordpressToMarkdown(text: string): string {
  return plainWordpressToMarkdown(text) ?? htmlToMarkdown(wordpressTextToHtml(text));
}
