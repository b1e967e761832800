/**
 * The site's dialogue page (default /dialogue/): the report's numbers in
 * words and figures, its charts drawn at build time, who is waiting for an
 * answer, and every post with its shape. Plain HTML and SVG, no script.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { PostShape } from '../../server/dialogue/types.js';
import type { KommentarBuild } from '../build-data.js';
import { depthChart, depthCounts } from '../charts/depth.js';
import { dunbarChart } from '../charts/dunbar.js';
import { monthlyChart } from '../charts/monthly.js';
import { treeChart } from '../charts/tree.js';
import { formatShare, stringsFor } from '../i18n.js';
import { freshnessNote, numberGrid, shapePill, textTable } from './blocks.js';
import { REPORT_CSS } from './style.js';
import { waitingComments, waitingList } from './waiting.js';

const SHAPES: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];
/** Thumbnails on the overview; every post's full tree is on its own page. */
const GALLERY_SIZE = 24;
/** Waiting readers listed on the overview. */
const WAITING_SHOWN = 100;

export function renderSitePage(build: KommentarBuild): string {
  const lang = build.options.lang;
  const strings = stringsFor(lang, lang);
  const head = `<style>${REPORT_CSS}</style><h1>${escapeHtml(strings.dialogueTitle)}</h1><p class="kommentar-lede">${escapeHtml(strings.dialogueIntro)}</p>`;
  const report = build.report;
  if (!report) return `<div class="kommentar-report" lang="${lang}">${head}${freshnessNote(build)}</div>`;
  const { summary } = report;
  const exchangesNeeded = report.options.partnerMinExchanges;

  const dialogue =
    `<p class="kommentar-lede"><strong>${escapeHtml(strings.inDialogueWith(summary.dialoguePartners, exchangesNeeded))}</strong> ` +
    `${escapeHtml(strings.dunbarLayer(summary.dunbar.layer, summary.dunbar.partners))}</p>`;
  const numbers = numberGrid([
    [strings.summary.postsWithComments, String(summary.postsWithComments)],
    [strings.summary.comments, String(summary.comments)],
    [strings.summary.participants, String(summary.participants)],
    [strings.summary.conversationShare, formatShare(summary.conversationShare, lang)],
    [strings.summary.returningCommenters, String(summary.returningCommenters)],
    [strings.summary.returningCommentShare, formatShare(summary.returningCommentShare, lang)],
    [strings.summary.dialoguePartners, String(summary.dialoguePartners)],
    [strings.summary.waitingForAuthor, String(summary.waitingForAuthor)],
  ]);
  const where = summary.sources && summary.reactions ? strings.elsewhereLine(summary.sources, summary.reactions) : '';
  const elsewhere = where ? `<p class="kommentar-note kommentar-elsewhere">${escapeHtml(where)}</p>` : '';
  const shapes = textTable(
    strings.shapesHeading,
    strings.shapeColumns,
    SHAPES.map((shape) => [strings.shape[shape], summary.shapes[shape], { text: strings.shapeExplained[shape] }]),
  );

  const allComments = [...build.data.threads.values()].flatMap((thread) => thread.comments);
  const charts =
    monthlyChart(summary.monthly, { id: 'kommentar-monthly', labels: strings.chart }) +
    depthChart(depthCounts(allComments), { id: 'kommentar-depth', labels: strings.chart, lang }) +
    dunbarChart(summary.dialoguePartners, {
      id: 'kommentar-dunbar',
      labels: strings.chart,
      layerName: strings.layerName,
      layerText: strings.dunbarLayer(summary.dunbar.layer, summary.dunbar.partners),
    });

  // The newest ones: an old question nobody answered is rarely still waiting. Each post's page lists all of its own.
  const { comments: recent, total } = waitingComments(build, report.posts, WAITING_SHOWN);
  const more = total > recent.length ? `<p class="kommentar-note">${escapeHtml(strings.waitingMore(total - recent.length))}</p>` : '';
  const waiting = `<h2 id="kommentar-waiting">${escapeHtml(strings.waitingHeading)}</h2>${waitingList(recent, strings, lang, true)}${more}`;

  const gallery = [...build.postPages]
    .sort((a, b) => b.report.comments - a.report.comments)
    .slice(0, GALLERY_SIZE)
    .map((page, i) => {
      const tree = treeChart(build.thread(page.uri)?.comments ?? [], { id: `kommentar-tree-${i + 1}`, labels: strings.chart, small: true, maxNodes: 250 });
      return `<li><a href="${escapeHtml(page.path)}">${escapeHtml(page.title)}</a> ${shapePill(page.report.shape, strings)}${tree}</li>`;
    })
    .join('');
  const galleryBlock = gallery ? `<h2>${escapeHtml(strings.conversationsHeading)}</h2><ul class="kommentar-gallery">${gallery}</ul>` : '';

  const c = strings.postColumns;
  const posts = textTable(
    strings.postsHeading,
    [c.post, c.shape, c.comments, c.people, c.deepest, c.exchanges, c.waiting],
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
      ];
    }),
  );

  return (
    `<div class="kommentar-report" lang="${lang}">${head}${freshnessNote(build)}${dialogue}${numbers}${elsewhere}` +
    `<h2>${escapeHtml(strings.shapesHeading)}</h2>${shapes}${charts}${waiting}${galleryBlock}<h2>${escapeHtml(strings.postsHeading)}</h2>${posts}</div>`
  );
}
