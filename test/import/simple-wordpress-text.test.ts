import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../server/import/html-to-markdown.js';
import { simpleWordpressText } from '../../server/import/simple-wordpress-text.js';
import { wordpressTextToHtml } from '../../server/import/wordpress-text.js';
import { renderMarkdownInFull } from '../../server/render/markdown.js';

/** The full path: wpautop, turndown, then the one renderer. */
function full(text: string): { markdown: string; html: string } {
  const markdown = htmlToMarkdown(wordpressTextToHtml(text));
  return { markdown, html: renderMarkdownInFull(markdown) };
}

/** The direct path's result where it takes the text, checked against the full path. */
function checked(text: string): { direct: boolean; html: boolean } {
  const direct = simpleWordpressText(text);
  if (direct === null) return { direct: false, html: false };
  const expected = full(text);
  expect(direct.markdown, JSON.stringify(text)).toBe(expected.markdown);
  if (direct.html !== null) expect(direct.html, JSON.stringify(text)).toBe(expected.html);
  return { direct: true, html: direct.html !== null };
}

describe('the direct path for WordPress text with simple inline markup', () => {
  it('converts what commenters type as turndown and the renderer do, without either', () => {
    const text = 'Thanks!\n\nSee <a href="https://example.com/notes/1">this</a>, <strong>especially</strong> part 1.\nAnd <em>this</em> &amp; <b>that</b>, <i>too</i>.';
    expect(simpleWordpressText(text)).toEqual({
      markdown: 'Thanks!\n\nSee [this](https://example.com/notes/1), **especially** part 1.  \nAnd *this* & **that**, *too*.',
      html:
        '<p>Thanks!</p>\n<p>See <a href="https://example.com/notes/1" rel="nofollow ugc noopener">this</a>, <strong>especially</strong> part 1.<br />' +
        'And <em>this</em> &amp; <strong>that</strong>, <em>too</em>.</p>',
    });
    expect(checked(text)).toEqual({ direct: true, html: true });
  });

  it('takes real comments the way they were typed', () => {
    for (const text of [
      'I&#8217;ve been reading <i>The Pragmatic Programmer</i> again &#8211; still <b>great</b>.',
      'Thanks! I wrote about it here: <a href="https://blog.example.org/2019/05/notes/" rel="nofollow">my notes</a>\nCheers, Anna',
      'Great post.\r\n\r\n<strong>Update:</strong> it works on Debian 12 too &amp; on Ubuntu.',
      '<em>Exactly</em> my experience. <A HREF=\'https://example.com/a-b/c.d\' target=\'_blank\'>Here</A> is a write-up.',
    ]) {
      expect(checked(text), text).toEqual({ direct: true, html: true });
    }
  });

  it('leaves other markup to turndown and unusual Markdown to the renderer', () => {
    for (const text of ['<blockquote>q</blockquote>', '<a href="x" title="t">a</a>', '<b><i>x</i></b>', '<b>x', 'a </b>', '<code>x</code>', '<p>x</p>', 'a<br>b', '3 < 4', '&nbsp;x', '<a>x</a>', '<b class="c">x</b>']) {
      expect(simpleWordpressText(text), text).toBeNull();
    }
    for (const text of ['<b> x</b>', '<b>x</b><i>y</i>', '!<a href="https://a.b">x</a>', '<a href="https://a.b/?q=1">x</a>', '<b>x.</b>y', '<b>.x</b>', 'see https://a.b and <b>x</b>', '<b>a_b</b>']) {
      const result = simpleWordpressText(text);
      if (result !== null) expect(result.html, text).toBeNull();
      checked(text);
    }
  });

  it('gives exactly what turndown and renderMarkdown give, whenever it gives anything', () => {
    const word = fc.constantFrom('word', 'Ab', '9', 'ü', '😀', 'x1', 'Grüße', 'Update:', 'end.', 'so?', 'yes!', 'a;', 'b,');
    const text = fc.constantFrom(
      ...'ab Z1.9 \t\n\r*_#-+=>`~[]\\!()|:;&@/?\'"\u00a0ü😀'.split(''),
      ...['word', ' ', ' ', ', ', '. ', '\n', '\n\n', '  \n', '1. ', '- ', '## ', '===', ':---', '&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&#8217;', '&#32;', '&#10;', '&#128;', '&nbsp;', '&amp', 'www.x.y', 'https://example.com/a', 'a@b.c'],
    );
    const href = fc.constantFrom('https://example.com', 'https://example.com/a/b', 'http://a-b.c.d/x.y/', 'HTTPS://EXAMPLE.com/A', 'https://x', 'https://a.b/(c)', 'https://a.b/c d', 'mailto:a@b.c', '/relative', 'https://a.b/?q=1&amp;r=2', 'javascript:alert(1)', 'https://a.b/c_d');
    const inner = fc.array(fc.oneof({ arbitrary: word, weight: 6 }, { arbitrary: text, weight: 1 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const tag = fc.constantFrom('strong', 'b', 'em', 'i', 'STRONG', 'I');
    const element = fc.oneof(
      fc.tuple(tag, inner).map(([name, content]) => `<${name}>${content}</${name}>`),
      fc.tuple(href, inner, fc.constantFrom('', ' rel="nofollow"', " target='_blank'")).map(([url, content, extra]) => `<a href="${url}"${extra}>${content}</a>`),
    );
    let direct = 0;
    let html = 0;
    let elements = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: word, weight: 4 }, { arbitrary: text, weight: 4 }, { arbitrary: element, weight: 4 }), { maxLength: 16 }).map((parts) => parts.join('')), (source) => {
        const result = checked(source);
        if (result.direct) direct++;
        if (result.html) html++;
        if (result.html && /<[bia]/i.test(source)) elements++;
      }),
      { numRuns: 4000 },
    );
    // The comparison means something only if the direct paths are taken often.
    expect(direct).toBeGreaterThan(1500);
    expect(html).toBeGreaterThan(500);
    expect(elements).toBeGreaterThan(100);
  });
});
