/**
 * What a Webmention source says about our page, read from its microformats2
 * (parsed by microformats-parser): the h-entry that refers to the target, what
 * kind of response it is, its author's h-card and its content. Only data comes
 * out; nothing here is trusted or displayed as is (see webmention-store.ts).
 */
import { mf2 } from 'microformats-parser';
import { withoutFragment } from './links.js';

type Mf2Document = ReturnType<typeof mf2>;
type Mf2Item = Mf2Document['items'][number];
type Mf2Value = Mf2Item['properties'][string][number];

export type EntryKind = 'reply' | 'like' | 'repost' | 'bookmark' | 'mention';

export interface SourceEntry {
  kind: EntryKind;
  /** For a reply to one of our comment permalinks (`…#comment-ID`): that comment's id. */
  parentCommentId: number | null;
  /** From the author h-card; the url is what identifies the person. */
  authorName: string | null;
  authorUrl: string | null;
  /** The entry's `e-content` HTML, else its plain text; null when it has none. */
  contentHtml: string | null;
  contentText: string | null;
  /** Epoch ms from `dt-published` / `dt-updated`, when they parse. */
  published: number | null;
  updated: number | null;
}

const isItem = (value: Mf2Value | undefined): value is Mf2Item => typeof value === 'object' && value !== null && 'properties' in value;

/** The text of a property value: a string, an embedded item's `value`, or an e-* property's text. */
function textOf(value: Mf2Value | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (isItem(value)) return typeof value.value === 'string' ? value.value : null;
  return 'value' in value && typeof value.value === 'string' ? value.value : null;
}

/** The URL a property value names: a string, or an embedded h-cite/h-card's `url`. */
function urlOf(value: Mf2Value): string | null {
  if (isItem(value)) return textOf(value.properties.url?.[0]) ?? textOf(value);
  return textOf(value);
}

const first = (item: Mf2Item, name: string): Mf2Value | undefined => item.properties[name]?.[0];

function allEntries(items: readonly Mf2Item[]): Mf2Item[] {
  return items.flatMap((item) => [...(item.type?.includes('h-entry') ? [item] : []), ...allEntries(item.children ?? [])]);
}

/** The values of a property that point at the target page (any fragment), as full URLs. */
function pointingAt(item: Mf2Item, property: string, target: string): string[] {
  const page = withoutFragment(target);
  return (item.properties[property] ?? []).map(urlOf).filter((url): url is string => {
    if (!url) return false;
    try {
      return withoutFragment(url) === page;
    } catch {
      return false;
    }
  });
}

function time(value: Mf2Value | undefined): number | null {
  const text = textOf(value);
  const parsed = text ? Date.parse(text) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
}

/** Author: the entry's `p-author` (an h-card, a name or a URL), else the page's first top-level h-card. */
function authorOf(entry: Mf2Item | undefined, doc: Mf2Document): { name: string | null; url: string | null } {
  const author = entry ? first(entry, 'author') : undefined;
  const card = isItem(author) ? author : doc.items.find((item) => item.type?.includes('h-card'));
  if (card) return { name: textOf(first(card, 'name')), url: textOf(first(card, 'url')) };
  const text = textOf(author);
  if (text && /^https?:\/\//i.test(text)) return { name: null, url: text };
  return { name: text, url: null };
}

/** Reads the source page at `pageUrl` (after redirects) as a response to `target`. */
export function readSourceEntry(html: string, pageUrl: string, target: string): SourceEntry {
  const doc = mf2(html, { baseUrl: pageUrl });
  const entries = allEntries(doc.items);
  const kinds: [EntryKind, string][] = [['reply', 'in-reply-to'], ['like', 'like-of'], ['repost', 'repost-of'], ['bookmark', 'bookmark-of']];
  let kind: EntryKind = 'mention';
  let entry: Mf2Item | undefined;
  let parentCommentId: number | null = null;
  search: for (const candidate of entries) {
    for (const [candidateKind, property] of kinds) {
      const urls = pointingAt(candidate, property, target);
      if (urls.length === 0) continue;
      kind = candidateKind;
      entry = candidate;
      const comment = urls.map((url) => /^#comment-([1-9][0-9]{0,15})$/.exec(new URL(url).hash)).find(Boolean);
      parentCommentId = comment ? Number(comment[1]) : null;
      break search;
    }
  }
  entry ??= entries[0];
  const author = authorOf(entry, doc);
  const content = entry ? first(entry, 'content') : undefined;
  const contentHtml = content && typeof content === 'object' && 'html' in content ? content.html : null;
  const contentText = textOf(content) ?? (entry ? (textOf(first(entry, 'summary')) ?? textOf(first(entry, 'name'))) : null);
  return {
    kind,
    parentCommentId,
    authorName: author.name,
    authorUrl: author.url,
    contentHtml,
    contentText,
    published: entry ? time(first(entry, 'published')) : null,
    updated: entry ? time(first(entry, 'updated')) : null,
  };
}
