/**
 * The one Markdown renderer for comments (API, preview, imports, prerender).
 * marked turns Markdown into HTML with hostile parts neutralised at the token
 * level; sanitize-html then enforces an allowlist on whatever comes out, so a
 * bug in either layer alone does not open a hole.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './escape.js';

const SAFE_SCHEMES = ['http', 'https', 'mailto'];
const LINK_REL = 'nofollow ugc noopener';

/** The URL if it is absolute http(s) or mailto, else null. */
export function safeLinkUrl(href: string): string | null {
  const trimmed = href.trim();
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!match || !SAFE_SCHEMES.includes(match[1]!.toLowerCase())) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

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

/** Renders a comment's Markdown source to safe HTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, sanitizeOptions).trim();
}
