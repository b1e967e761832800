/**
 * A conversation map: the post at the top, each comment a dot below what it
 * answers, each person in one colour throughout, the author ringed, and the
 * links of every back-and-forth drawn strong. Applause is a flat comb,
 * questions and answers a row of short pairs, a conversation deep branches
 * with strong lines; readers see that at a glance, which no number says.
 */
import { orderThread } from '../../server/comments/tree.js';
import { escapeHtml } from '../../server/render/escape.js';
import type { Strings } from '../i18n.js';
import { COLORS, chartFigure, r1 } from './figure.js';

export interface TreeChartNode {
  id: number;
  parentId: number | null;
  /**
   * The stored depth the API serves (1 = top level). The drawing uses it as is
   * instead of counting parents, so a reply whose parent is not public stays at
   * its level, where the depth chart counts it too.
   */
  depth: number;
  isAuthor: boolean;
  /** A removed comment kept because replies hang from it. */
  deleted: boolean;
  /** Who wrote it, numbered per post (the report's `people`): 0 the author, 1… readers; absent: anonymous or unknown. */
  person?: number | null;
}

export interface TreeChartOptions {
  id: string;
  strings: Strings;
  /** Drawing width in px; the height follows the depth. */
  width?: number;
  /** A thumbnail for the overview: fixed small height, no level labels. */
  small?: boolean;
  /** Comments drawn at most (the first ones in thread order); the rest are counted, not drawn. */
  maxNodes?: number;
  /** Person number → the name to show in the legend (the name of their first comment here). */
  people?: ReadonlyMap<number, string>;
}

const PAD = 12;

/** Positions in drawing units: x by leaf order (parents centred over their replies), y by the served depth. */
export function layoutTree(nodes: readonly TreeChartNode[]): { x: number[]; level: number[]; parent: number[]; leaves: number; ordered: TreeChartNode[] } {
  const ordered = orderThread([...nodes]);
  const count = ordered.length;
  const index = new Map<number, number>();
  for (let i = 0; i < count; i++) index.set(ordered[i]!.id, i);
  const parent = new Array<number>(count);
  const level = new Array<number>(count);
  // In pre-order a comment's first reply comes right after it; only its last reply needs remembering.
  const lastReply = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const node = ordered[i]!;
    const p = node.parentId === null ? -1 : (index.get(node.parentId) ?? -1);
    parent[i] = p;
    level[i] = node.depth;
    if (p >= 0) lastReply[p] = i;
  }
  // Pre-order puts leaves left to right; walking it backwards finishes replies before their parent.
  const x = new Array<number>(count).fill(0);
  let leaves = 0;
  for (let i = 0; i < count; i++) if (lastReply[i]! < 0) x[i] = leaves++;
  for (let i = count - 1; i >= 0; i--) if (lastReply[i]! >= 0) x[i] = (x[i + 1]! + x[lastReply[i]!]!) / 2;
  return { x, level, parent, leaves, ordered };
}

/** Reader colours (Okabe–Ito, without the author's vermillion): one per person, repeating after six. */
export const PERSON_COLORS = ['#0072B2', '#009E73', '#E69F00', '#56B4E9', '#CC79A7', '#7f7f7f'] as const;

/** The colour of a writer: the author's vermillion, a reader's own colour, or grey for anonymous. */
export function personColor(person: number | null | undefined, isAuthor: boolean): string {
  if (isAuthor || person === 0) return COLORS.author;
  if (person === null || person === undefined) return COLORS.muted;
  return PERSON_COLORS[(person - 1) % PERSON_COLORS.length]!;
}

/**
 * Edges that belong to a back-and-forth: a reply by A to B where B's comment
 * replied to A (an exchange, A → B → A) marks both of its links. Only named
 * people (a person number) can go back and forth; removed comments break a chain.
 */
function backAndForth(ordered: readonly TreeChartNode[], parent: readonly number[]): Uint8Array {
  const marked = new Uint8Array(ordered.length);
  const who = (i: number) => (ordered[i]!.deleted ? undefined : ordered[i]!.isAuthor ? 0 : (ordered[i]!.person ?? undefined));
  ordered.forEach((_, i) => {
    const p = parent[i]!;
    const g = p >= 0 ? parent[p]! : -1;
    if (g < 0) return;
    const a = who(i);
    const b = who(p);
    if (a !== undefined && b !== undefined && a !== b && who(g) === a) marked[i] = marked[p] = 1;
  });
  return marked;
}

/** A reader's legend class: their colour comes from the dialogue stylesheet (pages/style.ts), not a style attribute a strict CSP blocks. */
function personClass(person: number): string {
  return `kommentar-person-${((person - 1) % PERSON_COLORS.length) + 1}`;
}

/** The legend in HTML (it wraps on a phone): the marks, then each person's colour with the name they wrote under. */
function legend({ t }: Strings, people: ReadonlyMap<number, string>, hasChains: boolean): string {
  const key = (className: string, text: string) => `<span><i class="${className}"></i>${escapeHtml(text)}</span>`;
  const items = [key('kommentar-mark-post', t('report.chart.tree.post')), key('kommentar-mark-author', t('report.chart.tree.author'))];
  const shown = [...people].filter(([n]) => n > 0).slice(0, PERSON_COLORS.length);
  for (const [n, name] of shown) items.push(key(personClass(n), name));
  if ([...people.keys()].filter((n) => n > 0).length > shown.length) items.push(`<span>${escapeHtml(t('report.chart.tree.colorsRepeat'))}</span>`);
  items.push(key('kommentar-color-muted', t('report.chart.tree.anonymous')));
  items.push(key('kommentar-mark-removed', t('report.chart.tree.removed')));
  if (hasChains) items.push(key('kommentar-line', t('report.chart.tree.chain')));
  return `<p class="kommentar-legend">${items.join('')}</p>`;
}

/** The tree drawing as a complete accessible figure. */
export function treeChart(nodes: readonly TreeChartNode[], options: TreeChartOptions): string {
  const { t } = options.strings;
  const limit = options.maxNodes ?? 600;
  const drawn = nodes.slice(0, limit);
  const { x, level, parent, leaves, ordered } = layoutTree(drawn);
  const maxLevel = level.reduce((max, l) => Math.max(max, l), 0);
  const width = options.width ?? (options.small ? 180 : 640);
  const innerWidth = width - 2 * PAD;
  const xGap = leaves > 1 ? Math.min(options.small ? 14 : 24, innerWidth / (leaves - 1)) : 0;
  const yGap = options.small ? Math.min(14, (96 - 2 * PAD) / Math.max(1, maxLevel)) : 30;
  const height = Math.ceil(2 * PAD + Math.max(1, maxLevel) * yGap);
  const offset = PAD + (innerWidth - xGap * Math.max(0, leaves - 1)) / 2;
  const px = (i: number) => offset + x[i]! * xGap;
  const py = (lvl: number) => PAD + lvl * yGap;
  const radius = Math.max(1.2, Math.min(5, xGap > 0 ? xGap * 0.4 : 5, yGap * 0.3));

  // The post's square sits over the first and last top-level comment.
  const firstRoot = parent.indexOf(-1);
  const lastRoot = parent.lastIndexOf(-1);
  const rootX = firstRoot >= 0 ? (px(firstRoot) + px(lastRoot)) / 2 : width / 2;
  const chains = backAndForth(ordered, parent);
  // Each comment's position as text once: it is written for its dot, its link and each reply's link
  // (a fraction turned into text costs more than the rest of writing it).
  const cx = ordered.map((_, i) => String(r1(px(i))));
  const cy = level.map((l) => String(r1(py(l))));
  const at = cx.map((v, i) => `${v} ${cy[i]}`);
  const top = `${r1(rootX)} ${r1(py(0))}`;
  const ring = options.small ? 1 : 1.6;
  const r = r1(radius);
  let plain = '';
  let strong = '';
  let dots = '';
  for (let i = 0; i < ordered.length; i++) {
    const node = ordered[i]!;
    const p = parent[i]!;
    const edge = `M${p < 0 ? top : at[p]}L${at[i]}`;
    if (chains[i]) strong += edge;
    else plain += edge;
    const circle = `cx="${cx[i]}" cy="${cy[i]}" r="${r}"`;
    if (node.deleted) dots += `<circle ${circle} fill="none" stroke="${COLORS.muted}"/>`;
    else if (node.isAuthor) dots += `<circle ${circle} fill="${COLORS.author}" stroke="currentColor" stroke-width="${ring}"/>`;
    else dots += `<circle ${circle} fill="${personColor(node.person, false)}"/>`;
  }

  const body =
    `<rect x="${r1(rootX - 5)}" y="${PAD - 5}" width="10" height="10" fill="currentColor"/>` +
    (plain ? `<path d="${plain}" stroke="${COLORS.muted}" stroke-width="1" fill="none"/>` : '') +
    (strong ? `<path d="${strong}" stroke="currentColor" stroke-width="${options.small ? 1.6 : 2.6}" fill="none"/>` : '') +
    dots;

  // The numbers count every comment, drawn or not.
  const all = drawn.length === nodes.length ? { ordered, level } : layoutTree(nodes);
  const perLevel = new Map<number, { comments: number; author: number }>();
  all.ordered.forEach((node, i) => {
    if (node.deleted) return;
    const row = perLevel.get(all.level[i]!) ?? { comments: 0, author: 0 };
    row.comments++;
    if (node.isAuthor) row.author++;
    perLevel.set(all.level[i]!, row);
  });
  const levels = [...perLevel.keys()].sort((a, b) => a - b);
  const comments = levels.reduce((sum, l) => sum + perLevel.get(l)!.comments, 0);
  const byAuthor = levels.reduce((sum, l) => sum + perLevel.get(l)!.author, 0);
  const summary =
    t('report.chart.tree.summary', { n: comments, topLevel: perLevel.get(1)?.comments ?? 0, maxDepth: levels.at(-1) ?? 0, byAuthor }) +
    (nodes.length > drawn.length ? ` ${t('report.chart.truncated', { shown: drawn.length, total: nodes.length })}` : '');

  return chartFigure({
    id: options.id,
    title: t('report.chart.tree.title'),
    summary,
    width,
    height,
    body,
    variant: options.small ? 'small' : undefined,
    legend: options.small ? undefined : legend(options.strings, options.people ?? new Map(), strong !== ''),
    tableLabel: t('report.chart.data'),
    table: { columns: [t('report.column.level'), t('report.column.comments'), t('report.column.byAuthor')], rows: levels.map((l) => [l, perLevel.get(l)!.comments, perLevel.get(l)!.author]) },
  });
}
