import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';

const ATOM = 'http://www.w3.org/2005/Atom';

interface XmlElement {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses with a real XML parser (namespaces on): malformed XML throws. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      ns: tag.uri,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('text', (text) => (stack.at(-1) ? (stack.at(-1)!.text += text) : undefined));
  parser.on('cdata', (text) => (stack.at(-1)!.text += text));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name && c.ns === ATOM);

interface Entry {
  id: string;
  title: string;
  updated: string;
  link: string;
  content: string;
  author: string;
}

async function feed(query: string): Promise<{ xml: string; title: string; entries: Entry[] }> {
  const response = await server.api(`/feed.atom?${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  const root = parseXml(xml);
  expect([root.name, root.ns]).toEqual(['feed', ATOM]);
  for (const required of ['id', 'title', 'updated']) expect(child(root, required), required).toBeDefined();
  const entries = root.children
    .filter((c) => c.name === 'entry' && c.ns === ATOM)
    .map((entry) => {
      for (const required of ['id', 'title', 'updated', 'link']) expect(child(entry, required), `entry ${required}`).toBeDefined();
      expect(Number.isNaN(Date.parse(child(entry, 'updated')!.text))).toBe(false);
      return {
        id: child(entry, 'id')!.text,
        title: child(entry, 'title')!.text,
        updated: child(entry, 'updated')!.text,
        link: child(entry, 'link')!.attributes.href!,
        content: child(entry, 'content')?.text ?? '',
        author: child(child(entry, 'author')!, 'name')!.text,
      };
    });
  return { xml, title: child(root, 'title')!.text, entries };
}

let server: TestServer;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer({ config: { sites: [{ id: 'blog', title: 'The Blog', origins: ['https://blog.example'], moderation: 'all' }] } });
  const post = async (fields: Record<string, unknown>) => {
    const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', ...fields }));
    return ((await response.json()) as { comment: { id: number } }).comment.id;
  };
  ids.first = await post({ uri: '/a/', title: 'Post <A>', body: 'First & *best*', name: '<b>Xavier</b>', email: 'xavier@example.org', notify: true });
  ids.other = await post({ uri: '/b/', title: 'Post B', body: 'On another post', name: 'Yuki' });
  ids.pending = await post({ uri: '/a/', body: 'Still waiting for moderation', name: 'Zoe', email: 'zoe@example.org' });
  // A script approves through the desk with the admin token (no session, so no CSRF token needed).
  const approve = await fetch(`${server.url}/admin/moderation`, {
    method: 'POST',
    redirect: 'manual',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['act', 'bulk'], ['action', 'approve'], ['ids', String(ids.first)], ['ids', String(ids.other)]]),
  });
  expect(approve.status).toBe(303);
});
afterAll(() => server.close());

describe('Atom feeds', () => {
  it('lists the approved comments of the site, newest first, linked to their place on the blog', async () => {
    const { xml, title, entries } = await feed('site=blog');
    expect(title).toBe('Recent comments · The Blog');
    expect(entries.map((e) => e.link)).toEqual([`https://blog.example/b/#comment-${ids.other}`, `https://blog.example/a/#comment-${ids.first}`]);
    expect(entries.map((e) => e.id)).toEqual(entries.map((e) => e.link));
    expect(xml).not.toContain('Still waiting for moderation');
    expect(xml).not.toMatch(/@example\.org/);
    expect(xml).not.toContain('<email>');
  });

  it('keeps names as text and comment HTML sanitised', async () => {
    const { entries } = await feed('site=blog&uri=/a/');
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    // The entry title is type="html": the name's markup is escaped so readers show it as text.
    expect(entry!.title).toBe('&#60;b&#62;Xavier&#60;/b&#62; on “Post &#60;A&#62;”');
    expect(entry!.author).toBe('<b>Xavier</b>');
    expect(entry!.content).toBe('<p>First &amp; <em>best</em></p>');
  });

  it('gives one thread its own feed, empty until something is approved', async () => {
    expect((await feed('site=blog&uri=/b/')).entries.map((e) => e.link)).toEqual([`https://blog.example/b/#comment-${ids.other}`]);
    const empty = await feed('site=blog&uri=/nothing/');
    expect(empty.entries).toEqual([]);
    expect(empty.title).toBe('Comments on “/nothing/” · The Blog');
  });

  it('answers bad queries with the API error shape', async () => {
    expect((await server.api('/feed.atom?site=nope')).status).toBe(404);
    const bad = await server.api('/feed.atom?site=blog&uri=no-slash');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('uri');
  });
});
