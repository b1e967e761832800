/**
 * The report for a terminal: the sentences that matter first, then posts
 * grouped by shape, each shape with its exact rule (the same words as the
 * dialogue pages and the desk), in the language asked for.
 */
import type { DialogueReport, PostReport, PostShape } from '../dialogue/index.js';
import type { Lang } from '../i18n/languages.js';
import type { Translator } from '../i18n/translate.js';
import { reportWords, type ReportWords } from './glossary.js';
import { anonymousComments, peopleText } from './people.js';

const SHAPE_ORDER: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];

/** What a q-and-a post lacks, or an applause post: said precisely, never "nobody answers back" when readers did. */
function missing(words: ReportWords, post: PostReport): string {
  if (post.shape === 'q-and-a') return words.t('report.text.noSecondRound');
  if (post.shape === 'applause') return words.t('report.text.noReplies');
  return '';
}

function postLine(words: ReportWords, post: PostReport): string {
  const { t } = words;
  const numbers = [
    t('report.count.comments', { n: post.comments }),
    t('report.text.deepest', { n: post.maxDepth }),
    peopleText(words, post.participants, anonymousComments(post)),
    post.shape === 'conversation' ? t('report.count.secondRounds', { n: post.exchanges }) : missing(words, post),
    post.waitingForAuthor > 0 ? t('report.text.openForYou', { n: post.waitingForAuthor }) : '',
    post.acknowledged > 0 ? t('report.text.noAnswerNeeded', { n: post.acknowledged }) : '',
  ].filter(Boolean);
  const title = post.title ? t('report.text.post', { uri: post.uri, title: post.title.length > 40 ? `${post.title.slice(0, 39)}…` : post.title }) : post.uri;
  return `  ${title}\n      ${numbers.join(' · ')}`;
}

/** "3 reader comments addressed to you have no reply yet" — a count of open threads, not of people kept waiting. */
export function openForAuthorSentence({ t }: Translator, waiting: number, acknowledged: number): string {
  const open = waiting === 0 ? t('report.open.none') : t('report.open.some', { n: waiting });
  return acknowledged > 0 ? `${open} ${t('report.open.acknowledged', { n: acknowledged })}` : open;
}

/** The report's window, "from 2026-01-01 up to 2026-03-01 12:00 UTC". */
export function windowText({ t }: Translator, window: DialogueReport['window']): string {
  const to = window.to.slice(0, 16).replace('T', ' ');
  return window.from ? t('report.window.between', { from: window.from.slice(0, 10), to }) : t('report.window.upTo', { to });
}

export function formatReportText(report: DialogueReport, lang: Lang = 'en'): string {
  const words = reportWords(lang);
  const { t } = words;
  const s = report.summary;
  const lines: string[] = [];
  lines.push(t('report.text.title', { site: report.site, window: windowText(words, report.window) }), '');
  const inDialogue = t('report.text.inDialogue', { n: s.dialoguePartners });
  lines.push(s.dunbar.layer === null ? inDialogue : `${inDialogue} ${words.dunbarSentence(s.dunbar.layer, s.dunbar.partners)}`);
  lines.push(openForAuthorSentence(words, s.waitingForAuthor, s.acknowledged));
  lines.push('');
  if (s.comments === 0) {
    lines.push(s.posts === 0 ? t('report.text.nothing') : t('report.text.noneInWindow', { n: s.posts }));
    if (s.pending > 0) lines.push(`${t('report.count.pending', { n: s.pending })}.`);
    return lines.join('\n') + '\n';
  }
  const anonymous = report.posts.reduce((sum, post) => sum + anonymousComments(post), 0);
  const totals = [
    t('report.count.posts', { n: s.posts }),
    t('report.text.withComments', { n: s.postsWithComments }),
    t('report.count.comments', { n: s.comments }),
    peopleText(words, s.participants, anonymous),
  ];
  lines.push(`  ${totals.join(' · ')}`);
  const shapes = SHAPE_ORDER.map((shape) => t('report.text.shapeCount', { shape: words.shapeName(shape), n: s.shapes[shape] }));
  lines.push(`  ${shapes.join(' · ')} ${t('report.text.conversationShare', { share: words.share(s.conversationShare) })}`);
  lines.push(`  ${t('report.text.returning', { n: s.returningCommenters, share: words.share(s.returningCommentShare) })}`);
  if (s.pending > 0) lines.push(`  ${t('report.count.pending', { n: s.pending })}`);
  for (const shape of SHAPE_ORDER) {
    const posts = report.posts.filter((p) => p.shape === shape);
    if (posts.length === 0) continue;
    lines.push('', t('report.text.shapeHeading', { shape: words.shapeName(shape), n: posts.length, rule: words.shapeRule(shape) }));
    const shown = [...posts].sort((a, b) => b.comments - a.comments || a.uri.localeCompare(b.uri)).slice(0, 15);
    lines.push(...shown.map((post) => postLine(words, post)));
    if (posts.length > shown.length) lines.push(`  ${t('report.text.more', { n: posts.length - shown.length })}`);
  }
  lines.push('', t('report.text.secondRound', { meaning: words.post('exchanges').meaning }), words.partnerRule(report.options.partnerMinExchanges));
  return lines.join('\n') + '\n';
}
