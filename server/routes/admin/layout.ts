/**
 * The desk's page shell: header, navigation, site switcher, logout and the
 * desk-language choice; server-rendered with hono/html (escaped by default),
 * in the desk's language (`deskLanguage`).
 */
import { html } from 'hono/html';
import type { Config, SiteConfig } from '../../config.js';
import { DEFAULT_LANG, type Lang, LANGUAGES } from '../../i18n/languages.js';
import { type Translator, translator } from '../../i18n/translate.js';
import { relativeTime } from '../../widget/time.js';
import { type Html, pageShell } from '../page-shell.js';
import type { DeskAccess } from './env.js';

export const DESK_SECTIONS = ['inbox', 'moderation', 'report', 'deliveries'] as const;
export type DeskSection = (typeof DESK_SECTIONS)[number];

export const SECTION_PATHS: Record<DeskSection, string> = {
  inbox: '/admin',
  moderation: '/admin/moderation',
  report: '/admin/report',
  deliveries: '/admin/deliveries',
};

/**
 * The language of the desk's pages for `site`: the author's choice, else the
 * site's `lang`. Every desk page renderer (the report page too) writes its
 * texts with `translator(deskLanguage(c.get('desk'), site))`.
 */
export function deskLanguage(access: DeskAccess, site: SiteConfig): Lang {
  return access.lang ?? site.lang;
}

export interface PageOptions {
  title: string;
  /** Present on pages behind the login: shows navigation, logout and the language choice, in the desk's language. */
  desk?: { access: DeskAccess; config: Config; site: SiteConfig; section: DeskSection };
  /** The language of a page outside the desk (the login, the email-linked pages); desk pages speak the desk's. */
  lang?: Lang;
  /** A one-line message above the content (after an action). */
  notice?: { text: string; error?: boolean };
}

/** A desk URL for `path` on `site` (the site is implicit when the server has only one). */
export function deskUrl(config: Config, path: string, site: SiteConfig, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(config.sites.length > 1 ? { site: site.id } : {}), ...extra }).toString();
  return query ? `${path}?${query}` : path;
}

function navigation(options: NonNullable<PageOptions['desk']>, { t }: Translator): Html {
  const { access, config, site, section } = options;
  const labels: Record<DeskSection, string> = {
    inbox: t('desk.nav.inbox'),
    moderation: t('desk.nav.moderation'),
    report: t('desk.nav.report'),
    deliveries: t('desk.nav.deliveries'),
  };
  return html`<nav aria-label="${t('desk.nav.label')}">
      ${DESK_SECTIONS.map(
        (id) => html`<a href="${deskUrl(config, SECTION_PATHS[id], site)}" ${id === section ? html`aria-current="page"` : ''}>${labels[id]}</a>`,
      )}
    </nav>
    ${access.via === 'session'
      ? html`<form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${access.csrf}" /><button type="submit">${t('desk.logout')}</button></form>`
      : ''}`;
}

function siteSwitcher(options: NonNullable<PageOptions['desk']>, { t }: Translator): Html | '' {
  const { config, site, section } = options;
  if (config.sites.length < 2) return '';
  const path = SECTION_PATHS[section];
  return html`<p class="meta">
    ${t('desk.site')}
    ${config.sites.map((s) =>
      s.id === site.id ? html`<strong>${s.title ?? s.id}</strong> ` : html`<a href="${deskUrl(config, path, s)}">${s.title ?? s.id}</a> `,
    )}
  </p>`;
}

/** The desk-language choice at the foot of every desk page; each language is named in its own words. */
function languageChoice(options: NonNullable<PageOptions['desk']>, { t, lang }: Translator): Html {
  const { access, site, section } = options;
  return html`<footer>
    <form class="language" method="post" action="/admin/language">
      <input type="hidden" name="csrf" value="${access.csrf}" />
      <input type="hidden" name="site" value="${site.id}" />
      <input type="hidden" name="section" value="${section}" />
      <label for="desk-language">${t('desk.language.label')}</label>
      <select id="desk-language" name="lang">
        ${LANGUAGES.map((code) => html`<option value="${code}" lang="${code}"${code === lang ? html` selected` : ''}>${translator(code).t('language.name')}</option>`)}
      </select>
      <button type="submit">${t('desk.language.save')}</button>
    </form>
  </footer>`;
}

export function page(options: PageOptions, content: Html): Html {
  const { desk, notice } = options;
  const language = translator(desk ? deskLanguage(desk.access, desk.site) : (options.lang ?? DEFAULT_LANG));
  return pageShell(
    { lang: language.lang, title: `${options.title} · Kommentar`, stylesheet: '/admin/desk.css' },
    html`<header>
        <span class="brand">Kommentar${desk ? html` · ${desk.site.title ?? desk.site.id}` : ''}</span>
        ${desk ? navigation(desk, language) : ''}
      </header>
      <main>
        ${desk ? siteSwitcher(desk, language) : ''}
        ${notice ? html`<p class="notice${notice.error ? ' error' : ''}" role="status">${notice.text}</p>` : ''}
        ${content}
      </main>
      ${desk ? languageChoice(desk, language) : ''}`,
  );
}

/** "1 March 2026, 14:05 UTC" in the desk's language: UTC, so the time is the same on every device. */
export function formatTime(ms: number, { date }: Translator): string {
  return date(ms, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

/** How long ago, as the language says it ("5 minutes ago", "vor 5 Minuten"). */
export function formatAge(ms: number, now: number, { lang }: Translator): string {
  return relativeTime(new Date(ms).toISOString(), now, lang);
}
