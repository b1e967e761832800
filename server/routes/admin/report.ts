/**
 * `GET /admin/report`: the dialogue report as a page for the author, around
 * the same questions as the site's dialogue page (am I in conversation, who
 * comes back, which posts started conversations, who is open for me), in
 * the report's words (in the desk's language), never the JSON field names. The numbers come from
 * the same buildSiteReport as `kommentar report` and `GET /api/v1/report`.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext } from '../../context.js';
import type { DialogueReport, PostReport, PostShape, SiteSummary } from '../../dialogue/index.js';
import { parseWith } from '../../http/input.js';
import { summaryChange } from '../../report/change.js';
import { reportWords, type PostTerm, type ReportWords, type Term } from '../../report/glossary.js';
import { anonymousComments, peopleText } from '../../report/people.js';
import { reportQuerySchema } from '../../report/report-query.js';
import { openForAuthorSentence, windowText } from '../../report/report-text.js';
import { buildSiteReport } from '../../report/site-report.js';
import type { DeskEnv } from './env.js';
import type { Html } from '../page-shell.js';
import { deskLanguage, deskUrl, page } from './layout.js';
import { deskSite } from './site.js';

/** The headline numbers compare with the report as it stood this many days earlier. */
const COMPARE_DAYS = 30;
const SHAPES: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];

/** Per-post columns, in the spec's order: field, value (the header is the measure's label). */
const POST_COLUMNS: [PostTerm, (post: PostReport, words: ReportWords) => string | number][] = [
  ['comments', (p) => p.comments],
  ['topLevel', (p) => p.topLevel],
  ['replyShare', (p, w) => w.share(p.replyShare)],
  ['answeredShare', (p, w) => w.share(p.answeredShare)],
  ['maxDepth', (p) => p.maxDepth],
  ['meanDepth', (p, w) => w.decimal(p.meanDepth)],
  ['hIndex', (p) => p.hIndex],
  ['participants', (p) => p.participants],
  ['readers', (p) => p.readers],
  ['anonymousShare', (p, w) => w.share(p.anonymousShare)],
  ['reentrants', (p) => p.reentrants],
  ['reciprocalPairs', (p) => p.reciprocalPairs],
  ['exchanges', (p) => p.exchanges],
  ['longestBackAndForth', (p) => p.longestBackAndForth],
  ['authorThreadShare', (p, w) => w.share(p.authorThreadShare)],
  ['authorFirstReplyMedianHours', (p, w) => w.decimal(p.authorFirstReplyMedianHours)],
  ['authorAnsweredWithin72hShare', (p, w) => w.share(p.authorAnsweredWithin72hShare)],
  ['waitingForAuthor', (p) => p.waitingForAuthor],
  ['acknowledged', (p) => p.acknowledged],
  ['pending', (p) => p.pending],
  ['orphans', (p) => p.orphans],
];

/** "+3 since 2 November 2026", from the shared change rule. */
function changeText(words: ReportWords, report: DialogueReport, pick: (s: SiteSummary) => number | null, share = false): string {
  const change = summaryChange(report, pick, share);
  if (!change) return '';
  const date = words.day(change.since);
  if (change.delta === 0) return words.t('report.change.none', { date });
  const delta = `${change.delta > 0 ? '+' : '−'}${words.number(Math.abs(change.delta))}`;
  return words.t('report.change.since', { delta: share ? words.t('report.change.points', { n: Math.abs(change.delta), delta }) : delta, date });
}

function headline(term: Term, value: string | number, change: string, meaning = term.meaning): Html {
  return html`<li><span class="label">${term.label}</span><b>${value}</b><span class="meaning">${meaning}</span>${change ? html`<span class="change">${change}</span>` : ''}</li>`;
}

function postCard(words: ReportWords, post: PostReport): Html {
  const { t } = words;
  const line = [
    t('report.count.comments', { n: post.comments }),
    peopleText(words, post.participants, anonymousComments(post)),
    t('report.text.deepest', { n: post.maxDepth }),
    t('report.count.secondRounds', { n: post.exchanges }),
    post.waitingForAuthor > 0 ? t('report.text.openForYou', { n: post.waitingForAuthor }) : '',
    post.acknowledged > 0 ? t('report.text.noAnswerNeeded', { n: post.acknowledged }) : '',
  ].filter(Boolean);
  return html`<li><strong>${post.title ?? post.uri}</strong> <span class="shape">${words.shapeName(post.shape)}</span><br /><span class="meta">${line.join(' · ')}</span></li>`;
}

function glossaryView(words: ReportWords, minExchanges: number): Html {
  const terms: Term[] = [
    ...SHAPES.map((shape) => ({ label: words.shapeName(shape), meaning: words.shapeRule(shape) })),
    { label: words.site('dialoguePartners').label, meaning: words.partnerRule(minExchanges) },
    words.site('dunbar'),
    words.site('returningCommenters'),
    words.site('returningCommentShare'),
    words.site('cohorts'),
    ...POST_COLUMNS.map(([field]) => words.post(field)),
  ];
  return html`<details class="glossary"><summary>${words.t('report.page.glossaryHeading')}</summary><dl>${terms.map((t) => html`<dt>${t.label}</dt><dd>${t.meaning}</dd>`)}</dl></details>`;
}

export function reportPageRoutes(ctx: AppContext) {
  return new Hono<DeskEnv>().get('/report', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const words = reportWords(deskLanguage(c.get('desk'), site));
    const { t } = words;
    const from = c.req.query('from') || undefined;
    const to = c.req.query('to') || undefined;
    const query = parseWith(reportQuerySchema, { site: site.id, from, to });
    const report = await buildSiteReport(ctx, site.id, { ...query, compareDays: COMPARE_DAYS });
    const s = report.summary;
    const anonymous = report.posts.reduce((sum, post) => sum + anonymousComments(post), 0);
    const byComments = [...report.posts].filter((p) => p.comments > 0).sort((a, b) => b.comments - a.comments || a.uri.localeCompare(b.uri));
    const change = (pick: (s: SiteSummary) => number | null, share = false) => changeText(words, report, pick, share);
    return c.html(
      page(
        { title: t('report.desk.title'), desk: { access: c.get('desk'), config: ctx.config, site, section: 'report' } },
        html`<h1>${t('report.desk.title')}</h1>
          <form method="get" action="/admin/report" class="actions">
            ${ctx.config.sites.length > 1 ? html`<input type="hidden" name="site" value="${site.id}" />` : ''}
            <label class="check">${t('report.desk.from')} <input type="date" name="from" value="${from ?? ''}" /></label>
            <label class="check">${t('report.desk.to')} <input type="date" name="to" value="${to ?? ''}" /></label>
            <button type="submit">${t('report.desk.show')}</button>
          </form>
          <p class="meta">${t('report.desk.window', { window: windowText(words, report.window), n: COMPARE_DAYS })}</p>
          <p class="lede">
            <strong id="dialogue-partners">${t('report.text.inDialogue', { n: s.dialoguePartners })}</strong>
            ${s.dunbar.layer === null ? '' : words.dunbarSentence(s.dunbar.layer, s.dunbar.partners)}
            <a href="${deskUrl(ctx.config, '/admin', site)}">${openForAuthorSentence(words, s.waitingForAuthor, s.acknowledged)}</a>
          </p>
          <h2>${t('report.page.glance')}</h2>
          <ul class="stats headlines">
            ${headline(words.site('dialoguePartners'), words.number(s.dialoguePartners), change((x) => x.dialoguePartners), words.partnerRule(report.options.partnerMinExchanges))}
            ${headline(words.site('conversationShare'), words.share(s.conversationShare), change((x) => x.conversationShare, true))}
            ${headline(words.site('returningCommenters'), words.number(s.returningCommenters), change((x) => x.returningCommenters))}
            ${headline(words.site('comments'), words.number(s.comments), change((x) => x.comments))}
            ${headline(words.site('participants'), words.number(s.participants), change((x) => x.participants), `${t('report.page.tookPart', { people: peopleText(words, s.participants, anonymous) })} ${words.site('participants').meaning}`)}
            ${headline(words.site('waitingForAuthor'), words.number(s.waitingForAuthor), '')}
          </ul>
          <ul class="stats">
            ${headline(words.site('postsWithComments'), t('report.desk.postsOf', { n: s.postsWithComments, total: s.posts }), '')}
            ${headline(words.site('returningCommentShare'), words.share(s.returningCommentShare), '')}
            ${headline(words.site('acknowledged'), words.number(s.acknowledged), '')} ${headline(words.site('pending'), words.number(s.pending), '')}
          </ul>
          ${s.dialoguePartnerList.length > 0
            ? html`<h2>${t('report.desk.partnersHeading')}</h2>
                <ul>
                  ${s.dialoguePartnerList.map((p) => html`<li>${t('report.desk.partner', { name: p.name ?? t('report.desk.unnamed'), n: p.exchanges })}</li>`)}
                </ul>`
            : ''}
          <h2>${t('report.chart.trends.title')}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr><th>${t('report.column.month')}</th><th class="num">${t('report.column.comments')}</th><th class="num">${words.site('newcomers').label}</th><th class="num">${words.site('returning').label}</th>
                  <th class="num">${words.site('monthlyConversationShare').label}</th><th class="num">${words.site('monthlyAnswerHours').label}</th></tr>
              </thead>
              <tbody>
                ${s.monthly.map(
                  (m) => html`<tr><td class="when">${m.month}</td><td class="num">${m.comments}</td><td class="num">${m.newcomers}</td><td class="num">${m.returning}</td>
                    <td class="num">${words.share(m.postsStarted > 0 ? m.conversationsStarted / m.postsStarted : null)}</td><td class="num">${words.hours(m.authorFirstReplyMedianHours)}</td></tr>`,
                )}
              </tbody>
            </table>
          </div>
          <h2>${words.site('cohorts').label}</h2>
          <p class="meta">${words.site('cohorts').meaning}</p>
          <div class="table-wrap">
            <table>
              <thead><tr><th>${t('report.column.firstMonth')}</th><th class="num">${words.site('newcomers').label}</th><th class="num">${words.site('returnedWithin90d').label}</th></tr></thead>
              <tbody>
                ${s.cohorts.map((m) => html`<tr><td class="when">${m.month}</td><td class="num">${m.newcomers}</td><td class="num">${m.returnedWithin90d}</td></tr>`)}
              </tbody>
            </table>
          </div>
          <h2>${t('report.desk.shapesHeading')}</h2>
          <ul class="shapes">
            ${SHAPES.map((shape) => html`<li><strong>${t('report.text.shapeCount', { shape: words.shapeName(shape), n: s.shapes[shape] })}</strong> <span class="meta">${words.shapeRule(shape)}</span></li>`)}
          </ul>
          <ul class="posts">
            ${byComments.map((post) => postCard(words, post))}
          </ul>
          <details>
            <summary>${t('report.desk.everyMeasure')}</summary>
            <div class="table-wrap">
              <table id="posts">
                <thead>
                  <tr><th>${t('report.column.post')}</th><th>${t('report.column.shape')}</th>${POST_COLUMNS.map(([field]) => html`<th class="num" title="${words.post(field).meaning}">${words.post(field).label}</th>`)}</tr>
                </thead>
                <tbody>
                  ${report.posts.map(
                    (post) => html`<tr data-uri="${post.uri}">
                      <td>${post.title ?? post.uri}</td><td>${words.shapeName(post.shape)}</td>
                      ${POST_COLUMNS.map(([name, value]) => html`<td class="num" data-field="${name}">${value(post, words)}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </details>
          ${glossaryView(words, report.options.partnerMinExchanges)}`,
      ),
    );
  });
}
