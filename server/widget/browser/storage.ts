/**
 * What the widget keeps in the reader's own browser, in localStorage only (no
 * cookies): a random identity token, the name/email/website when the reader
 * opts in, and per own comment the edit token, the end of the edit window and
 * the Markdown source (the API never sends sources back).
 */
const PREFIX = 'kommentar-';

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null; // storage blocked: the widget still works, it just forgets
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // storage blocked or full: nothing to remember
  }
}

/** A remembered value, parsed back from its JSON; null when absent or unreadable. */
function readStored<T>(key: string): T | null {
  try {
    return JSON.parse(read(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** The browser's pseudonymous identity: 24 random URL-safe characters, created once. */
export function identity(): string {
  let token = read('id');
  if (!token || !/^[\w-]{16,128}$/.test(token)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
    write('id', token);
  }
  return token;
}

/** The reader's own details, remembered only on request. */
export interface Details {
  name: string;
  email: string;
  url: string;
}

/** The reader's remembered details, when they asked for it. */
export const rememberedDetails = () => readStored<Details>('me');

/** Remembers the details, or forgets them with null (the checkbox unticked). */
export const rememberDetails = (details: Details | null) => write('me', details && JSON.stringify(details));

/** What the reader needs to change a comment they wrote. */
export interface OwnComment {
  token: string;
  /** End of the edit window, ms since the epoch. */
  until: number;
  body: string;
}

/** The reader's own comment while it may still be changed; expired entries are dropped. */
export function ownComment(id: number): OwnComment | null {
  const own = readStored<OwnComment>(`edit-${id}`);
  if (own && own.until > Date.now()) return own;
  if (own) write(`edit-${id}`, null);
  return null;
}

/** Keeps (or with null forgets) what lets the reader change their comment. */
export const saveOwnComment = (id: number, own: OwnComment | null) => write(`edit-${id}`, own && JSON.stringify(own));
