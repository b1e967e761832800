/** Hostile content comes back inert, and nothing private comes back at all. */
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import { renderMarkdown } from '../../server/render/markdown.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const XSS_BODIES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example/pixel.gif)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<style>body{display:none}</style>',
  '`<script>` in code is fine',
  '```\n<script>alert(1)</script>\n```',
  '<<script>script>alert(1)<</script>/script>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '[x](&#106;avascript:alert(1))',
  '<form action="https://evil.example"><input name=q></form>',
  '<object data="javascript:alert(1)"></object>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[x](//evil.example)',
  '<p onclick="alert(1)">x</p>',
  '"><script>alert(1)</script>',
];

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'title', 'start', 'align']);

/** Parses the HTML as a browser would and checks every element and attribute against the allowlist. */
function assertInert(html: string) {
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!ALLOWED_TAGS.has(name)) problems.push(`<${name}>`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (!ALLOWED_ATTRIBUTES.has(attribute)) problems.push(`${name}[${attribute}]`);
        if (attribute === 'href' && !/^(https?:\/\/|mailto:)/.test(value)) problems.push(`href=${value}`);
      }
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  expect(problems).toEqual([]);
}

describe('hostile Markdown', () => {
  it.each(XSS_BODIES)('renders %j inert', (payload) => {
    assertInert(renderMarkdown(payload));
  });

  it('keeps ordinary formatting and marks links nofollow ugc', () => {
    const html = renderMarkdown('**bold** _em_ [site](https://example.org) `code`\n\n> quote');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org/" rel="nofollow ugc noopener">site</a>');
    expect(html).toContain('<blockquote>');
  });

  it('shows raw HTML as the text that was typed', () => {
    expect(renderMarkdown('I <3 <b>tags</b>')).toBe('<p>I &lt;3 &lt;b&gt;tags&lt;/b&gt;</p>');
  });

  it('turns a remote image into a link, never an <img>', () => {
    expect(renderMarkdown('![cat](https://img.example/cat.png)')).toBe('<p><a href="https://img.example/cat.png" rel="nofollow ugc noopener">cat</a></p>');
  });
});

describe('hostile comments through the API', () => {
  it('stores and returns payloads in body, name and URL inert', async () => {
    for (const payload of XSS_BODIES) {
      const response = await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/xss/', body: payload, name: payload.replace(/\s+/g, ' ').slice(0, 80), url: 'https://ok.example/"><script>alert(1)</script>' }));
      expect(response.status).toBe(201);
    }
    const { comments } = (await (await server.api('/api/v1/comments?site=example&uri=/xss/')).json()) as { comments: { html: string; name: string; url: string }[] };
    expect(comments).toHaveLength(XSS_BODIES.length);
    for (const comment of comments) {
      assertInert(comment.html);
      // Names are data, escaped by whoever displays them; URLs are normalised so no quote survives.
      expect(comment.url).not.toMatch(/["<>]/);
      expect(comment.url.startsWith('https://ok.example/')).toBe(true);
    }
  });

  it('previews with the same renderer', async () => {
    const response = await server.api('/api/v1/preview', json('POST', { body: '<script>x</script> **hi**' }));
    expect(await response.json()).toEqual({ html: renderMarkdown('<script>x</script> **hi**') });
  });
});

describe('privacy', () => {
  it('never answers with an email, a commenter key or an edit token', async () => {
    const email = 'Private.Person@example.org';
    const created = await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/private/', body: 'notify me', email, notify: true, identity: 'browser-token-abcdefghijklmnop' }));
    const { editToken } = (await created.json()) as { editToken: string };
    await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/private/', body: 'anon with token', identity: 'browser-token-abcdefghijklmnop' }));
    const [row] = await listSiteComments(server.ctx.db, 'example', ['approved']).then((rows) => rows.filter((r) => r.uri === '/private/'));
    expect(row!.email).toBe(email);
    expect(row!.commenterKey).toMatch(/^[0-9a-f]{64}$/);
    const listed = await (await server.api('/api/v1/comments?site=example&uri=/private/')).text();
    for (const secret of [email, email.toLowerCase(), row!.commenterKey!, editToken, row!.editTokenHash!]) expect(listed).not.toContain(secret);
  });

  it('gives the same person the same key by email, whatever the case and spacing', async () => {
    for (const email of ['Same@Example.org', '  same@example.org ']) {
      await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/same/', body: 'hi', email, notify: true }));
    }
    const rows = (await listSiteComments(server.ctx.db, 'example', ['approved'])).filter((r) => r.uri === '/same/');
    expect(new Set(rows.map((r) => r.commenterKey)).size).toBe(1);
  });

  it('keeps no email when the writer did not ask for notifications', async () => {
    await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/no-notify/', body: 'hi', email: 'keep-out@example.org' }));
    const rows = (await listSiteComments(server.ctx.db, 'example', ['approved'])).filter((r) => r.uri === '/no-notify/');
    expect(rows[0]!.email).toBeNull();
    expect(rows[0]!.commenterKey).toMatch(/^[0-9a-f]{64}$/);
  });
});
