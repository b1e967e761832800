/**
 * WordPress comment text that is plain or holds only the simple inline markup
 * commenters type (a link, bold, italic), converted without a DOM: the
 * Markdown is exactly what turndown gives for it after wpautop (see
 * wordpress-text.ts), and where the Markdown is simple enough, its HTML is
 * built directly too, exactly as renderMarkdown would render it. Most
 * comments are such text, and turndown, marked and sanitize-html were most of
 * an import's CPU. Anything else returns null (or no HTML) and takes the full
 * path; the property tests hold both to the same output.
 */
import { LINK_REL } from '../render/link-url.js';
import { plainMarkdownToHtml, plainTextHtml, simpleLinkUrl } from '../render/plain-markdown.js';
import { escapeMarkdownText } from './html-to-markdown.js';

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const COLLAPSIBLE = /[ \r\n\t]+/g;
// Whitespace that collapsing changes: a single space is replaced by itself, so text without these is left as is.
const WIDE_WHITESPACE = /[\r\n\t]| {2}/;
/** An inline tag this path reads: `<a …>`, `<strong>`, `<b>`, `<em>`, `<i>` or one of their end tags. */
const TAG = /<(\/?)(a|strong|b|em|i)((?:\s+[a-zA-Z-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*)\s*>/iy;
const ATTRIBUTE = /([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Attributes of a link turndown ignores; any other (a title) sends the text to turndown. */
const IGNORED_ATTRIBUTES = new Set(['rel', 'target']);
const MARKUP: Record<string, Inline['tag']> = { a: 'a', strong: 'strong', b: 'strong', em: 'em', i: 'em' };
// Where an emphasis delimiter opens and closes whatever stands beside it: a word character inside it,
// or at the end a sentence mark followed by a space or the line's end ("**Update:** it works").
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_END = /[\p{L}\p{N}]$/u;
const SENTENCE_END = /[.,:;!?]$/;

/** A piece of a line: text, or an inline element holding only text. */
type Piece = { tag: 'text'; text: string } | Inline;
interface Inline {
  tag: 'a' | 'strong' | 'em';
  text: string;
  href?: string;
}

/** A code point an HTML parser decodes to itself (no control character, surrogate or windows-1252 remapping). */
function plainCodePoint(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** The text with its entities decoded as a browser would, or null when it has one this path does not decode. */
function decodeEntities(text: string): string | null {
  if (!text.includes('&')) return text;
  let decodable = 0;
  let plain = true;
  const decoded = text.replace(ENTITY, (_, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    decodable++;
    if (name !== undefined) return NAMED[name]!;
    const code = decimal === undefined ? parseInt(hex!, 16) : Number(decimal);
    if (!plainCodePoint(code)) plain = false;
    return plain ? String.fromCodePoint(code) : '';
  });
  return plain && decodable === text.split('&').length - 1 ? decoded : null;
}

/** Paragraphs: text between blank lines, without the blank-looking lines at their edges (as wpautop splits them). */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, ''))
    .filter((paragraph) => paragraph.trim() !== '');
}

/** A link's attributes to its target, or null for any but href, rel and target (or a repeated one). */
function linkTarget(attributes: string): string | null {
  let href: string | null = null;
  const seen = new Set<string>();
  for (const [, rawName, double, single] of attributes.matchAll(ATTRIBUTE)) {
    const name = rawName!.toLowerCase();
    if (seen.has(name)) return null;
    seen.add(name);
    if (name === 'href') href = decodeEntities(double ?? single!);
    else if (!IGNORED_ATTRIBUTES.has(name)) return null;
  }
  return href;
}

/** A line's pieces, entities decoded, or null for markup this path does not read (nesting, unclosed tags, other tags). */
function pieces(line: string): Piece[] | null {
  const found: Piece[] = [];
  let open: { tag: Inline['tag']; name: string; href?: string; from: number } | null = null;
  let at = 0;
  for (;;) {
    const lt = line.indexOf('<', at);
    const end = lt === -1 ? line.length : lt;
    if (open === null && end > at) {
      const text = decodeEntities(line.slice(at, end));
      if (text === null) return null;
      found.push({ tag: 'text', text });
    }
    if (lt === -1) return open === null ? found : null;
    TAG.lastIndex = lt;
    const tag = TAG.exec(line);
    if (!tag) return null;
    const name = tag[2]!.toLowerCase();
    const closing = tag[1] === '/';
    if (closing) {
      if (!open || open.name !== name || tag[3]) return null;
      const text = decodeEntities(line.slice(open.from, lt));
      if (text === null) return null;
      found.push(open.tag === 'a' ? { tag: 'a', text, href: open.href! } : { tag: open.tag, text });
      open = null;
    } else {
      if (open) return null;
      const kind = MARKUP[name]!;
      if (kind !== 'a' && tag[3]) return null;
      const href = kind === 'a' ? linkTarget(tag[3]!) : undefined;
      if (href === null || href === '') return null;
      open = { tag: kind, name, href, from: TAG.lastIndex };
    }
    at = TAG.lastIndex;
  }
}

/** Runs of whitespace as one space, as turndown collapses them. */
function collapse(text: string): string {
  return WIDE_WHITESPACE.test(text) ? text.replace(COLLAPSIBLE, ' ') : text;
}

/** turndown's link destination: brackets and parentheses escaped, in angle brackets when it has a space. */
function linkDestination(href: string): string {
  const escaped = href.replace(/([<>()])/g, '\\$1');
  return escaped.includes(' ') ? `<${escaped}>` : escaped;
}

/**
 * One line as turndown writes it: whitespace collapsed across the line's text
 * nodes (a space after a space or at the line's start dropped, the last one at
 * its end), each text node escaped on its own. Null when an element's text
 * has whitespace at its edges (turndown moves that outside) or none at all.
 */
function lineMarkdown(line: Piece[]): { markdown: string; texts: string[] } | null {
  if (line.length === 1 && line[0]!.tag === 'text') {
    const text = collapse(line[0]!.text);
    const trimmed = text.slice(text.startsWith(' ') ? 1 : 0, text.length > 1 && text.endsWith(' ') ? -1 : text.length);
    return { markdown: escapeMarkdownText(trimmed), texts: [trimmed] };
  }
  const texts: string[] = [];
  let last = -1;
  for (const piece of line) {
    let text = collapse(piece.text);
    if (piece.tag !== 'text' && (text === '' || /^\s|\s$/.test(text))) return null;
    if (text.startsWith(' ') && (last === -1 || texts[last]!.endsWith(' '))) text = text.slice(1);
    texts.push(text);
    if (text !== '') last = texts.length - 1;
  }
  if (last !== -1 && texts[last]!.endsWith(' ')) texts[last] = texts[last]!.slice(0, -1);
  let markdown = '';
  for (let i = 0; i < line.length; i++) {
    const piece = line[i]!;
    const text = escapeMarkdownText(texts[i]!);
    if (piece.tag === 'text') markdown += text;
    else if (piece.tag === 'strong') markdown += `**${text}**`;
    else if (piece.tag === 'em') markdown += `*${text}*`;
    else markdown += `[${text}](${linkDestination(piece.href!)})`;
  }
  return { markdown, texts };
}

/**
 * renderMarkdown's HTML for a line with elements, or null when marked could
 * read it otherwise: text with any Markdown syntax, entities or links of its
 * own, a block marker at the start, elements side by side, an emphasis not
 * between word characters, a link that is not a simple http(s) URL or after "!".
 */
function lineHtml(line: Piece[], texts: string[], markdown: string): string | null {
  if (/^(?:[-+=#> ]|:-|\d+[.)])/.test(markdown)) return null;
  let html = '';
  let previous: Piece['tag'] | null = null;
  for (let i = 0; i < line.length; i++) {
    const piece = line[i]!;
    const text = texts[i]!;
    if (piece.tag === 'text' && text === '') continue;
    const inner = plainTextHtml(text);
    if (inner === null) return null;
    if (piece.tag === 'text') {
      html += inner;
    } else {
      if (previous !== null && previous !== 'text') return null;
      if (piece.tag === 'a') {
        const url = simpleLinkUrl(piece.href!);
        if (url === null || html.endsWith('!')) return null;
        html += `<a href="${url}" rel="${LINK_REL}">${inner}</a>`;
      } else {
        const after = texts.slice(i + 1).find((next) => next !== '');
        if (!WORD_START.test(text) || !(WORD_END.test(text) || (SENTENCE_END.test(text) && (after === undefined || after.startsWith(' '))))) return null;
        html += `<${piece.tag}>${inner}</${piece.tag}>`;
      }
    }
    previous = piece.tag;
  }
  return html;
}

/** A paragraph with elements as renderMarkdown renders it, or null. */
function markedParagraphHtml(lines: { pieces: Piece[]; texts: string[]; markdown: string }[]): string | null {
  const html: string[] = [];
  for (const line of lines) {
    const rendered = line.markdown === '' ? null : lineHtml(line.pieces, line.texts, line.markdown);
    if (rendered === null) return null;
    html.push(rendered);
  }
  return `<p>${html.join('<br />')}</p>`;
}

/** What the direct path gives: the Markdown, and its HTML unless it needs the full renderer. */
export interface DirectText {
  markdown: string;
  html: string | null;
}

/** Markdown (and mostly HTML) for a comment's text when it is plain or has simple inline markup; null when it needs turndown. */
export function simpleWordpressText(text: string): DirectText | null {
  const markdownParagraphs: string[] = [];
  const htmlParagraphs: (string | null)[] = [];
  for (const paragraph of paragraphs(text)) {
    const lines: { pieces: Piece[]; texts: string[]; markdown: string }[] = [];
    let marked = false;
    for (const raw of paragraph.split('\n')) {
      const line = pieces(raw);
      if (line === null) return null;
      const converted = lineMarkdown(line);
      if (converted === null) return null;
      // A line blank once decoded (an encoded space) beside others: turndown folds its break into the paragraph's end.
      if (converted.markdown === '' && paragraph.includes('\n')) return null;
      lines.push({ pieces: line, markdown: converted.markdown, texts: converted.texts });
      marked ||= line.length > 1 || line[0]?.tag !== 'text';
    }
    // A paragraph of nothing but whitespace once its entities are decoded (no-break spaces too, as JavaScript's
    // \s counts them): turndown drops it as blank, with its separator.
    if (lines.every((line) => line.pieces.every((piece) => piece.text.trim() === ''))) return null;
    const markdown = lines.map((line) => line.markdown).join('  \n');
    markdownParagraphs.push(markdown);
    // A paragraph of text alone is rendered like any plain Markdown; one with elements line by line.
    htmlParagraphs.push(marked ? markedParagraphHtml(lines) : plainMarkdownToHtml(markdown));
  }
  const joined = markdownParagraphs.join('\n\n');
  // What turndown trims from the end of its output: whitespace (its pattern's \s is exactly what trimEnd removes).
  const markdown = joined.trimEnd();
  return { markdown, html: markdown.length === joined.length && !htmlParagraphs.includes(null) ? htmlParagraphs.join('\n') : null };
}
