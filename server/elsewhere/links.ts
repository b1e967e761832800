/**
 * Whether a page links a URL the way the Webmention spec asks: as the `href`
 * of an `<a>` or the `src` of an `<img>`, `<video>` or `<audio>`. Text that
 * merely contains the URL, or markup inside an HTML comment, does not count
 * (a real HTML parser sees comments as comments).
 */
import { Parser } from 'htmlparser2';

const LINK_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src', video: 'src', audio: 'src' };

/** The URL without its fragment, for comparing targets (a fragment names a part of the same page). */
export function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Whether `html`, read at `pageUrl`, links `target` (fragments ignored on both sides). */
export function linksTo(html: string, pageUrl: string, target: string): boolean {
  const wanted = withoutFragment(target);
  let base = pageUrl;
  let found = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (found) return;
        if (name === 'base' && attributes.href) {
          try {
            base = new URL(attributes.href, pageUrl).href;
          } catch {
            // An unusable <base> changes nothing.
          }
          return;
        }
        const attribute = LINK_ATTRIBUTES[name];
        const value = attribute ? attributes[attribute] : undefined;
        if (value === undefined) return;
        try {
          if (withoutFragment(new URL(value.trim(), base).href) === wanted) found = true;
        } catch {
          // Not a URL: not a link.
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}
