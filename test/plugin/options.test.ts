/**
 * The plugin's options: defaults a blogger can rely on, and a wrong option
 * failing the Eleventy build at its start with the option's name.
 */
import Eleventy from '@11ty/eleventy';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import kommentarPlugin from '../../plugin/index.js';
import { buildLanguage } from '../../plugin/i18n.js';
import { resolveOptions } from '../../plugin/options.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-options-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'index.njk'), '{% commentCount "/a/" %}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What these tests do with Eleventy's configuration object. */
interface PluginHost {
  addPlugin(plugin: typeof kommentarPlugin, options: unknown): void;
}

/** Builds a one-page site with the plugin added by `configure`; resolves to the files written. */
async function build(name: string, configure: (config: PluginHost) => void): Promise<string[]> {
  const output = join(dir, name);
  const eleventy = new Eleventy(relative(process.cwd(), join(dir, 'in')), output, { quietMode: true, config: (config) => configure(config as PluginHost) });
  await eleventy.write();
  return readdirSync(output, { recursive: true }).map(String).sort();
}

describe('options', () => {
  it('fills in documented defaults', () => {
    expect(resolveOptions({ server: 'https://comments.example/', site: 'blog' })).toEqual({
      server: 'https://comments.example',
      site: 'blog',
      reportPath: '/dialogue/',
      postPages: true,
      strict: false,
      cacheDuration: '1m',
      cacheDirectory: '.cache',
      timeout: 10_000,
      compareDays: 30,
      widget: true,
      pageSize: 30,
    });
  });

  it.each([
    [{ site: 'blog' }, 'option "server" is required'],
    [{ server: 'comments.example', site: 'blog' }, 'option "server" must be the http(s) address'],
    [{ server: 'ftp://comments.example', site: 'blog' }, 'option "server" must be the http(s) address'],
    [{ server: 'https://c.example', site: 'my blog' }, 'option "site" must be the site id'],
    [{ server: 'https://c.example', site: 'blog', reportPath: 'dialogue' }, 'option "reportPath" must be a path like "/dialogue/"'],
    [{ server: 'https://c.example', site: 'blog', reportPath: '/../etc/' }, 'option "reportPath" must be a path'],
    [{ server: 'https://c.example', site: 'blog', cacheDuration: '5 minutes' }, 'option "cacheDuration" must be a duration'],
    [{ server: 'https://c.example', site: 'blog', strict: 'yes' }, 'option "strict"'],
    [{ server: 'https://c.example', site: 'blog', lang: '' }, 'option "lang" must be a language code'],
    [{ server: 'https://c.example', site: 'blog', lang: 7 }, 'option "lang"'],
    [{ server: 'https://c.example', site: 'blog', token: '' }, 'option "token" must not be empty'],
    [{ server: 'https://c.example', site: 'blog', sever: 'x' }, 'unknown option "sever"'],
  ])('refuses %j: %s', (options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });
});

describe('the lang option', () => {
  it('takes any language Kommentar speaks, by tag, and otherwise the site\'s lang from the server, else English', () => {
    expect(buildLanguage('fr', 'de')).toEqual({ lang: 'fr' });
    expect(buildLanguage('es-MX', undefined)).toEqual({ lang: 'es' });
    expect(buildLanguage(undefined, 'de')).toEqual({ lang: 'de' });
    expect(buildLanguage(undefined, undefined)).toEqual({ lang: 'en' });
    expect(buildLanguage('xx', 'fr')).toEqual({ lang: 'fr', warning: expect.stringContaining('"xx" is not a language Kommentar speaks (en, de, fr, es)') });
    expect(buildLanguage('xx', undefined)).toEqual({ lang: 'en', warning: expect.stringContaining('the pages use "en"') });
  });
});

describe('the plugin in an Eleventy build', () => {
  it('fails the build at its start when an option is wrong, naming the option', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = await build('wrong', (config) => config.addPlugin(kommentarPlugin, { server: 'https://c.example', site: 'blog', cacheDuration: 'soon' })).catch(
      (e: Error) => e,
    );
    // Eleventy wraps a plugin's error ("Error processing the … plugin") and prints the whole chain.
    const chain: string[] = [];
    for (let e: unknown = failure; e instanceof Error; e = (e as Error & { originalError?: unknown }).originalError) chain.push(e.message);
    expect(chain.join(' | ')).toMatch(/eleventy-plugin-kommentar.*\[kommentar\] option "cacheDuration" must be a duration/);
    expect(readdirSync(dir)).not.toContain('wrong');
    error.mockRestore();
  });

  it('registers once when added twice, without clashing pages or shortcodes', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const options = { server: 'http://127.0.0.1:9', site: 'blog', timeout: 1000 };
    const files = await build('twice', (config) => {
      config.addPlugin(kommentarPlugin, options);
      config.addPlugin(kommentarPlugin, options);
    });
    expect(files).toEqual(['dialogue', join('dialogue', 'index.html'), join('dialogue', 'kommentar.css'), 'index.html']);
    // One plugin, one build, one warning about the unreachable server.
    expect(warn.mock.calls.filter((call) => String(call[0]).startsWith('[kommentar]'))).toHaveLength(1);
    warn.mockRestore();
  });
});
