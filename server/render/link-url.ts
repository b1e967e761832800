/** Which link targets a comment may carry: shared by the Markdown renderer, its plain-text path and imports. */

/** The rel every link in a comment carries: no endorsement, user content, no window.opener. */
export const LINK_REL = 'nofollow ugc noopener';

/** The schemes a link in a comment may use; anything else (javascript:, data:) is shown as text. */
export const SAFE_SCHEMES = ['http', 'https', 'mailto'];

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
