/**
 * The pure markup module on its own, as the server and the Eleventy prerender
 * use it in Node: the display tree, escaping, safe links, the no-JS form, and
 * that the built dist/server/widget/markup.js imports without a DOM.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { translator } from '../../server/i18n/translate.js';
import { layoutThread } from '../../server/widget/layout.js';
import { httpUrl, renderThread, type ThreadView } from '../../server/widget/markup.js';
import { relativeTime } from '../../server/widget/time.js';

const view: ThreadView = { server: 'https://comments.example', site: 'blog', uri: '/posts/x/', ...translator('en'), now: Date.parse('2025-03-12T12:00:00Z'), timeZone: 'UTC' };

let nextId = 1;
function comment(fields: Partial<PublicComment> = {}): PublicComment {
  return { id: nextId++, parentId: null, depth: 1, html: '<p>hi</p>', name: 'Ann', url: null, isAuthor: false, createdAt: '2025-03-12T09:00:00.000Z', editedAt: null, deleted: false, ...fields };
}

/** A chain where each comment answers the one before. */
function chain(length: number): PublicComment[] {
  const list: PublicComment[] = [];
  for (let depth = 1; depth <= length; depth++) list.push(comment({ depth, parentId: list.at(-1)?.id ?? null, name: `P${depth}` }));
  return list;
}

describe('layoutThread', () => {
  it('nests five levels deep, then lists deeper replies flat with the comment they answer', () => {
    const list = chain(8);
    const levels = new Map<number, { level: number; replyTo: number | null; holder: number | null }>();
    const walk = (nodes: ReturnType<typeof layoutThread>, holder: number | null) => {
      for (const node of nodes) {
        levels.set(node.comment.id, { level: node.level, replyTo: node.replyTo?.id ?? null, holder });
        walk(node.children, node.comment.id);
      }
    };
    walk(layoutThread(list), null);
    const [c1, c2, c3, c4, c5, c6, c7, c8] = list.map((c) => levels.get(c.id)!);
    expect([c1, c2, c3, c4, c5, c6].map((c) => c!.level)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(c6!.replyTo).toBeNull();
    expect(c7).toEqual({ level: 5, replyTo: list[5]!.id, holder: list[4]!.id });
    expect(c8).toEqual({ level: 5, replyTo: list[6]!.id, holder: list[4]!.id });
  });

  it('counts visible replies below a comment, keeps orphans at the top, and skips placeholders in counts', () => {
    const root = comment();
    const gone = comment({ parentId: root.id, depth: 2, deleted: true, html: '', name: null });
    const reply = comment({ parentId: gone.id, depth: 3 });
    const orphan = comment({ parentId: 9999, depth: 4 });
    const [top, lonely] = layoutThread([root, gone, reply, orphan]);
    expect(top!.replies).toBe(1);
    expect(top!.children[0]!.children[0]!.comment.id).toBe(reply.id);
    expect(lonely).toMatchObject({ comment: { id: orphan.id }, level: 0, replyTo: null });
  });
});

describe('renderThread', () => {
  it('escapes names and links only http(s) websites', () => {
    const html = renderThread(
      [
        comment({ name: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }),
        comment({ name: 'Web "Person"', url: 'https://person.example/"onmouseover="x' }),
        comment({ name: null, url: 'data:text/html,hi' }),
      ],
      view,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('<b class="k-name">&#60;img src=x onerror=alert(1)&#62;</b>');
    expect(html).toContain('<a class="k-name" href="https://person.example/%22onmouseover=%22x" rel="nofollow ugc noopener">Web &#34;Person&#34;</a>');
    expect(html).toContain('<b class="k-name">Anonymous</b>');
    expect(html).not.toMatch(/href="(javascript|data):/i);
  });

  it('keeps "$&" in a name literal in "in reply to" and marks the author, edits and deletions', () => {
    const list = chain(6);
    list[5]!.name = '$& $` {name}';
    const deep = comment({ parentId: list[5]!.id, depth: 7, isAuthor: true, editedAt: '2025-03-12T10:00:00.000Z' });
    const gone = comment({ deleted: true, html: '', name: null });
    const html = renderThread([...list, deep, gone], view);
    expect(html).toContain(`<a class="k-to" href="#comment-${list[5]!.id}">in reply to $&amp; $\` {name}</a>`.replace('&amp;', '&#38;'));
    expect(html).toContain('<span class="k-badge">Author</span>');
    expect(html).toContain('<span class="k-edited" title="March 12, 2025 at 10:00 AM">edited</span>');
    expect(html).toMatch(new RegExp(`id="comment-${gone.id}"[^>]*><article class="k-art k-gone">.*This comment was deleted\\.</p></article></li>`));
    expect(html).toContain('<h2 class="k-count">7 comments</h2>'); // the placeholder does not count
    expect(html).toContain('<time datetime="2025-03-12T09:00:00.000Z" title="March 12, 2025 at 9:00 AM">3 hours ago</time>');
  });

  it('writes a form that posts without JavaScript, with the honeypot, the fill-time stamp and a reply target', () => {
    const parent = comment({ name: 'Bo' });
    const html = renderThread([parent], { ...view, replyTo: parent.id });
    expect(html).toContain('<form class="k-form" id="kommentar-form" method="post" action="https://comments.example/api/v1/comments"');
    for (const [name, value] of [['site', 'blog'], ['uri', '/posts/x/'], ['parentId', String(parent.id)], ['ts', String(view.now)]]) {
      expect(html).toContain(`<input type="hidden" name="${name}" value="${value}">`);
    }
    expect(html).toContain('<input name="website" tabindex="-1" autocomplete="off">');
    expect(html).toContain('<textarea name="body"');
    expect(html).toContain('<p class="k-to-note"><span>Replying to Bo</span>');
    expect(html).toContain(`href="https://comments.example/thread?site=blog&#38;uri=%2Fposts%2Fx%2F&#38;lang=en&#38;reply=${parent.id}#kommentar-form">Reply</a>`);
  });

  it('offers "email me when someone replies" only when the server sends email', () => {
    expect(renderThread([], view)).toContain('<input type="checkbox" name="notify">');
    expect(renderThread([], { ...view, email: true })).toContain('name="notify"');
    const off = renderThread([], { ...view, email: false });
    expect(off).not.toContain('name="notify"');
    expect(off).toContain('<input name="email" type="email"'); // the address still tells the commenter apart
  });

  it('speaks German', () => {
    const html = renderThread([comment()], { ...view, ...translator('de') });
    expect(html).toContain('<section class="kommentar" lang="de">');
    expect(html).toContain('1 Kommentar');
    expect(html).toContain('vor 3 Stunden');
    expect(html).toContain('Kommentar senden');
    expect(relativeTime('2025-03-12T12:00:30Z', view.now, 'de')).toBe('jetzt');
  });
});

describe('httpUrl', () => {
  it('passes http(s) only', () => {
    expect(httpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(httpUrl('HTTP://A.example')).toBe('http://a.example/');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:,x', '//a.example', 'mailto:a@b.example', '', null]) expect(httpUrl(bad)).toBeNull();
  });
});

describe('the built module', () => {
  it('imports in plain Node from dist/server/widget/markup.js (for the Eleventy plugin) and renders the same HTML', () => {
    const script = `const { renderThread } = await import('./dist/server/widget/markup.js'); const { translator } = await import('./dist/server/i18n/translate.js');
      process.stdout.write(renderThread(${JSON.stringify([comment()])}, { ...${JSON.stringify(view)}, ...translator('en') }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output).toBe(renderThread([comment({ id: nextId - 1 })], view));
  });
});
