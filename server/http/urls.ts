/** Public URLs the server hands out, built in one place. */

/** The server's own rendered page of a thread (the no-JavaScript landing page). */
export function threadPageUrl(publicUrl: string, site: string, uri: string, extra: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ site, uri, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) });
  return `${publicUrl}/thread?${query}`;
}
