/** The report for a terminal: the sentence that matters first, then posts grouped by shape. */
import type { DialogueReport, PostReport, PostShape } from '../dialogue/index.js';
import { formatPercent } from '../render/percent.js';

const SHAPE_TITLES: Record<PostShape, string> = {
  conversation: 'Conversation: readers talk with each other or with you, back and forth',
  'q-and-a': 'Q&A: you answer, nobody answers back',
  applause: 'Applause: comments, but no replies at all',
  silence: 'Silence: no comments',
};
const SHAPE_ORDER: PostShape[] = ['conversation', 'q-and-a', 'applause', 'silence'];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function postLine(post: PostReport): string {
  const numbers = [
    plural(post.comments, 'comment'),
    `depth ${post.maxDepth}`,
    plural(post.participants, 'person', 'people'),
    plural(post.exchanges, 'exchange'),
    post.waitingForAuthor > 0 ? `${post.waitingForAuthor} waiting` : '',
  ].filter(Boolean);
  const title = post.title ? ` “${post.title.length > 40 ? `${post.title.slice(0, 39)}…` : post.title}”` : '';
  return `  ${post.uri}${title}\n      ${numbers.join(' · ')}`;
}

export function formatReportText(report: DialogueReport): string {
  const s = report.summary;
  const lines: string[] = [];
  const window = `${report.window.from ? `from ${report.window.from.slice(0, 10)} ` : ''}up to ${report.window.to.slice(0, 16).replace('T', ' ')} UTC`;
  lines.push(`Dialogue report for site "${report.site}" (${window})`, '');
  const layer = s.dunbar.layer === null ? '' : ` (${s.dunbar.label})`;
  lines.push(`You are in real dialogue with ${plural(s.dialoguePartners, 'person', 'people')}${layer}.`);
  lines.push(s.waitingForAuthor === 0 ? 'Nobody is waiting for your answer.' : `${plural(s.waitingForAuthor, 'reader comment')} ${s.waitingForAuthor === 1 ? 'is' : 'are'} waiting for your answer.`);
  lines.push('');
  if (s.comments === 0) {
    lines.push(s.posts === 0 ? 'No comments yet: nothing to measure.' : `No counted comments in this window across ${plural(s.posts, 'post')}.`);
    if (s.pending > 0) lines.push(`${plural(s.pending, 'comment')} awaiting moderation.`);
    return lines.join('\n') + '\n';
  }
  lines.push(`  ${plural(s.posts, 'post')} · ${s.postsWithComments} with comments · ${plural(s.comments, 'comment')} · ${plural(s.participants, 'participant')}`);
  lines.push(`  ${SHAPE_ORDER.map((shape) => `${shape} ${s.shapes[shape]}`).join(' · ')} (conversation share ${formatPercent(s.conversationShare)})`);
  lines.push(`  ${plural(s.returningCommenters, 'returning commenter')} (${formatPercent(s.returningCommentShare)} of identified reader comments)`);
  if (s.pending > 0) lines.push(`  ${plural(s.pending, 'comment')} awaiting moderation`);
  for (const shape of SHAPE_ORDER) {
    const posts = report.posts.filter((p) => p.shape === shape);
    if (posts.length === 0) continue;
    lines.push('', `${SHAPE_TITLES[shape]} (${posts.length})`);
    const shown = [...posts].sort((a, b) => b.comments - a.comments || a.uri.localeCompare(b.uri)).slice(0, 15);
    lines.push(...shown.map(postLine));
    if (posts.length > shown.length) lines.push(`  … and ${posts.length - shown.length} more (use --json or --csv for all)`);
  }
  return lines.join('\n') + '\n';
}
