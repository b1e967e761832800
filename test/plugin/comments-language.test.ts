/**
 * `{% comments %}` in the page's language: any language Kommentar speaks,
 * from the page's tag, else the plugin's `lang`; and it tells the widget which.
 */
import { describe, expect, it } from 'vitest';
import { KommentarBuild } from '../../plugin/build-data.js';
import { renderCommentsSection } from '../../plugin/comments-section.js';
import { resolveOptions } from '../../plugin/options.js';
import { emptySiteData } from '../../plugin/site-data.js';

const build = (lang: 'en' | 'de') => new KommentarBuild({ ...resolveOptions({ server: 'https://comments.example', site: 'blog' }), lang }, emptySiteData());

describe('the prerendered comment section', () => {
  it("speaks the page's language when Kommentar has it", () => {
    const html = renderCommentsSection(build('de'), '/p/', 'fr-CA');
    expect(html).toContain('data-kommentar-lang="fr"');
    expect(html).toContain('<section class="kommentar" lang="fr">');
    expect(html).toContain('Aucun commentaire pour l’instant');
    expect(html).toContain('Publier le commentaire');
    expect(html).toContain('<input type="hidden" name="lang" value="fr">');
  });

  it("falls back to the plugin's lang for a page tag it does not speak, or none", () => {
    for (const tag of ['xx', undefined]) {
      const html = renderCommentsSection(build('de'), '/p/', tag);
      expect(html).toContain('data-kommentar-lang="de"');
      expect(html).toContain('Noch keine Kommentare');
    }
  });
});
