/** The desk's page shell: header, navigation, site switcher, logout; server-rendered with hono/html (escaped by default). */
import { html } from 'hono/html';
import type { Config, SiteConfig } from '../../config.js';
import { type Html, pageShell } from '../page-shell.js';
import type { DeskAccess } from './env.js';

export type DeskSection = 'inbox' | 'moderation' | 'report' | 'deliveries';

const SECTIONS: { id: DeskSection; label: string; path: string }[] = [
  { id: 'inbox', label: 'Addressed to you', path: '/admin' },
  { id: 'moderation', label: 'Moderation', path: '/admin/moderation' },
  { id: 'report', label: 'Report', path: '/admin/report' },
  { id: 'deliveries', label: 'Deliveries', path: '/admin/deliveries' },
];

export interface PageOptions {
  title: string;
  /** Present on pages behind the login: shows navigation and the logout button. */
  desk?: { access: DeskAccess; config: Config; site: SiteConfig; section: DeskSection };
  /** A one-line message above the content (after an action). */
  notice?: { text: string; error?: boolean };
}

/** A desk URL for `path` on `site` (the site is implicit when the server has only one). */
export function deskUrl(config: Config, path: string, site: SiteConfig, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(config.sites.length > 1 ? { site: site.id } : {}), ...extra }).toString();
  return query ? `${path}?${query}` : path;
}

function navigation(options: NonNullable<PageOptions['desk']>): Html {
  const { access, config, site, section } = options;
  return html`<nav aria-label="Desk">
      ${SECTIONS.map(
        (s) => html`<a href="${deskUrl(config, s.path, site)}" ${s.id === section ? html`aria-current="page"` : ''}>${s.label}</a>`,
      )}
    </nav>
    ${access.via === 'session'
      ? html`<form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${access.csrf}" /><button type="submit">Log out</button></form>`
      : ''}`;
}

function siteSwitcher(options: NonNullable<PageOptions['desk']>): Html | '' {
  const { config, site, section } = options;
  if (config.sites.length < 2) return '';
  const path = SECTIONS.find((s) => s.id === section)!.path;
  return html`<p class="meta">
    Site:
    ${config.sites.map((s) =>
      s.id === site.id ? html`<strong>${s.title ?? s.id}</strong> ` : html`<a href="${deskUrl(config, path, s)}">${s.title ?? s.id}</a> `,
    )}
  </p>`;
}

export function page(options: PageOptions, content: Html): Html {
  const { desk, notice } = options;
  return pageShell(
    { lang: 'en', title: `${options.title} · Kommentar`, stylesheet: '/admin/desk.css' },
    html`<header>
        <span class="brand">Kommentar${desk ? html` · ${desk.site.title ?? desk.site.id}` : ''}</span>
        ${desk ? navigation(desk) : ''}
      </header>
      <main>
        ${desk ? siteSwitcher(desk) : ''}
        ${notice ? html`<p class="notice${notice.error ? ' error' : ''}" role="status">${notice.text}</p>` : ''}
        ${content}
      </main>`,
  );
}

/** `2026-03-01 14:05 UTC`: unambiguous on any phone, whatever its locale. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** How long ago, coarsely: "5 min", "3 h", "2 d". */
export function formatAge(ms: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} d`;
}
