/**
 * Where a JSON text stops being valid JSON. JSON.parse does not always say
 * (V8's "Unexpected token" names no position), and a refused export must name one.
 * Only runs after JSON.parse has failed; iterative, so deep nesting cannot overflow.
 */

const SCALAR = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001F]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function match(pattern: RegExp, text: string, at: number): number | null {
  pattern.lastIndex = at;
  return pattern.exec(text) ? pattern.lastIndex : null;
}

/** Offset of the first character that makes `text` invalid JSON; `text.length` when it ends too early. */
export function jsonErrorOffset(text: string): number {
  const open: string[] = [];
  let expecting: 'value' | 'key' | 'colon' | 'after' = 'value';
  let i = 0;
  for (;;) {
    i = match(WHITESPACE, text, i)!;
    if (i >= text.length) return text.length;
    const c = text[i]!;
    if (expecting === 'after') {
      const top = open.at(-1);
      if (top === undefined) return i;
      if (c === ',') expecting = top === '{' ? 'key' : 'value';
      else if (c === (top === '{' ? '}' : ']')) open.pop();
      else return i;
      i++;
    } else if (expecting === 'colon') {
      if (c !== ':') return i;
      expecting = 'value';
      i++;
    } else if (expecting === 'key' || c === '"') {
      const end = c === '"' ? match(STRING, text, i) : null;
      if (end === null) return i;
      expecting = expecting === 'key' ? 'colon' : 'after';
      i = end;
    } else if (c === '{' || c === '[') {
      open.push(c);
      i = match(WHITESPACE, text, i + 1)!;
      if (text[i] === (c === '{' ? '}' : ']')) {
        open.pop();
        expecting = 'after';
        i++;
      } else {
        expecting = c === '{' ? 'key' : 'value';
      }
    } else {
      const end = match(SCALAR, text, i);
      if (end === null) return i;
      expecting = 'after';
      i = end;
    }
  }
}
