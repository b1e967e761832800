/**
 * WordPress comment text to Markdown. WordPress stores what the commenter
 * typed: HTML where blank lines separate paragraphs and single newlines are
 * line breaks (wpautop adds the <p> and <br> only when showing it). This
 * applies the same rule, then converts with turndown. Text without markup
 * or with only simple inline markup takes a direct path that gives the same
 * Markdown without building a DOM (simple-wordpress-text.ts).
 */
import { htmlToMarkdown } from './html-to-markdown.js';
import { paragraphs, simpleWordpressText } from './simple-wordpress-text.js';

const BLOCK = '(?:address|blockquote|div|dl|dd|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|thead|tfoot|tr|td|th|ul)';
const STARTS_WITH_BLOCK = new RegExp(`^\\s*<${BLOCK}[\\s/>]`, 'i');
// A newline next to a block tag separates blocks; any other one is a line break.
const LINE_BREAK = new RegExp(`(?<!</?${BLOCK}\\b[^>]*>\\s*)\\n(?!\\s*</?${BLOCK}\\b)`, 'gi');

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

/** Markdown for a WordPress comment's text. */
export function wordpressToMarkdown(text: string): string {
  return simpleWordpressText(text)?.markdown ?? htmlToMarkdown(wordpressTextToHtml(text));
}
