/**
 * `GET /admin/report`: the dialogue report as a page for the author, around
 * the same questions as the site's dialogue page (am I in conversation, who
 * comes back, which posts started conversations, who is open for me), in
 * the glossary's words, never the JSON field names. The numbers come from
 * the same buildSiteReport as `kommentar report` and `GET /api/v1/report`.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { DialogueReport, PostReport, PostShape, SiteSummary } from '../../dialogue/index.js';
import { parseWith } from '../../http/input.js';
import { formatPercent } from '../../render/percent.js';
import { summaryChange } from '../../report/change.js';
import { glossary, type PostTerm, type Term } from '../../report/glossary.js';
import { anonymousComments, peopleText } from '../../report/people.js';
import { reportQuerySchema } from '../../report/report-query.js';
import { openForAuthorSentence } from '../../report/report-text.js';
import { buildSiteReport } from '../../report/site-report.js';
import type { DeskEnv } from './env.js';
import type { Html } from '../page-shell.js';
import { deskUrl, page } from './layout.js';
import { deskSite } from './site.js';

const words = glossary('en');
/** The headline numbers compare with the report as it stood this many days earlier. */
const COMPARE_DAYS = 30;
const SHAPES: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];

const decimal = (value: number | null) => (value === null ? '–' : String(Math.round(value * 10) / 10));

/** Per-post columns, in the spec's order: field, value (the header is the glossary's label). */
const POST_COLUMNS: [PostTerm, (post: PostReport) => string | number][] = [
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
  ['acknowledged', (p) => p.acknowledged],
  ['pending', (p) => p.pending],
  ['orphans', (p) => p.orphans],
];

/** "+3 since 2026-11-02", from the shared change rule. */
function changeText(report: DialogueReport, pick: (s: SiteSummary) => number | null, share = false): string {
  const change = summaryChange(report, pick, share);
  if (!change) return '';
  const since = change.since.slice(0, 10);
  if (change.delta === 0) return `no change since ${since}`;
  return `${change.delta > 0 ? '+' : '−'}${Math.abs(change.delta)}${share ? ' points' : ''} since ${since}`;
}

function headline(term: Term, value: string | number, change: string, meaning = term.meaning): Html {
  return html`<li><span class="label">${term.label}</span><b>${value}</b><span class="meaning">${meaning}</span>${change ? html`<span class="change">${change}</span>` : ''}</li>`;
}

function postCard(post: PostReport): Html {
  const line = [
    `${post.comments} comment${post.comments === 1 ? '' : 's'}`,
    peopleText(post.participants, anonymousComments(post), 'en'),
    `deepest reply at level ${post.maxDepth}`,
    `${post.exchanges} second round${post.exchanges === 1 ? '' : 's'}`,
    post.waitingForAuthor > 0 ? `${post.waitingForAuthor} open for you` : '',
    post.acknowledged > 0 ? `${post.acknowledged} no answer needed` : '',
  ].filter(Boolean);
  return html`<li><strong>${post.title ?? post.uri}</strong> <span class="shape">${words.shapes[post.shape].name}</span><br /><span class="meta">${line.join(' · ')}</span></li>`;
}

function glossaryView(minExchanges: number): Html {
  const terms: Term[] = [
    ...SHAPES.map((shape) => ({ label: words.shapes[shape].name, meaning: words.shapes[shape].rule })),
    { label: words.site.dialoguePartners.label, meaning: words.partnerRule(minExchanges) },
    words.site.dunbar,
    words.site.returningCommenters,
    words.site.returningCommentShare,
    words.site.cohorts,
    ...POST_COLUMNS.map(([field]) => words.post[field]),
  ];
  return html`<details class="glossary"><summary>What the numbers mean</summary><dl>${terms.map((t) => html`<dt>${t.label}</dt><dd>${t.meaning}</dd>`)}</dl></details>`;
}

export function reportPageRoutes(ctx: AppContext) {
  return new Hono<DeskEnv>().get('/report', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const from = c.req.query('from') || undefined;
    const to = c.req.query('to') || undefined;
    const query = parseWith(reportQuerySchema, { site: site.id, from, to });
    const report = await buildSiteReport(ctx, site.id, { ...query, compareDays: COMPARE_DAYS });
    const s = report.summary;
    const anonymous = report.posts.reduce((sum, post) => sum + anonymousComments(post), 0);
    const byComments = [...report.posts].filter((p) => p.comments > 0).sort((a, b) => b.comments - a.comments || a.uri.localeCompare(b.uri));
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
          <p class="meta">${report.window.from ? `From ${report.window.from.slice(0, 10)} ` : ''}up to ${report.window.to.slice(0, 16).replace('T', ' ')} UTC; changes against the same report ${COMPARE_DAYS} days earlier.</p>
          <p class="lede">
            You are in real dialogue with <strong id="dialogue-partners">${s.dialoguePartners}</strong>
            ${s.dialoguePartners === 1 ? 'person' : 'people'}${s.dunbar.layer === null ? '' : ` (Dunbar’s ${s.dunbar.label})`}.
            <a href="${deskUrl(ctx.config, '/admin', site)}">${openForAuthorSentence(s.waitingForAuthor, s.acknowledged)}</a>
          </p>
          <h2>At a glance</h2>
          <ul class="stats headlines">
            ${headline(words.site.dialoguePartners, s.dialoguePartners, changeText(report, (x) => x.dialoguePartners), words.partnerRule(report.options.partnerMinExchanges))}
            ${headline(words.site.conversationShare, formatPercent(s.conversationShare), changeText(report, (x) => x.conversationShare, true))}
            ${headline(words.site.returningCommenters, s.returningCommenters, changeText(report, (x) => x.returningCommenters))}
            ${headline(words.site.comments, s.comments, changeText(report, (x) => x.comments))}
            ${headline(words.site.participants, s.participants, changeText(report, (x) => x.participants), `${peopleText(s.participants, anonymous, 'en')} took part. ${words.site.participants.meaning}`)}
            ${headline(words.site.waitingForAuthor, s.waitingForAuthor, '')}
          </ul>
          <ul class="stats">
            ${headline(words.site.postsWithComments, `${s.postsWithComments} of ${s.posts}`, '')}
            ${headline(words.site.returningCommentShare, formatPercent(s.returningCommentShare), '')}
            ${headline(words.site.acknowledged, s.acknowledged, '')} ${headline(words.site.pending, s.pending, '')}
          </ul>
          ${s.dialoguePartnerList.length > 0
            ? html`<h2>Your dialogue partners</h2>
                <ul>
                  ${s.dialoguePartnerList.map((p) => html`<li>${p.name ?? 'unnamed'}: ${p.exchanges} second rounds with you</li>`)}
                </ul>`
            : ''}
          <h2>Month by month</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr><th>Month</th><th class="num">Comments</th><th class="num">${words.site.newcomers.label}</th><th class="num">${words.site.returning.label}</th>
                  <th class="num">${words.site.monthlyConversationShare.label}</th><th class="num">${words.site.monthlyAnswerHours.label} (h)</th></tr>
              </thead>
              <tbody>
                ${s.monthly.map(
                  (m) => html`<tr><td class="when">${m.month}</td><td class="num">${m.comments}</td><td class="num">${m.newcomers}</td><td class="num">${m.returning}</td>
                    <td class="num">${formatPercent(m.postsStarted > 0 ? m.conversationsStarted / m.postsStarted : null)}</td><td class="num">${decimal(m.authorFirstReplyMedianHours)}</td></tr>`,
                )}
              </tbody>
            </table>
          </div>
          <h2>${words.site.cohorts.label}</h2>
          <p class="meta">${words.site.cohorts.meaning}</p>
          <div class="table-wrap">
            <table>
              <thead><tr><th>First month</th><th class="num">${words.site.newcomers.label}</th><th class="num">${words.site.returnedWithin90d.label}</th></tr></thead>
              <tbody>
                ${s.cohorts.map((m) => html`<tr><td class="when">${m.month}</td><td class="num">${m.newcomers}</td><td class="num">${m.returnedWithin90d}</td></tr>`)}
              </tbody>
            </table>
          </div>
          <h2>Which posts started conversations</h2>
          <ul class="shapes">
            ${SHAPES.map((shape) => html`<li><strong>${words.shapes[shape].name}: ${s.shapes[shape]}</strong> <span class="meta">${words.shapes[shape].rule}</span></li>`)}
          </ul>
          <ul class="posts">
            ${byComments.map(postCard)}
          </ul>
          <details>
            <summary>Every measure per post</summary>
            <div class="table-wrap">
              <table id="posts">
                <thead>
                  <tr><th>Post</th><th>Shape</th>${POST_COLUMNS.map(([field]) => html`<th class="num" title="${words.post[field].meaning}">${words.post[field].label}</th>`)}</tr>
                </thead>
                <tbody>
                  ${report.posts.map(
                    (post) => html`<tr data-uri="${post.uri}">
                      <td>${post.title ?? post.uri}</td><td>${words.shapes[post.shape].name}</td>
                      ${POST_COLUMNS.map(([name, value]) => html`<td class="num" data-field="${name}">${value(post)}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </details>
          ${glossaryView(report.options.partnerMinExchanges)}`,
      ),
    );
  });
}
