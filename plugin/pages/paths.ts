/** Where each post's dialogue page is built: below the report page, mirroring the post's path; and the pages' one stylesheet. */

/** The dialogue pages' stylesheet (pages/style.ts), written once beside the report page. */
export function stylesheetPath(reportPath: string): string {
  return `${reportPath}kommentar.css`;
}

function slugSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape stays as typed; the slug below makes it safe either way.
  }
  return decoded
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * `/posts/brot/` → `/dialogue/posts/brot/`. Only safe characters reach the
 * file system (no "..", no query), and two posts that would share a path
 * get "-2", "-3"… in the order given.
 */
export function postPagePaths(uris: readonly string[], reportPath: string): Map<string, string> {
  const paths = new Map<string, string>();
  // A post at /kommentar.css would otherwise get a folder where the stylesheet is written.
  const taken = new Set<string>([reportPath, `${stylesheetPath(reportPath)}/`]);
  for (const uri of uris) {
    const segments = uri.split(/[?#]/)[0]!.split('/').map(slugSegment).filter(Boolean);
    const base = `${reportPath}${segments.length > 0 ? segments.join('/') : 'home'}`;
    let path = `${base}/`;
    for (let n = 2; taken.has(path); n++) path = `${base}-${n}/`;
    taken.add(path);
    paths.set(uri, path);
  }
  return paths;
}
