/**
 * The desk's view of conversations elsewhere, shown on the Deliveries page:
 * each post's syndicated copies with their last fetch and error and a
 * "Fetch now" button, and the Webmentions whose verification hit an error.
 * `POST /admin/elsewhere/fetch` fetches one post's copies at once.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { listCopies } from '../../db/syndication.js';
import { webmentionProblems } from '../../db/webmentions.js';
import { fetchPost } from '../../elsewhere/syndication.js';
import { parseWith, requireSite } from '../../http/input.js';
import { threadUri } from '../../comments/schemas.js';
import type { Translator } from '../../i18n/translate.js';
import type { DeskEnv } from './env.js';
import type { Html } from '../page-shell.js';
import { formatTime } from './layout.js';

const PROBLEMS_SHOWN = 20;

/** The section for the Deliveries page. */
export async function elsewhereSection(ctx: AppContext, siteId: string, csrf: string, language: Translator): Promise<Html> {
  const { t } = language;
  const [copies, problems] = await Promise.all([listCopies(ctx.db, siteId), webmentionProblems(ctx.db, siteId, PROBLEMS_SHOWN)]);
  const posts = [...new Set(copies.map((copy) => copy.uri))];
  return html`<h2>${t('desk.elsewhere.heading')}</h2>
    ${posts.length === 0
      ? html`<p class="empty">${t('desk.elsewhere.empty', { key: 'syndication' })}</p>`
      : html`<div class="table-wrap">
          <table id="syndication-copies">
            <thead><tr><th>${t('desk.table.post')}</th><th>${t('desk.table.copy')}</th><th>${t('desk.table.fetched')}</th><th>${t('desk.table.error')}</th><th></th></tr></thead>
            <tbody>
              ${copies.map(
                (copy, i) => html`<tr>
                  <td>${copy.uri}</td>
                  <td><a href="${copy.url}" rel="nofollow noopener">${t(`desk.card.source.${copy.platform}`)}</a></td>
                  <td>${copy.lastFetchedAt === null ? t('desk.elsewhere.notYet') : formatTime(copy.lastFetchedAt, language)}</td>
                  <td>${copy.lastError ?? ''}</td>
                  <td>${i === 0 || copies[i - 1]!.uri !== copy.uri
                    ? html`<form method="post" action="/admin/elsewhere/fetch">
                        <input type="hidden" name="csrf" value="${csrf}" />
                        <input type="hidden" name="site" value="${siteId}" />
                        <input type="hidden" name="uri" value="${copy.uri}" />
                        <button type="submit">${t('desk.elsewhere.fetch')}</button>
                      </form>`
                    : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
    <h3>${t('desk.elsewhere.webmentions')}</h3>
    ${problems.length === 0
      ? html`<p class="empty">${t('desk.noErrors')}</p>`
      : html`<div class="table-wrap">
          <table id="webmention-problems">
            <thead><tr><th>${t('desk.table.when')}</th><th>${t('desk.table.source')}</th><th>${t('desk.table.post')}</th><th>${t('desk.table.state')}</th><th>${t('desk.table.error')}</th></tr></thead>
            <tbody>
              ${problems.map(
                (p) => html`<tr><td>${formatTime(p.updatedAt, language)}</td><td><a href="${p.source}" rel="nofollow noopener">${p.source}</a></td><td>${p.uri}</td><td>${t(`desk.webmention.status.${p.status}`)}</td><td>${p.lastError}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>`}`;
}

const fetchForm = z.object({ site: z.string(), uri: threadUri });

export function elsewhereRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();
  app.post('/elsewhere/fetch', async (c) => {
    const form = parseWith(fetchForm, c.get('form'));
    const site = requireSite(ctx.config, form.site);
    const fetched = await fetchPost(ctx, site, form.uri);
    return c.redirect(`/admin/deliveries?site=${encodeURIComponent(site.id)}&fetched=${fetched}`, 303);
  });
  return app;
}
