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
import type { SiteTerm, Term } from '../../server/report/glossary.js';
import { anonymousComments, peopleText } from '../../server/report/people.js';
import type { KommentarBuild } from '../build-data.js';
import { cohortChart } from '../charts/cohorts.js';
import { depthChart, depthCounts } from '../charts/depth.js';
import { dunbarChart } from '../charts/dunbar.js';
import { monthlyChart } from '../charts/monthly.js';
import { trendsChart } from '../charts/trends.js';
import { stringsFor, type Strings } from '../i18n.js';
import { elsewhereLine, freshnessNote, glossaryList, numberGrid, shapePill, textTable, type Headline } from './blocks.js';
import { conversationGallery } from './conversation-map.js';
import { stylesheetLink } from './style.js';
import { waitingComments, waitingList } from './waiting.js';

const SHAPES: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];
/** Waiting readers listed on the overview. */
const WAITING_SHOWN = 100;
/** The site measures the glossary at the page's end explains, in this order. */
const GLOSSARY_TERMS: SiteTerm[] = [
  'dialoguePartners', 'dunbar', 'conversationShare', 'returningCommenters', 'returningCommentShare', 'comments', 'participants', 'waitingForAuthor', 'acknowledged',
  'newcomers', 'returning', 'monthlyConversationShare', 'monthlyReturningShare', 'monthlyAnswerHours', 'cohorts', 'returnedWithin90d',
];

type Pick = (summary: SiteSummary) => number | null;

/** The change of a headline number against the report's previous period (`compareDays` earlier), in words. */
function changeOf(report: DialogueReport, strings: Strings) {
  const { t } = strings;
  return (pick: Pick, share = false): string | undefined => {
    const change = summaryChange(report, pick, share);
    if (!change) return undefined;
    const date = strings.day(change.since);
    if (change.delta === 0) return t('report.change.none', { date });
    const delta = `${change.delta > 0 ? '+' : '−'}${strings.number(Math.abs(change.delta))}`;
    return t('report.change.since', { delta: share ? t('report.change.points', { n: Math.abs(change.delta), delta }) : delta, date });
  };
}

export function renderSitePage(build: KommentarBuild): string {
  const lang = build.options.lang;
  const strings = stringsFor(lang, lang);
  const { t } = strings;
  const head = `${stylesheetLink(build.options.reportPath)}<h1>${escapeHtml(t('report.page.title'))}</h1><p class="kommentar-lede">${escapeHtml(t('report.page.intro'))}</p>`;
  const report = build.report;
  if (!report) return `<div class="kommentar-report" lang="${lang}">${head}${freshnessNote(build)}</div>`;
  const { summary } = report;
  const exchangesNeeded = report.options.partnerMinExchanges;
  const change = changeOf(report, strings);
  const anonymous = report.posts.reduce((sum, post) => sum + anonymousComments(post), 0);
  const count = (n: number) => strings.number(n);
  const term = (name: SiteTerm) => strings.site(name);
  const layerText = strings.dunbarSentence(summary.dunbar.layer, summary.dunbar.partners);

  const dialogue =
    `<p class="kommentar-lede"><strong>${escapeHtml(t('report.page.inDialogue', { n: summary.dialoguePartners, times: t('report.count.times', { n: exchangesNeeded }) }))}</strong> ` +
    `${escapeHtml(layerText)}</p>`;
  const headlines: Headline[] = [
    { ...term('dialoguePartners'), value: count(summary.dialoguePartners), meaning: strings.partnerRule(exchangesNeeded), change: change((s) => s.dialoguePartners) },
    { ...term('conversationShare'), value: strings.share(summary.conversationShare), change: change((s) => s.conversationShare, true), href: '#kommentar-posts-section' },
    { ...term('returningCommenters'), value: count(summary.returningCommenters), change: change((s) => s.returningCommenters), href: '#kommentar-returning' },
    { ...term('comments'), value: count(summary.comments), change: change((s) => s.comments) },
    { ...term('participants'), value: count(summary.participants), meaning: t('report.page.tookPart', { people: peopleText(strings, summary.participants, anonymous) }), change: change((s) => s.participants) },
    {
      ...term('waitingForAuthor'),
      value: count(summary.waitingForAuthor),
      meaning: term('waitingForAuthor').meaning + (summary.acknowledged > 0 ? ` ${t('report.page.acknowledgedNote', { n: summary.acknowledged })}` : ''),
      href: '#kommentar-waiting',
    },
  ];
  const secondary: Headline[] = [
    { ...term('postsWithComments'), value: count(summary.postsWithComments), change: change((s) => s.postsWithComments) },
    { ...term('returningCommentShare'), value: strings.share(summary.returningCommentShare), change: change((s) => s.returningCommentShare, true) },
    { ...term('acknowledged'), value: count(summary.acknowledged) },
  ];
  const where = summary.sources && summary.reactions ? elsewhereLine(summary.sources, summary.reactions, strings) : '';
  const elsewhere = where ? `<p class="kommentar-note kommentar-elsewhere">${escapeHtml(where)}</p>` : '';
  const glance = `<h2>${escapeHtml(t('report.page.glance'))}</h2>${numberGrid(headlines)}${numberGrid(secondary, 'kommentar-numbers--small')}`;

  const conversation =
    `<h2>${escapeHtml(t('report.page.conversationHeading'))}</h2>` +
    dunbarChart(summary.dialoguePartners, { id: 'kommentar-dunbar', strings, layerText }) +
    `<p class="kommentar-note">${escapeHtml(term('dunbar').meaning)}</p>` +
    trendsChart(summary.monthly, {
      id: 'kommentar-trends',
      strings,
      panels: { conversation: term('monthlyConversationShare').label, returning: term('monthlyReturningShare').label, answerHours: term('monthlyAnswerHours').label },
    });

  const returning =
    `<h2 id="kommentar-returning">${escapeHtml(t('report.page.returningHeading'))}</h2>` +
    monthlyChart(summary.monthly, { id: 'kommentar-monthly', strings }) +
    cohortChart(summary.cohorts, { id: 'kommentar-cohorts', strings });

  const shapes = textTable(
    t('report.page.postsQuestion'),
    [t('report.column.shape'), t('report.column.posts'), t('report.column.rule')],
    SHAPES.map((shape) => [strings.shapeName(shape), summary.shapes[shape], { text: strings.shapeRule(shape) }]),
    'kommentar-shapes',
  );
  const allComments = [...build.data.threads.values()].flatMap((thread) => thread.comments);
  const gallery = conversationGallery(build, strings);
  const columns = ['post', 'shape', 'comments', 'people', 'deepest', 'secondRounds', 'open', 'anonymous'] as const;
  const posts = textTable(
    t('report.page.postsHeading'),
    columns.map((column) => t(`report.column.${column}`)),
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
    `<h2 id="kommentar-posts-section">${escapeHtml(t('report.page.postsQuestion'))}</h2>${shapes}` +
    gallery +
    depthChart(depthCounts(allComments), { id: 'kommentar-depth', strings }) +
    `<h3>${escapeHtml(t('report.page.postsHeading'))}</h3>${posts}`;

  // The newest ones: an old question nobody answered is rarely still waiting. Each post's page lists all of its own.
  const { comments: recent, total } = waitingComments(build, report.posts, WAITING_SHOWN);
  const more = total > recent.length ? `<p class="kommentar-note">${escapeHtml(t('report.page.waitingMore', { n: total - recent.length }))}</p>` : '';
  const acknowledged = summary.acknowledged > 0 ? `<p class="kommentar-note">${escapeHtml(t('report.page.acknowledgedNote', { n: summary.acknowledged }))}</p>` : '';
  const waiting = `<h2 id="kommentar-waiting">${escapeHtml(t('report.page.waitingHeading'))}</h2>${waitingList(recent, strings, true)}${more}${acknowledged}`;

  const terms: Term[] = [
    ...GLOSSARY_TERMS.map(term),
    { label: term('dialoguePartners').label, meaning: strings.partnerRule(exchangesNeeded) },
    ...SHAPES.map((shape) => ({ label: strings.shapeName(shape), meaning: strings.shapeRule(shape) })),
    strings.post('exchanges'),
    strings.post('maxDepth'),
  ];

  return (
    `<div class="kommentar-report" lang="${lang}">${head}${freshnessNote(build)}${dialogue}${glance}${elsewhere}` +
    `${conversation}${returning}${postsSection}${waiting}${glossaryList(t('report.page.glossaryHeading'), terms)}</div>`
  );
}
