/** A short plain-text excerpt of a comment's (already sanitised) HTML, for lists that link to the comment. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Named and numeric character references decoded; unknown or invalid ones kept as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** Tags dropped, entities decoded, whitespace collapsed, cut at a word boundary near `max` characters. The result is text: escape it. */
export function textExcerpt(html: string, max = 160): string {
  const tagless = html.replace(/<[^>]*>/g, ' ');
  // Most comments hold no entity: no second pass over them (a post's page lists every comment waiting there).
  const text = (tagless.includes('&') ? decodeEntities(tagless) : tagless).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
