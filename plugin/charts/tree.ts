/**
 * A conversation's shape as a tree drawing: the post at the top, each comment
 * a dot below what it answers. Applause is a flat comb, questions and answers
 * a row of short pairs, a conversation deep branches; readers see that at a
 * glance, which no single number says.
 */
import { orderThread } from '../../server/comments/tree.js';
import type { Strings } from '../i18n.js';
import { COLORS, chartFigure, r1, svgText } from './figure.js';

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
}

export interface TreeChartOptions {
  id: string;
  labels: Strings['chart'];
  /** Drawing width in px; the height follows the depth. */
  width?: number;
  /** A thumbnail for the overview: fixed small height, no level labels. */
  small?: boolean;
  /** Comments drawn at most (the first ones in thread order); the rest are counted, not drawn. */
  maxNodes?: number;
}

const PAD = 12;

/** Positions in drawing units: x by leaf order (parents centred over their replies), y by the served depth. */
export function layoutTree(nodes: readonly TreeChartNode[]): { x: number[]; level: number[]; parent: number[]; leaves: number; ordered: TreeChartNode[] } {
  const ordered = orderThread([...nodes]);
  const index = new Map(ordered.map((node, i) => [node.id, i]));
  const parent = ordered.map((node) => (node.parentId === null ? -1 : (index.get(node.parentId) ?? -1)));
  const level = ordered.map((node) => node.depth);
  const children: number[][] = ordered.map(() => []);
  parent.forEach((p, i) => {
    if (p >= 0) children[p]!.push(i);
  });
  // Pre-order puts leaves left to right; walking it backwards finishes replies before their parent.
  const x = new Array<number>(ordered.length).fill(0);
  let leaves = 0;
  ordered.forEach((_, i) => {
    if (children[i]!.length === 0) x[i] = leaves++;
  });
  for (let i = ordered.length - 1; i >= 0; i--) {
    const kids = children[i]!;
    if (kids.length > 0) x[i] = (x[kids[0]!]! + x[kids[kids.length - 1]!]!) / 2;
  }
  return { x, level, parent, leaves, ordered };
}

/** One line explaining the marks: post, reader, author, removed comment. */
function legend(y: number, labels: Strings['chart']): string {
  const items: Array<[mark: string, label: string]> = [
    [`<rect x="0" y="${y - 9}" width="9" height="9" fill="${COLORS.text}"/>`, labels.post],
    [`<circle cx="4.5" cy="${y - 4.5}" r="4.5" fill="${COLORS.reader}"/>`, labels.reader],
    [`<circle cx="4.5" cy="${y - 4.5}" r="4.5" fill="${COLORS.author}"/>`, labels.author],
    [`<circle cx="4.5" cy="${y - 4.5}" r="4" fill="#ffffff" stroke="${COLORS.muted}"/>`, labels.placeholder],
  ];
  let x = PAD;
  return items
    .map(([mark, label]) => {
      const item = `<g transform="translate(${x} 0)">${mark}${svgText(14, y, label)}</g>`;
      x += 30 + label.length * 6.5;
      return item;
    })
    .join('');
}

/** The tree drawing as a complete accessible figure. */
export function treeChart(nodes: readonly TreeChartNode[], options: TreeChartOptions): string {
  const { labels } = options;
  const limit = options.maxNodes ?? 600;
  const drawn = nodes.slice(0, limit);
  const { x, level, parent, leaves, ordered } = layoutTree(drawn);
  const maxLevel = level.reduce((max, l) => Math.max(max, l), 0);
  const width = options.width ?? (options.small ? 180 : 640);
  const innerWidth = width - 2 * PAD;
  const xGap = leaves > 1 ? Math.min(options.small ? 14 : 24, innerWidth / (leaves - 1)) : 0;
  const yGap = options.small ? Math.min(14, (96 - 2 * PAD) / Math.max(1, maxLevel)) : 30;
  const legendHeight = options.small ? 0 : 26;
  const height = Math.ceil(2 * PAD + Math.max(1, maxLevel) * yGap) + legendHeight;
  const offset = PAD + (innerWidth - xGap * Math.max(0, leaves - 1)) / 2;
  const px = (i: number) => offset + x[i]! * xGap;
  const py = (lvl: number) => PAD + lvl * yGap;
  const radius = Math.max(1.2, Math.min(5, xGap > 0 ? xGap * 0.4 : 5, yGap * 0.3));

  const roots = parent.flatMap((p, i) => (p < 0 ? [i] : []));
  const rootX = roots.length > 0 ? (px(roots[0]!) + px(roots.at(-1)!)) / 2 : width / 2;
  const edges = ordered.map((_, i) => {
    const p = parent[i]!;
    return `M${r1(p < 0 ? rootX : px(p))} ${r1(py(p < 0 ? 0 : level[p]!))}L${r1(px(i))} ${r1(py(level[i]!))}`;
  });
  const dots = (keep: (node: TreeChartNode) => boolean) =>
    ordered.map((node, i) => (keep(node) ? `<circle cx="${r1(px(i))}" cy="${r1(py(level[i]!))}" r="${r1(radius)}"/>` : '')).join('');

  const body =
    `<rect x="${r1(rootX - 5)}" y="${PAD - 5}" width="10" height="10" fill="${COLORS.text}"/>` +
    (edges.length ? `<path d="${edges.join('')}" stroke="${COLORS.muted}" stroke-width="1" fill="none"/>` : '') +
    `<g fill="${COLORS.reader}">${dots((n) => !n.deleted && !n.isAuthor)}</g>` +
    `<g fill="${COLORS.author}">${dots((n) => !n.deleted && n.isAuthor)}</g>` +
    `<g fill="#ffffff" stroke="${COLORS.muted}">${dots((n) => n.deleted)}</g>` +
    (options.small ? '' : legend(height - 10, labels));

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
    labels.treeSummary(comments, perLevel.get(1)?.comments ?? 0, levels.at(-1) ?? 0, byAuthor) +
    (nodes.length > drawn.length ? ` ${labels.treeTruncated(drawn.length, nodes.length)}` : '');

  return chartFigure({
    id: options.id,
    title: labels.treeTitle,
    summary,
    width,
    height,
    body,
    variant: options.small ? 'small' : undefined,
    table: { columns: labels.treeColumns, rows: levels.map((l) => [l, perLevel.get(l)!.comments, perLevel.get(l)!.author]) },
  });
}
