/** `GET /admin/deliveries`: what the outbox sent, holds and gave up on; `POST /admin/deliveries/retry` queues the failed again. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import { outboxSummary, requeueFailed } from '../../db/outbox.js';
import { elsewhereSection } from './elsewhere.js';
import type { DeskEnv } from './env.js';
import { formatTime, page } from './layout.js';
import { deskSite } from './site.js';

export function deliveryRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/deliveries', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const summary = await outboxSummary(ctx.db);
    const { smtp, webhook } = ctx.config;
    const requeued = Number(c.req.query('requeued'));
    const fetched = Number(c.req.query('fetched'));
    const elsewhere = await elsewhereSection(ctx, site.id, access.csrf);
    return c.html(
      page(
        {
          title: 'Deliveries',
          desk: { access, config: ctx.config, site, section: 'deliveries' },
          notice:
            Number.isInteger(requeued) && requeued >= 0 && c.req.query('requeued') !== undefined
              ? { text: `${requeued} failed deliveries queued again.` }
              : Number.isInteger(fetched) && fetched >= 0 && c.req.query('fetched') !== undefined
                ? { text: `Fetched: ${fetched} replies read from the copies.` }
                : undefined,
        },
        html`<h1>Emails and webhooks</h1>
          <p class="meta">
            Email: ${smtp ? `on, through ${smtp.host}:${smtp.port}${smtp.authorAddress ? '; new comments are reported to you' : ''}` : 'off (no smtp block in the config)'}.
            Webhook: ${webhook ? `on, to ${new URL(webhook.url).host}` : 'off'}.
          </p>
          <ul class="stats">
            <li><b id="outbox-queued">${summary.queued}</b>queued</li>
            <li><b id="outbox-sent">${summary.sent}</b>sent (30 days)</li>
            <li><b id="outbox-failed">${summary.failed}</b>failed</li>
          </ul>
          ${summary.failed > 0
            ? html`<form method="post" action="/admin/deliveries/retry">
                <input type="hidden" name="csrf" value="${access.csrf}" />
                <button type="submit">Queue the failed ones again</button>
              </form>`
            : ''}
          <h2>Latest errors</h2>
          ${summary.problems.length === 0
            ? html`<p class="empty">No errors.</p>`
            : html`<div class="table-wrap">
                <table id="outbox-problems">
                  <thead><tr><th>when</th><th>what</th><th>state</th><th class="num">attempts</th><th>error</th></tr></thead>
                  <tbody>
                    ${summary.problems.map(
                      (p) => html`<tr><td>${formatTime(p.updatedAt)}</td><td>${p.kind} · ${p.topic}</td><td>${p.status === 'queued' ? 'will retry' : p.status}</td><td class="num">${p.attempts}</td><td>${p.lastError}</td></tr>`,
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
