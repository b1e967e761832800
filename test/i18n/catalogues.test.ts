/**
 * The catalogues stay complete and lean: every language has every English key
 * with the same placeholders and a usable plural form, and every key is used
 * somewhere in the product (literally, or through a template such as
 * `report.shape.${shape}.name`). A translator adding a language, or a developer
 * adding or removing a text, hears about a gap here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../server/i18n/languages.js';
import { formatMessage, type Message, placeholdersOf } from '../../server/i18n/message.js';

const root = resolve(import.meta.dirname, '../..');
const english: Record<string, Message> = CATALOGUES.en;
const englishKeys = Object.keys(english).sort();

/** Product source that may name a key, without the catalogues themselves. */
function productSources(): string[] {
  return ['server', 'plugin', 'site-example', 'bin']
    .flatMap((dir) => readdirSync(join(root, dir), { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs|njk|html)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/(^|\/)(_site|node_modules|dist|\.data|\.cache)\//.test(relative(root, path).split(sep).join('/')))
    .filter((path) => !relative(root, path).split(sep).join('/').startsWith('server/i18n/catalogues/'));
}

/** Keys named in the source: quoted literals, and templates (`a.${x}.b`) as patterns. */
function namedKeys(): { literals: Set<string>; patterns: RegExp[] } {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  for (const path of productSources()) {
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/gi)) literals.add(match[1]!);
    for (const match of text.matchAll(/`([a-z][\w-]*\.[^`]*\$\{[^`]*)`/gi)) {
      const source = match[1]!.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w-]+');
      patterns.push(new RegExp(`^${source}$`));
    }
  }
  return { literals, patterns };
}

describe('message catalogues', () => {
  it.each(LANGUAGES.filter((lang) => lang !== 'en'))('%s has exactly the English keys', (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(englishKeys);
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English in every message', (lang) => {
    const catalogue: Record<string, Message> = CATALOGUES[lang];
    const differing = englishKeys.filter((key) => placeholdersOf(catalogue[key]!).join() !== placeholdersOf(english[key]!).join());
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has a plural form for every count its language distinguishes', (lang) => {
    const catalogue: Record<string, Message> = CATALOGUES[lang];
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const missing = englishKeys.flatMap((key) => {
      const message = catalogue[key]!;
      if (typeof english[key] === 'string') return typeof message === 'string' ? [] : [`${key}: plural where English has text`];
      if (typeof message === 'string') return [`${key}: text where English has plural forms`];
      return categories.filter((category) => category !== 'other' && message[category] === undefined).map((category) => `${key}: ${category}`);
    });
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty message and no untranslated placeholder left over', (lang) => {
    const catalogue: Record<string, Message> = CATALOGUES[lang];
    const empty = englishKeys.filter((key) => formatMessage(catalogue[key]!, lang, { n: 2 }).trim() === '');
    expect(empty).toEqual([]);
  });

  it('has no key that nothing uses', () => {
    const { literals, patterns } = namedKeys();
    const unused = englishKeys.filter((key) => !literals.has(key) && !patterns.some((pattern) => pattern.test(key)));
    expect(unused).toEqual([]);
  });
});
