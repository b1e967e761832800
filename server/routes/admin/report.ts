/**
 * `GET /admin/report`: the dialogue report as a page. The numbers come from
 * the same buildSiteReport as `kommentar report` and `GET /api/v1/report`,
 * shares rounded to whole percent as the CLI prints them.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { PostReport } from '../../dialogue/index.js';
import { parseWith } from '../../http/input.js';
import { formatPercent } from '../../render/percent.js';
import { reportQuerySchema } from '../../report/report-query.js';
import { buildSiteReport } from '../../report/site-report.js';
import type { DeskEnv } from './env.js';
import { page } from './layout.js';
import { deskSite } from './site.js';

const decimal = (value: number | null) => (value === null ? '–' : String(Math.round(value * 10) / 10));

/** Per-post columns, in the spec's order: header, value. */
const POST_COLUMNS: [string, (post: PostReport) => string | number][] = [
  ['comments', (p) => p.comments],
  ['topLevel', (p) => p.topLevel],
  ['replyShare', (p) => formatPercent(p.replyShare)],
  ['answeredShare', (p) => formatPercent(p.answeredShare)],
  ['maxDepth', (p) => p.maxDepth],
  ['meanDepth', (p) => decimal(p.meanDepth)],
  ['hIndex', (p) => p.hIndex],
  ['participants', (p) => p.participants],
  ['readers', (p) => p.readers],
  ['anonymousShare', (p) => formatPercent(p.anonymousShare)],
  ['reentrants', (p) => p.reentrants],
  ['reciprocalPairs', (p) => p.reciprocalPairs],
  ['exchanges', (p) => p.exchanges],
  ['longestBackAndForth', (p) => p.longestBackAndForth],
  ['authorThreadShare', (p) => formatPercent(p.authorThreadShare)],
  ['authorFirstReplyMedianHours', (p) => decimal(p.authorFirstReplyMedianHours)],
  ['authorAnsweredWithin72hShare', (p) => formatPercent(p.authorAnsweredWithin72hShare)],
  ['waitingForAuthor', (p) => p.waitingForAuthor],
  ['pending', (p) => p.pending],
  ['orphans', (p) => p.orphans],
];

export function reportPageRoutes(ctx: AppContext) {
  return new Hono<DeskEnv>().get('/report', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const from = c.req.query('from') || undefined;
    const to = c.req.query('to') || undefined;
    const query = parseWith(reportQuerySchema, { site: site.id, from, to });
    const report = await buildSiteReport(ctx, site.id, query);
    const s = report.summary;
    const stat = (label: string, value: string | number) => html`<li><b>${value}</b>${label}</li>`;
    return c.html(
      page(
        { title: 'Dialogue report', desk: { access: c.get('desk'), config: ctx.config, site, section: 'report' } },
        html`<h1>Dialogue report</h1>
          <form method="get" action="/admin/report" class="actions">
            ${ctx.config.sites.length > 1 ? html`<input type="hidden" name="site" value="${site.id}" />` : ''}
            <label class="check">From <input type="date" name="from" value="${from ?? ''}" /></label>
            <label class="check">To <input type="date" name="to" value="${to ?? ''}" /></label>
            <button type="submit">Show</button>
          </form>
          <p class="meta">${report.window.from ? `From ${report.window.from.slice(0, 10)} ` : ''}up to ${report.window.to.slice(0, 16).replace('T', ' ')} UTC</p>
          <p>
            You are in real dialogue with <strong id="dialogue-partners">${s.dialoguePartners}</strong>
            ${s.dialoguePartners === 1 ? 'person' : 'people'}${s.dunbar.layer === null ? '' : ` (${s.dunbar.label})`}.
            ${s.waitingForAuthor === 0 ? 'Nobody is waiting for your answer.' : html`<a href="/admin">${s.waitingForAuthor} waiting for your answer</a>.`}
          </p>
          <ul class="stats">
            ${stat('posts', s.posts)} ${stat('with comments', s.postsWithComments)} ${stat('comments', s.comments)}
            ${stat('participants', s.participants)} ${stat('conversation share', formatPercent(s.conversationShare))}
            ${stat('returning commenters', s.returningCommenters)} ${stat('returning comment share', formatPercent(s.returningCommentShare))}
            ${stat('dialogue partners', s.dialoguePartners)} ${stat('waiting for you', s.waitingForAuthor)} ${stat('pending', s.pending)}
          </ul>
          <h2>Shapes</h2>
          <ul class="stats">
            ${stat('conversation', s.shapes.conversation)} ${stat('q-and-a', s.shapes['q-and-a'])} ${stat('applause', s.shapes.applause)}
            ${stat('silence', s.shapes.silence)}
          </ul>
          ${s.dialoguePartnerList.length > 0
            ? html`<h2>Dialogue partners</h2>
                <ul>
                  ${s.dialoguePartnerList.map((p) => html`<li>${p.name ?? 'unnamed'}: ${p.exchanges} exchanges</li>`)}
                </ul>`
            : ''}
          <h2>Months</h2>
          <div class="table-wrap">
            <table>
              <thead><tr><th>month</th><th class="num">comments</th><th class="num">participants</th><th class="num">newcomers</th><th class="num">returning</th><th class="num">exchanges</th></tr></thead>
              <tbody>
                ${s.monthly.map(
                  (m) => html`<tr><td class="when">${m.month}</td><td class="num">${m.comments}</td><td class="num">${m.participants}</td><td class="num">${m.newcomers}</td><td class="num">${m.returning}</td><td class="num">${m.exchanges}</td></tr>`,
                )}
              </tbody>
            </table>
          </div>
          <h2>Newcomer cohorts</h2>
          <div class="table-wrap">
            <table>
              <thead><tr><th>month</th><th class="num">newcomers</th><th class="num">returned within 90 days</th></tr></thead>
              <tbody>
                ${s.cohorts.map((m) => html`<tr><td class="when">${m.month}</td><td class="num">${m.newcomers}</td><td class="num">${m.returnedWithin90d}</td></tr>`)}
              </tbody>
            </table>
          </div>
          <h2>Posts</h2>
          <div class="table-wrap">
            <table id="posts">
              <thead>
                <tr><th>post</th><th>shape</th>${POST_COLUMNS.map(([name]) => html`<th class="num">${name}</th>`)}</tr>
              </thead>
              <tbody>
                ${report.posts.map(
                  (post) => html`<tr data-uri="${post.uri}">
                    <td>${post.title ?? post.uri}</td><td>${post.shape}</td>
                    ${POST_COLUMNS.map(([name, value]) => html`<td class="num" data-field="${name}">${value(post)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
      ),
    );
  });
}
