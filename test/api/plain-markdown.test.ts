import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownInFull } from '../../server/render/markdown.js';
import { plainMarkdownToHtml } from '../../server/render/plain-markdown.js';
import { simpleWordpressText } from '../../server/import/simple-wordpress-text.js';

describe('the direct HTML of plain-text Markdown (what most comments, new or imported, store)', () => {
  it('renders paragraphs, hard breaks, "&", quotes and bare links as the full renderer does', () => {
    const markdown = simpleWordpressText(
      'Thanks, it\'s "quoted" &amp; fine.\nSecond line, schöne Grüße 😀\n\nMy notes: https://Example.com/notes/5 (Q&amp;A at the end).',
    )!.markdown;
    const direct = plainMarkdownToHtml(markdown);
    expect(direct).toBe(
      '<p>Thanks, it\'s "quoted" &amp; fine.<br />Second line, schöne Grüße 😀</p>\n' +
        '<p>My notes: <a href="https://example.com/notes/5" rel="nofollow ugc noopener">https://Example.com/notes/5</a> (Q&amp;A at the end).</p>',
    );
    expect(direct).toBe(renderMarkdownInFull(markdown));
    expect(renderMarkdown(markdown)).toBe(direct);
  });

  it('leaves everything Markdown could read otherwise to the full renderer', () => {
    for (const markdown of ['*em*', '1. list', '- item', '# heading', 'a\n===', '> quote', '`code`', 'a@b.example', 'see www.example.com',
      'x <b>y</b>', '&copy;', 'https://example.com.', '(https://example.com)', '    indented', 'a\tb', '', 'word\n:---', 'a\n:-:']) {
      expect(plainMarkdownToHtml(markdown), markdown).toBeNull();
    }
  });

  it('gives exactly what renderMarkdown gives, whenever it gives anything', () => {
    const plain = fc.constantFrom('word', ' ', 'Ab', '9', '.', ',', '!', '?', '\n', '\n\n', '  \n', '&', '"', "'", '(', ')', ':', 'ü', '😀', 'https://example.com/a');
    const tricky = fc.constantFrom(
      ...'ab Z1.9 \t\n\r*_#-+=>`~[]\\!()|:;&@/?\'"\u00a0\u2028ü😀שלום'.split(''),
      ...['\n\n', '  \n', '1. ', '2) ', '- ', '## ', '~~~', '===', '---', ':---', ':-:', '&amp;', '&lt;', '&#39;', '&copy;', '&amp', 'www.', 'ftp://x.y',
        'https://', 'http://a.b', 'https://example.com', 'https://example.com/a/b', 'https://EXAMPLE.com/x.y/', 'http://a-b.c.d/../e', 'https://x', ' http://q.r ', 'HTTPS://A.B/C', 'Http://x-y.z/', 'https://a.b:80', 'https://xn--a.b'],
    );
    let direct = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: plain, weight: 12 }, { arbitrary: tricky, weight: 1 }), { maxLength: 24 }).map((parts) => parts.join('')), (markdown) => {
        const html = plainMarkdownToHtml(markdown);
        if (html === null) return;
        direct++;
        expect(html).toBe(renderMarkdownInFull(markdown));
      }),
      { numRuns: 10_000 },
    );
    // The comparison means something only if the direct path is taken often.
    expect(direct).toBeGreaterThan(2000);
  });
});
