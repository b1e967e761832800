/** A count a desk action hands to the page it redirects to (`?marked=3`): read back only if it is one. */
export function countIn(query: Record<string, string>, name: string): number | undefined {
  const value = Number(query[name]);
  return query[name] !== undefined && query[name] !== '' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
