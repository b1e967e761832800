/**
 * A text made once per number and kept: a build fills the same counts, shares
 * and decimals into thousands of pages. Pure, for the widget's bundle too.
 */

/** Values kept per map at most: a long-running server or watch build meets ever new ones. */
const MAX_VALUES = 10_000;

/** `make()` for `value`, made once and kept in `memo`; -0 is made each time (a Map takes it for 0, Intl writes "-0"). */
export function onceByValue<K extends number | null, V>(memo: Map<K, V>, value: K, make: () => V): V {
  if (Object.is(value, -0)) return make();
  let made = memo.get(value);
  if (made === undefined) {
    if (memo.size >= MAX_VALUES) memo.clear();
    memo.set(value, (made = make()));
  }
  return made;
}
