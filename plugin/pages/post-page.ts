/**
 * One post's dialogue page: a compact summary on top (what Discourse's topic
 * map does under a topic), the conversation map with one colour per person,
 * the thread over time, then every number with what it means, and the
 * comments still open for the author.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { PostReport } from '../../server/dialogue/types.js';
import type { PostTerm } from '../../server/report/glossary.js';
import { anonymousComments, peopleText } from '../../server/report/people.js';
import type { KommentarBuild, PostPage } from '../build-data.js';
import { depthChart, depthCounts } from '../charts/depth.js';
import { byCreation } from '../charts/time-order.js';
import { timelineChart } from '../charts/timeline.js';
import { treeChart } from '../charts/tree.js';
import { stringsFor, type Strings } from '../i18n.js';
import { elsewhereLine, freshnessNote, shapePill, textTable } from './blocks.js';
import { personNames, withPeople } from './conversation-map.js';
import { stylesheetLink } from './style.js';
import { waitingComments, waitingList } from './waiting.js';

const SHARES: PostTerm[] = ['replyShare', 'answeredShare', 'anonymousShare', 'authorThreadShare', 'authorAnsweredWithin72hShare'];
const FIELDS: PostTerm[] = [
  'comments', 'topLevel', 'replyShare', 'answeredShare', 'maxDepth', 'meanDepth', 'hIndex', 'participants', 'readers',
  'anonymousShare', 'reentrants', 'reciprocalPairs', 'exchanges', 'longestBackAndForth', 'authorThreadShare',
  'authorFirstReplyMedianHours', 'authorAnsweredWithin72hShare', 'waitingForAuthor', 'acknowledged', 'pending', 'orphans',
];
/** The topic map: the few numbers that say what happened under the post. */
const SUMMARY: PostTerm[] = ['comments', 'participants', 'maxDepth', 'exchanges', 'longestBackAndForth', 'waitingForAuthor'];

/** A report field as a reader reads it: shares as percentages, means with one decimal. */
function formatField(post: PostReport, field: PostTerm, strings: Strings): string {
  const value = post[field];
  if (typeof value !== 'number' && value !== null) return '–';
  return SHARES.includes(field) ? strings.share(value) : strings.decimal(value);
}

export function renderPostPage(build: KommentarBuild, page: PostPage): string {
  const lang = build.options.lang;
  const strings = stringsFor(lang, lang);
  const { t } = strings;
  const post = page.report;
  const comments = withPeople(build.thread(page.uri)?.comments ?? [], post);
  const nav =
    `<p class="kommentar-note"><a href="${escapeHtml(build.options.reportPath)}">← ${escapeHtml(t('report.page.backToReport'))}</a> · ` +
    `<a href="${escapeHtml(page.uri)}">${escapeHtml(t('report.page.readPost'))}</a></p>`;
  const people = peopleText(strings, post.participants, anonymousComments(post));
  const head =
    `${stylesheetLink(build.options.reportPath)}${nav}<h1>${escapeHtml(t('report.page.postTitle', { title: page.title }))}</h1>` +
    `<p class="kommentar-lede">${shapePill(post.shape, strings)} ${escapeHtml(strings.shapeRule(post.shape))}</p>` +
    `<p>${escapeHtml(t('report.page.tookPart', { people }))}</p>${freshnessNote(build)}`;
  const topicMap =
    `<ul class="kommentar-topicmap">` +
    SUMMARY.map((field) => `<li><b>${escapeHtml(formatField(post, field, strings))}</b> <span>${escapeHtml(strings.post(field).label)}</span></li>`).join('') +
    (post.acknowledged > 0 ? `<li><b>${escapeHtml(strings.number(post.acknowledged))}</b> <span>${escapeHtml(strings.post('acknowledged').label)}</span></li>` : '') +
    `</ul>`;
  // Sorted once here, the legend's and the timeline's own sorts each cost one pass over an ordered list.
  const inTime = [...comments].sort(byCreation);
  const charts =
    treeChart(comments, { id: 'kommentar-tree', strings, people: personNames(inTime, strings) }) +
    timelineChart(inTime, { id: 'kommentar-timeline', strings }) +
    depthChart(depthCounts(comments), { id: 'kommentar-depth', strings });
  const numbers = textTable(
    t('report.page.numbersHeading'),
    [t('report.column.measure'), t('report.column.value'), t('report.column.meaning')],
    FIELDS.map((field) => [strings.post(field).label, formatField(post, field, strings), { text: strings.post(field).meaning }]),
    'kommentar-measures',
  );
  const where = post.sources && post.reactions ? elsewhereLine(post.sources, post.reactions, strings) : '';
  const elsewhere = where ? `<p class="kommentar-note kommentar-elsewhere">${escapeHtml(where)}</p>` : '';
  const waiting =
    `<h2>${escapeHtml(t('report.page.waitingHeading'))}</h2>${waitingList(waitingComments(build, [post]).comments, strings, false)}` +
    (post.acknowledged > 0 ? `<p class="kommentar-note">${escapeHtml(t('report.page.acknowledgedNote', { n: post.acknowledged }))}</p>` : '');
  // Joined, not concatenated: join copies the page into one flat string, so the thousands of small pieces it was
  // built from die young, instead of surviving (and being copied by the collector) while Eleventy holds the page.
  return [
    `<div class="kommentar-report" lang="${lang}">`, head, topicMap, charts, `<h2>${escapeHtml(t('report.page.numbersHeading'))}</h2>`, numbers, elsewhere, waiting, '</div>',
  ].join('');
}
