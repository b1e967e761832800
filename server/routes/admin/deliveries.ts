/** `GET /admin/deliveries`: what the outbox sent, holds and gave up on; `POST /admin/deliveries/retry` queues the failed again. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import { outboxSummary, requeueFailed } from '../../db/outbox.js';
import { translator } from '../../i18n/translate.js';
import { elsewhereSection } from './elsewhere.js';
import { countIn } from './count-query.js';
import type { DeskEnv } from './env.js';
import { deskLanguage, formatTime, page } from './layout.js';
import { deskSite } from './site.js';

export function deliveryRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/deliveries', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const language = translator(deskLanguage(access, site));
    const { t } = language;
    const summary = await outboxSummary(ctx.db);
    const { smtp, webhook } = ctx.config;
    const requeued = countIn(c.req.query(), 'requeued');
    const fetched = countIn(c.req.query(), 'fetched');
    const elsewhere = await elsewhereSection(ctx, site.id, access.csrf, language);
    const email = smtp
      ? [t('desk.deliveries.email.on', { server: `${smtp.host}:${smtp.port}` }), ...(smtp.authorAddress ? [t('desk.deliveries.email.author')] : [])].join(' ')
      : t('desk.deliveries.email.off');
    return c.html(
      page(
        {
          title: t('desk.deliveries.title'),
          desk: { access, config: ctx.config, site, section: 'deliveries' },
          notice:
            requeued !== undefined
              ? { text: t('desk.deliveries.requeued', { n: requeued }) }
              : fetched !== undefined
                ? { text: t('desk.deliveries.fetched', { n: fetched }) }
                : undefined,
        },
        html`<h1>${t('desk.deliveries.heading')}</h1>
          <p class="meta">
            ${email}
            ${webhook ? t('desk.deliveries.webhook.on', { host: new URL(webhook.url).host }) : t('desk.deliveries.webhook.off')}
          </p>
          <ul class="stats">
            <li><b id="outbox-queued">${language.number(summary.queued)}</b>${t('desk.deliveries.queued')}</li>
            <li><b id="outbox-sent">${language.number(summary.sent)}</b>${t('desk.deliveries.sent')}</li>
            <li><b id="outbox-failed">${language.number(summary.failed)}</b>${t('desk.deliveries.failed')}</li>
          </ul>
          ${summary.failed > 0
            ? html`<form method="post" action="/admin/deliveries/retry">
                <input type="hidden" name="csrf" value="${access.csrf}" />
                <button type="submit">${t('desk.deliveries.retry')}</button>
              </form>`
            : ''}
          <h2>${t('desk.deliveries.errors')}</h2>
          ${summary.problems.length === 0
            ? html`<p class="empty">${t('desk.noErrors')}</p>`
            : html`<div class="table-wrap">
                <table id="outbox-problems">
                  <thead><tr><th>${t('desk.table.when')}</th><th>${t('desk.table.what')}</th><th>${t('desk.table.state')}</th><th class="num">${t('desk.table.attempts')}</th><th>${t('desk.table.error')}</th></tr></thead>
                  <tbody>
                    ${summary.problems.map(
                      (p) => html`<tr><td>${formatTime(p.updatedAt, language)}</td><td>${t(`desk.outbox.kind.${p.kind}`)} · ${p.topic}</td><td>${t(`desk.outbox.status.${p.status}`)}</td><td class="num">${language.number(p.attempts)}</td><td>${p.lastError}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </div>`}
          ${elsewhere}`,
      ),
    );
  });

  app.post('/deliveries/retry', async (c) => {
    const count = await requeueFailed(ctx.db, ctx.now());
    return c.redirect(`/admin/deliveries?requeued=${count}`, 303);
  });

  return app;
}
