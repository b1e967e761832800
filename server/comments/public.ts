/** The public face of a comment: what any visitor may see. Never an email, key, IP or token. */
import type { CommentRow } from '../db/comments.js';
import type { CommentSource } from '../dialogue/types.js';

export interface PublicComment {
  id: number;
  parentId: number | null;
  depth: number;
  html: string;
  name: string | null;
  url: string | null;
  isAuthor: boolean;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Only on comments written elsewhere: where, and the original (for "via …" and "reply there"). */
  source?: Exclude<CommentSource, 'site'>;
  sourceUrl?: string;
}

/**
 * `forWriter` shows the writer their own comment even while it awaits
 * moderation; everyone else sees only approved content, and placeholders.
 */
export function toPublicComment(row: CommentRow, forWriter = false): PublicComment {
  const deleted = row.status === 'deleted' || (!forWriter && row.status !== 'approved');
  const elsewhere = !deleted && row.source !== 'site' && row.sourceUrl ? { source: row.source, sourceUrl: row.sourceUrl } : {};
  return {
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    html: deleted ? '' : row.html,
    name: deleted ? null : row.name,
    url: deleted ? null : row.url,
    isAuthor: deleted ? false : row.isAuthor,
    createdAt: new Date(row.createdAt).toISOString(),
    editedAt: row.editedAt === null || deleted ? null : new Date(row.editedAt).toISOString(),
    deleted,
    ...elsewhere,
  };
}
