/**
 * How deeply a Markdown text nests lists and quotes, measured before marked
 * parses it (marked recurses per level). Its own module: the input schemas
 * check it, and the importer uses them, without loading the renderer.
 */

/** Deeper than this no real comment goes (a reply quoting a quote of a list is 3); it is refused or rendered flat. */
export const MAX_NESTING = 32;

/** One line's opening run of block containers: quote markers, list markers, and the indentation between them. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

/**
 * An upper bound of how deeply the text nests block containers: per line, the
 * number of quote and list markers it opens with plus one level per two
 * columns of indentation before the first (the least a nested list item needs).
 * Cheap and linear; it errs on the deep side, never the shallow one.
 */
export function nestingDepth(source: string): number {
  let deepest = 0;
  for (const line of source.split(/\r\n|\r|\n/)) {
    const prefix = CONTAINER_PREFIX.exec(line)?.[0];
    if (!prefix) continue;
    const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g)!.length;
    const columns = /^[ \t]*/.exec(prefix)![0].replace(/\t/g, '    ').length;
    deepest = Math.max(deepest, markers + Math.floor(columns / 2));
  }
  return deepest;
}
