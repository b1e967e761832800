/** Where each post's dialogue page is built: below the report page, mirroring the post's path. */

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
  const taken = new Set<string>([reportPath]);
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
