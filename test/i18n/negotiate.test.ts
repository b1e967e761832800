/** Which language a reader gets: the page's, then the browser's by weight, then the site's. */
import { describe, expect, it } from 'vitest';
import { chooseLanguage, preferredOf } from '../../server/i18n/negotiate.js';

describe('chooseLanguage', () => {
  it("takes the page's language over the browser's", () => {
    expect(chooseLanguage({ page: 'de-AT', acceptLanguage: 'fr, en;q=0.8', siteDefault: 'en' })).toBe('de');
  });

  it('weighs the whole Accept-Language header, not only its first entry', () => {
    expect(chooseLanguage({ acceptLanguage: 'nl-NL, nl;q=0.9, es;q=0.4, de;q=0.7', siteDefault: 'en' })).toBe('de');
    expect(preferredOf('en;q=0.2, fr-CA;q=0.9')).toBe('fr');
  });

  it('falls back to the site default for unknown, malformed or wildcard preferences', () => {
    expect(chooseLanguage({ page: 'xx-YY', acceptLanguage: 'tlh, *;q=0.5', siteDefault: 'de' })).toBe('de');
    expect(chooseLanguage({ page: '<script>', acceptLanguage: ';;q=abc,,', siteDefault: 'fr' })).toBe('fr');
    expect(chooseLanguage({ page: null, acceptLanguage: null, siteDefault: 'es' })).toBe('es');
  });
});
