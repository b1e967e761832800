/**
 * One post's dialogue page: its shape drawn as a tree, every number of the
 * report's post row with what it means, how deep the replies go, and who
 * is still waiting for the author there.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { PostReport } from '../../server/dialogue/types.js';
import type { KommentarBuild, PostPage } from '../build-data.js';
import { depthChart, depthCounts } from '../charts/depth.js';
import { treeChart } from '../charts/tree.js';
import { formatNumber, formatShare, stringsFor, type Lang, type PostField } from '../i18n.js';
import { freshnessNote, shapePill, textTable } from './blocks.js';
import { REPORT_CSS } from './style.js';
import { waitingComments, waitingList } from './waiting.js';

const SHARES: PostField[] = ['replyShare', 'answeredShare', 'anonymousShare', 'authorThreadShare', 'authorAnsweredWithin72hShare'];
const FIELDS: PostField[] = [
  'comments', 'topLevel', 'replyShare', 'answeredShare', 'maxDepth', 'meanDepth', 'hIndex', 'participants', 'readers',
  'anonymousShare', 'reentrants', 'reciprocalPairs', 'exchanges', 'longestBackAndForth', 'authorThreadShare',
  'authorFirstReplyMedianHours', 'authorAnsweredWithin72hShare', 'waitingForAuthor', 'pending', 'orphans',
];

/** A report field as a reader reads it: shares as percentages, means with one decimal. */
function formatField(post: PostReport, field: PostField, lang: Lang): string {
  const value = post[field];
  return SHARES.includes(field) ? formatShare(value, lang) : formatNumber(value, lang);
}

export function renderPostPage(build: KommentarBuild, page: PostPage): string {
  const lang = build.options.lang;
  const strings = stringsFor(lang, lang);
  const post = page.report;
  const comments = build.thread(page.uri)?.comments ?? [];
  const nav =
    `<p class="kommentar-note"><a href="${escapeHtml(build.options.reportPath)}">← ${escapeHtml(strings.backToReport)}</a> · ` +
    `<a href="${escapeHtml(page.uri)}">${escapeHtml(strings.readPost)}</a></p>`;
  const head =
    `<style>${REPORT_CSS}</style>${nav}<h1>${escapeHtml(strings.postDialogueTitle(page.title))}</h1>` +
    `<p class="kommentar-lede">${shapePill(post.shape, strings)} ${escapeHtml(strings.shapeExplained[post.shape])}</p>${freshnessNote(build)}`;
  const charts =
    treeChart(comments, { id: 'kommentar-tree', labels: strings.chart }) +
    depthChart(depthCounts(comments), { id: 'kommentar-depth', labels: strings.chart, lang });
  const numbers = textTable(strings.numbersHeading, strings.numberColumns, FIELDS.map((field) => [strings.postField[field], formatField(post, field, lang)]));
  const where = post.sources && post.reactions ? strings.elsewhereLine(post.sources, post.reactions) : '';
  const elsewhere = where ? `<p class="kommentar-note kommentar-elsewhere">${escapeHtml(where)}</p>` : '';
  const waiting = `<h2>${escapeHtml(strings.waitingHeading)}</h2>${waitingList(waitingComments(build, [post]).comments, strings, lang, false)}`;
  return `<div class="kommentar-report" lang="${lang}">${head}${charts}<h2>${escapeHtml(strings.numbersHeading)}</h2>${numbers}${elsewhere}${waiting}</div>`;
}
