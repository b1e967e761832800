import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/render/markdown.js';
import { htmlToMarkdown } from '../../server/import/html-to-markdown.js';
import { simpleWordpressText } from '../../server/import/simple-wordpress-text.js';
import { wordpressTextToHtml, wordpressToMarkdown } from '../../server/import/wordpress-text.js';

describe('WordPress comment text to Markdown', () => {
  it('keeps paragraphs and line breaks as WordPress showed them', () => {
    const markdown = wordpressToMarkdown('Erste Zeile\nzweite Zeile\n\nNeuer Absatz mit Umlauten: äöü ß 😀');
    expect(renderMarkdown(markdown)).toBe('<p>Erste Zeile<br />zweite Zeile</p>\n<p>Neuer Absatz mit Umlauten: äöü ß 😀</p>');
  });

  it('keeps literal Markdown characters literal', () => {
    const html = renderMarkdown(wordpressToMarkdown('# not a heading\n2 * 3 * 4 = 24 and snake_case_name'));
    expect(html).toBe('<p># not a heading<br />2 * 3 * 4 = 24 and snake_case_name</p>');
  });

  it('converts the markup commenters used: links, emphasis, quotes', () => {
    const markdown = wordpressToMarkdown('<blockquote>quoted\ntext</blockquote>\nSee <a href="https://example.com/a">this</a>, <strong>really</strong>.');
    expect(markdown).toBe('> quoted  \n> text\n\nSee [this](https://example.com/a), **really**.');
  });

  it('takes the direct path for text with the entities WordPress writes, not for block markup', () => {
    expect(simpleWordpressText('Q&amp;A: 3 &lt; 4 &#8211; “ok”')?.markdown).toBe('Q&A: 3 < 4 – “ok”');
    expect(simpleWordpressText('a <blockquote>quote</blockquote>')).toBeNull();
    expect(simpleWordpressText('&nbsp;is not decoded directly')).toBeNull();
    // A paragraph that is blank once decoded (a no-break space and an encoded space) is dropped by turndown, so it goes there.
    expect(simpleWordpressText('\u00a0&#32;\n\na')).toBeNull();
    expect(wordpressToMarkdown('\u00a0&#32;\n\na')).toBe('a');
    expect(simpleWordpressText('a\r&#32;\n\ra')).toBeNull();
    expect(wordpressToMarkdown('a\r&#32;\n\ra')).toBe('a  \n\na');
  });

  it('gives the same Markdown for plain text with and without the DOM path', () => {
    const alphabet = fc.constantFrom(
      ...'ab Z1.9 \t\n\r*_#-+=>`~[]\\!()|:;&\u00a0ü😀שלום'.split(''),
      ...['\n\n', '1. ', '- ', '## ', '~~~', '===', '&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&#8217;', '&#x1F600;', '&#10;', '&#32;', '&#128;', '&nbsp;', '&amp'],
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const direct = simpleWordpressText(text)?.markdown;
        if (direct !== undefined) expect(direct).toBe(htmlToMarkdown(wordpressTextToHtml(text)));
      }),
      { numRuns: 2000 },
    );
  });
});
