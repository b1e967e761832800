/**
 * Isso reader: its SQLite database (threads, comments; text already Markdown).
 * Modes map 1 → approved, 2 → pending, 4 → deleted; IP addresses, votes and
 * notification settings stay behind.
 */
import { open } from 'node:fs/promises';
import type { CommentStatus } from '../db/comments.js';
import { ForeignSchemaError, readIssoDatabase } from '../db/imports.js';
import { ImportInputError } from './errors.js';
import { fileSize } from './text-file.js';
import { threadUriFrom } from './thread-uri.js';
import type { ImportReader } from './types.js';

const MODES: Record<number, CommentStatus> = { 1: 'approved', 2: 'pending', 4: 'deleted' };
const SQLITE_HEADER = 'SQLite format 3\0';

const optional = (value: string | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Isso times are unix seconds (REAL); null when absent or not a time. */
function seconds(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
}

async function assertSqlite(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(16), 0, 16, 0);
    if (bytesRead < 16 || buffer.toString('latin1') !== SQLITE_HEADER) throw new ImportInputError('', `${path} is not an SQLite database (an Isso import reads Isso's comments.db)`);
  } finally {
    await file.close();
  }
}

function isDamagedDatabase(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return /^SQLITE_(NOTADB|CORRUPT)/.test(code) || /file is not a database|malformed/i.test(error instanceof Error ? error.message : '');
}

export const readIsso: ImportReader = async (input, sink) => {
  await fileSize(input.path);
  await assertSqlite(input.path);
  let data: Awaited<ReturnType<typeof readIssoDatabase>>;
  try {
    data = await readIssoDatabase(input.path);
  } catch (error) {
    if (error instanceof ForeignSchemaError) throw new ImportInputError('', error.message);
    // The right header with something else after it: SQLite finds no database (NOTADB) or a broken one (CORRUPT).
    if (isDamagedDatabase(error)) throw new ImportInputError('', `${input.path} starts like an SQLite database but is damaged or not one (${(error as Error).message.split('\n')[0]})`);
    throw error;
  }
  for (const thread of data.threads) {
    const at = `thread id ${thread.id}`;
    sink.thread({ key: String(thread.id), uri: threadUriFrom(thread.uri, input.baseUrl, at), title: optional(thread.title), createdAt: null, at });
  }
  let done = 0;
  for (const row of data.comments) {
    const at = `comment id ${row.id}`;
    const status = MODES[row.mode];
    if (!status) throw new ImportInputError(at, `unknown mode ${row.mode} (expected 1 accepted, 2 pending or 4 deleted)`);
    const createdAt = seconds(row.created);
    if (createdAt === null) throw new ImportInputError(at, `"created" is not a time (${row.created})`);
    sink.comment({
      sourceId: String(row.id),
      threadKey: String(row.tid),
      parentSourceId: row.parent === null ? null : String(row.parent),
      status,
      text: { kind: 'markdown', text: row.text ?? '' },
      name: optional(row.author),
      email: optional(row.email),
      url: optional(row.website),
      isAuthor: false,
      account: null,
      notify: false,
      preferredId: null,
      createdAt,
      editedAt: seconds(row.modified),
      at,
    });
    sink.progress(++done, data.comments.length);
  }
};
