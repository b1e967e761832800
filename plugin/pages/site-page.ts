/**
 * The site's dialogue page (default /dialogue/), built around what an author
 * asks: am I in conversation with my readers, who comes back, which posts
 * started conversations and why, who is waiting for me. A few headline
 * numbers first, each with its meaning and its change, then one section per
 * question. Plain HTML and SVG, no script.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { DialogueReport, PostShape, SiteSummary } from '../../server/dialogue/types.js';
import { summaryChange } from '../../server/report/change.js';
import { anonymousComments, peopleText } from '../../server/report/people.js';
import type { KommentarBuild } from '../build-data.js';
import { cohortChart } from '../charts/cohorts.js';
import { depthChart, depthCounts } from '../charts/depth.js';
import { dunbarChart } from '../charts/dunbar.js';
import { monthlyChart } from '../charts/monthly.js';
import { trendsChart } from '../charts/trends.js';
import { formatDate, formatShare, stringsFor, type Lang, type Strings } from '../i18n.js';
import { freshnessNote, glossaryList, numberGrid, shapePill, textTable, type Headline } from './blocks.js';
import { conversationGallery } from './conversation-map.js';
import { REPORT_CSS } from './style.js';
import { waitingComments, waitingList } from './waiting.js';

const SHAPES: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];
/** Waiting readers listed on the overview. */
const WAITING_SHOWN = 100;

type Pick = (summary: SiteSummary) => number | null;

/** The change of a headline number against the report's previous period (`compareDays` earlier), in words. */
function changeOf(report: DialogueReport, strings: Strings, lang: Lang) {
  return (pick: Pick, share = false): string | undefined => {
    const change = summaryChange(report, pick, share);
    if (!change) return undefined;
    const date = formatDate(change.since, lang);
    if (change.delta === 0) return strings.noChangeSince(date);
    return strings.changeSince(share ? strings.points(change.delta) : `${change.delta > 0 ? '+' : '−'}${Math.abs(change.delta)}`, date);
  };
}

export function renderSitePage(build: KommentarBuild): string {
  const lang = build.options.lang;
  const strings = stringsFor(lang, lang);
  const words = strings.words;
  const head = `<style>${REPORT_CSS}</style><h1>${escapeHtml(strings.dialogueTitle)}</h1><p class="kommentar-lede">${escapeHtml(strings.dialogueIntro)}</p>`;
  const report = build.report;
  if (!report) return `<div class="kommentar-report" lang="${lang}">${head}${freshnessNote(build)}</div>`;
  const { summary } = report;
  const exchangesNeeded = report.options.partnerMinExchanges;
  const change = changeOf(report, strings, lang);
  const anonymous = report.posts.reduce((sum, post) => sum + anonymousComments(post), 0);

  const dialogue =
    `<p class="kommentar-lede"><strong>${escapeHtml(strings.inDialogueWith(summary.dialoguePartners, exchangesNeeded))}</strong> ` +
    `${escapeHtml(strings.dunbarLayer(summary.dunbar.layer, summary.dunbar.partners))}</p>`;
  const headlines: Headline[] = [
    { label: words.site.dialoguePartners.label, value: String(summary.dialoguePartners), meaning: words.partnerRule(exchangesNeeded), change: change((s) => s.dialoguePartners) },
    { label: words.site.conversationShare.label, value: formatShare(summary.conversationShare, lang), meaning: words.site.conversationShare.meaning, change: change((s) => s.conversationShare, true), href: '#kommentar-posts-section' },
    { label: words.site.returningCommenters.label, value: String(summary.returningCommenters), meaning: words.site.returningCommenters.meaning, change: change((s) => s.returningCommenters), href: '#kommentar-returning' },
    { label: words.site.comments.label, value: String(summary.comments), meaning: words.site.comments.meaning, change: change((s) => s.comments) },
    { label: words.site.participants.label, value: String(summary.participants), meaning: strings.tookPart(peopleText(summary.participants, anonymous, lang)), change: change((s) => s.participants) },
    {
      label: words.site.waitingForAuthor.label,
      value: String(summary.waitingForAuthor),
      meaning: words.site.waitingForAuthor.meaning + (summary.acknowledged > 0 ? ` ${strings.acknowledgedNote(summary.acknowledged)}` : ''),
      href: '#kommentar-waiting',
    },
  ];
  const secondary: Headline[] = [
    { label: words.site.postsWithComments.label, value: String(summary.postsWithComments), meaning: words.site.postsWithComments.meaning, change: change((s) => s.postsWithComments) },
    { label: words.site.returningCommentShare.label, value: formatShare(summary.returningCommentShare, lang), meaning: words.site.returningCommentShare.meaning, change: change((s) => s.returningCommentShare, true) },
    { label: words.site.acknowledged.label, value: String(summary.acknowledged), meaning: words.site.acknowledged.meaning },
  ];
  const where = summary.sources && summary.reactions ? strings.elsewhereLine(summary.sources, summary.reactions) : '';
  const elsewhere = where ? `<p class="kommentar-note kommentar-elsewhere">${escapeHtml(where)}</p>` : '';
  const glance = `<h2>${escapeHtml(strings.glanceHeading)}</h2>${numberGrid(headlines)}${numberGrid(secondary, 'kommentar-numbers--small')}`;

  const conversation =
    `<h2>${escapeHtml(strings.conversationHeading)}</h2>` +
    dunbarChart(summary.dialoguePartners, {
      id: 'kommentar-dunbar',
      labels: strings.chart,
      layerName: strings.layerName,
      layerText: strings.dunbarLayer(summary.dunbar.layer, summary.dunbar.partners),
    }) +
    `<p class="kommentar-note">${escapeHtml(words.site.dunbar.meaning)}</p>` +
    trendsChart(summary.monthly, {
      id: 'kommentar-trends',
      labels: strings.chart,
      lang,
      panels: { conversation: words.site.monthlyConversationShare.label, returning: words.site.monthlyReturningShare.label, answerHours: words.site.monthlyAnswerHours.label },
    });

  const returning =
    `<h2 id="kommentar-returning">${escapeHtml(strings.returningHeading)}</h2>` +
    monthlyChart(summary.monthly, { id: 'kommentar-monthly', labels: strings.chart }) +
    cohortChart(summary.cohorts, { id: 'kommentar-cohorts', labels: strings.chart, lang });

  const shapes = textTable(
    strings.postsQuestion,
    strings.shapeColumns,
    SHAPES.map((shape) => [words.shapes[shape].name, summary.shapes[shape], { text: words.shapes[shape].rule }]),
    'kommentar-shapes',
  );
  const allComments = [...build.data.threads.values()].flatMap((thread) => thread.comments);
  const gallery = conversationGallery(build, strings);
  const c = strings.postColumns;
  const posts = textTable(
    strings.postsHeading,
    [c.post, c.shape, c.comments, c.people, c.deepest, c.exchanges, c.waiting, c.anonymous],
    report.posts.map((post) => {
      const path = build.postPagePath(post.uri);
      const title = escapeHtml(build.titleOf(post.uri));
      return [
        { html: path ? `<a href="${escapeHtml(path)}">${title}</a>` : title },
        { html: shapePill(post.shape, strings) },
        post.comments,
        post.participants,
        post.maxDepth,
        post.exchanges,
        post.waitingForAuthor,
        anonymousComments(post),
      ];
    }),
    'kommentar-posts',
  );
  const postsSection =
    `<h2 id="kommentar-posts-section">${escapeHtml(strings.postsQuestion)}</h2>${shapes}` +
    gallery +
    depthChart(depthCounts(allComments), { id: 'kommentar-depth', labels: strings.chart, lang }) +
    `<h3>${escapeHtml(strings.postsHeading)}</h3>${posts}`;

  // The newest ones: an old question nobody answered is rarely still waiting. Each post's page lists all of its own.
  const { comments: recent, total } = waitingComments(build, report.posts, WAITING_SHOWN);
  const more = total > recent.length ? `<p class="kommentar-note">${escapeHtml(strings.waitingMore(total - recent.length))}</p>` : '';
  const acknowledged = summary.acknowledged > 0 ? `<p class="kommentar-note">${escapeHtml(strings.acknowledgedNote(summary.acknowledged))}</p>` : '';
  const waiting = `<h2 id="kommentar-waiting">${escapeHtml(strings.waitingHeading)}</h2>${waitingList(recent, strings, lang, true)}${more}${acknowledged}`;

  const terms = [
    ...(['dialoguePartners', 'dunbar', 'conversationShare', 'returningCommenters', 'returningCommentShare', 'comments', 'participants', 'waitingForAuthor', 'acknowledged',
      'newcomers', 'returning', 'monthlyConversationShare', 'monthlyReturningShare', 'monthlyAnswerHours', 'cohorts', 'returnedWithin90d'] as const).map((key) => words.site[key]),
    { label: words.site.dialoguePartners.label, meaning: words.partnerRule(exchangesNeeded) },
    ...SHAPES.map((shape) => ({ label: words.shapes[shape].name, meaning: words.shapes[shape].rule })),
    words.post.exchanges,
    words.post.maxDepth,
  ];

  return (
    `<div class="kommentar-report" lang="${lang}">${head}${freshnessNote(build)}${dialogue}${glance}${elsewhere}` +
    `${conversation}${returning}${postsSection}${waiting}${glossaryList(strings.glossaryHeading, terms)}</div>`
  );
}

