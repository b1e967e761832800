/**
 * The one Markdown renderer for comments (API, preview, imports, prerender).
 * marked turns Markdown into HTML with hostile parts neutralised at the token
 * level; sanitize-html then enforces an allowlist on whatever comes out, so a
 * bug in either layer alone does not open a hole.
 *
 * marked parses nested blocks recursively, so a few thousand nested list or
 * quote markers overflow the stack. Input is measured first: the API refuses
 * text nested deeper than MAX_NESTING (see `commentBody`), and anything that
 * still gets here that deep (imports) is rendered flat, as plain paragraphs.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './escape.js';
import { LINK_REL, SAFE_SCHEMES, safeLinkUrl } from './link-url.js';
import { MAX_NESTING, nestingDepth } from './nesting.js';
import { plainMarkdownToHtml } from './plain-markdown.js';

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML is shown as the text the commenter typed.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const url = safeLinkUrl(href);
      if (!url) return label;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(url)}" rel="${LINK_REL}"${titleAttr}>${label}</a>`;
    },
    // No remote images: they would let any commenter track every reader. The image becomes a link.
    image({ href, text }: Tokens.Image) {
      const url = safeLinkUrl(href);
      const label = escapeHtml(text || href);
      return url ? `<a href="${escapeHtml(url)}" rel="${LINK_REL}">${label}</a>` : label;
    },
  },
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: LINK_REL }) },
};

/** The text as plain paragraphs: what a body too deeply nested to parse safely becomes. */
function renderFlat(source: string): string {
  return source
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r\n|\r|\n/g, '<br />')}</p>`)
    .join('\n');
}

function parse(source: string): string {
  if (nestingDepth(source) > MAX_NESTING) return renderFlat(source);
  try {
    return marked.parse(source) as string;
  } catch (error) {
    // A structure the depth estimate did not foresee: flat beats a failed request or import.
    if (error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message))) return renderFlat(source);
    throw error;
  }
}

/**
 * Renders a comment's Markdown source to safe HTML; never throws on any text.
 * Most comments are plain text, whose HTML is built directly (the same bytes,
 * held to it by a property test): marked and sanitize-html were most of the
 * CPU of storing a comment.
 */
export function renderMarkdown(source: string): string {
  return plainMarkdownToHtml(source) ?? renderMarkdownInFull(source);
}

/** The full renderer (marked, then the allowlist), whatever the text. */
export function renderMarkdownInFull(source: string): string {
  return sanitizeHtml(parse(source), sanitizeOptions).trim();
}
