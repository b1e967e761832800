/**
 * The report for a terminal: the sentences that matter first, then posts
 * grouped by shape, each shape with its exact rule from the glossary (the
 * same words as the dialogue pages and the desk).
 */
import type { DialogueReport, PostReport, PostShape } from '../dialogue/index.js';
import { formatPercent } from '../render/percent.js';
import { glossary } from './glossary.js';
import { anonymousComments, peopleText } from './people.js';

const SHAPE_ORDER: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];
const words = glossary('en');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a q-and-a post lacks, or an applause post: said precisely, never "nobody answers back" when readers did. */
function missing(post: PostReport): string {
  if (post.shape === 'q-and-a') return 'no second round yet';
  if (post.shape === 'applause') return 'no replies between people yet';
  return '';
}

function postLine(post: PostReport): string {
  const numbers = [
    plural(post.comments, 'comment'),
    `deepest reply at level ${post.maxDepth}`,
    peopleText(post.participants, anonymousComments(post), 'en'),
    post.shape === 'conversation' ? plural(post.exchanges, 'second round') : missing(post),
    post.waitingForAuthor > 0 ? `${post.waitingForAuthor} open for you` : '',
    post.acknowledged > 0 ? `${post.acknowledged} no answer needed` : '',
  ].filter(Boolean);
  const title = post.title ? ` “${post.title.length > 40 ? `${post.title.slice(0, 39)}…` : post.title}”` : '';
  return `  ${post.uri}${title}\n      ${numbers.join(' · ')}`;
}

/** "3 reader comments addressed to you have no reply yet" — a count of open threads, not of people kept waiting. */
export function openForAuthorSentence(waiting: number, acknowledged: number): string {
  const open =
    waiting === 0
      ? 'Every reader comment addressed to you has a reply or needs none.'
      : `${plural(waiting, 'reader comment')} addressed to you ${waiting === 1 ? 'has' : 'have'} no reply yet.`;
  return acknowledged > 0 ? `${open} ${plural(acknowledged, 'more is', 'more are')} marked “no answer needed”.` : open;
}

export function formatReportText(report: DialogueReport): string {
  const s = report.summary;
  const lines: string[] = [];
  const window = `${report.window.from ? `from ${report.window.from.slice(0, 10)} ` : ''}up to ${report.window.to.slice(0, 16).replace('T', ' ')} UTC`;
  lines.push(`Dialogue report for site "${report.site}" (${window})`, '');
  const layer = s.dunbar.layer === null ? '' : ` (${s.dunbar.label})`;
  lines.push(`You are in real dialogue with ${plural(s.dialoguePartners, 'person', 'people')}${layer}.`);
  lines.push(openForAuthorSentence(s.waitingForAuthor, s.acknowledged));
  lines.push('');
  if (s.comments === 0) {
    lines.push(s.posts === 0 ? 'No comments yet: nothing to measure.' : `No counted comments in this window across ${plural(s.posts, 'post')}.`);
    if (s.pending > 0) lines.push(`${plural(s.pending, 'comment')} awaiting moderation.`);
    return lines.join('\n') + '\n';
  }
  const anonymous = report.posts.reduce((sum, post) => sum + anonymousComments(post), 0);
  lines.push(`  ${plural(s.posts, 'post')} · ${s.postsWithComments} with comments · ${plural(s.comments, 'comment')} · ${peopleText(s.participants, anonymous, 'en')}`);
  lines.push(`  ${SHAPE_ORDER.map((shape) => `${words.shapes[shape].name.toLowerCase()} ${s.shapes[shape]}`).join(' · ')} (conversation share ${formatPercent(s.conversationShare)})`);
  lines.push(`  ${plural(s.returningCommenters, 'reader')} came back to another post (${formatPercent(s.returningCommentShare)} of reader comments are theirs)`);
  if (s.pending > 0) lines.push(`  ${plural(s.pending, 'comment')} awaiting moderation`);
  for (const shape of SHAPE_ORDER) {
    const posts = report.posts.filter((p) => p.shape === shape);
    if (posts.length === 0) continue;
    lines.push('', `${words.shapes[shape].name} (${posts.length}): ${words.shapes[shape].rule}`);
    const shown = [...posts].sort((a, b) => b.comments - a.comments || a.uri.localeCompare(b.uri)).slice(0, 15);
    lines.push(...shown.map(postLine));
    if (posts.length > shown.length) lines.push(`  … and ${posts.length - shown.length} more (use --json or --csv for all)`);
  }
  lines.push('', `A second round: ${words.post.exchanges.meaning}`, words.partnerRule(report.options.partnerMinExchanges));
  return lines.join('\n') + '\n';
}
