/**
 * Converts and stages comment bodies in worker threads. Turning HTML into
 * Markdown, rendering Markdown and storing the result cost far more than
 * parsing a comment, so a large import spreads them over the cores while the
 * main thread reads: each worker writes what it converted into a staging file
 * of its own (db/imports.ts), from which the import's transaction moves the
 * rows into place once the plan is made. Small inputs convert inline (starting
 * workers would cost more than it saves), into a staging file all the same.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportStaging } from '../db/imports.js';
import type { SourceText } from './types.js';

// Present once built (dist/); when running from TypeScript sources there is none, and conversion runs inline.
const WORKER_FILE = fileURLToPath(new URL('./convert-worker.js', import.meta.url));
const WORKERS_FROM_BYTES = 1024 * 1024;
const MAX_WORKERS = 4;
/**
 * A worker holds one batch at a time; a tight heap makes it collect its garbage
 * (turndown builds a DOM per body) instead of growing. Comments are at most
 * tens of KB (WordPress caps them at 64 KB), far inside this.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * A comment for the pool: its `seq`, its source text, then its stored values
 * in the staging order (status … import_id, see db/imports.ts); the pool adds
 * body, html and the source's hash. Arrays of plain values cross threads cheapest.
 */
export type PendingComment = [seq: number, text: string, ...values: (string | number | null)[]];

/** A batch for a worker: comments whose source text is of one kind; or the end of its work. */
export type ConvertJob = { id: number; op: 'stage'; kind: SourceText['kind']; items: PendingComment[] } | { id: number; op: 'close' };

type Reply = { id: number } | { id: number; error: string };

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: () => void; reject: (error: Error) => void }>;
}

export class ConvertPool {
  private nextId = 0;
  private readonly slots: Slot[] = [];
  private inline: ImportStaging | null = null;
  /** The staging files in use (one per worker, or the inline one). */
  readonly files: string[] = [];
  private readonly dir: string;

  /** `size` workers, started on the first job (a re-import may need none); staging files in a new folder in `parent`. */
  private constructor(
    private readonly size: number,
    parent: string,
  ) {
    this.dir = mkdtempSync(join(parent, '.kommentar-import-'));
  }

  /**
   * Workers for an input of `inputBytes`: one per core for a large one, none for a small one.
   * The staging files go beside the database file when there is one (the disk that will hold
   * the comments anyway; the system's temp folder may be memory), else into the temp folder.
   */
  static forInput(inputBytes: number, databasePath: string | null): ConvertPool {
    const size = inputBytes >= WORKERS_FROM_BYTES && existsSync(WORKER_FILE) ? Math.min(availableParallelism(), MAX_WORKERS) : 0;
    return new ConvertPool(size, databasePath === null ? tmpdir() : dirname(resolve(databasePath)));
  }

  private startWorker(): Slot {
    const file = join(this.dir, `staged-${this.slots.length}.db`);
    this.files.push(file);
    const slot: Slot = { worker: new Worker(WORKER_FILE, { resourceLimits: WORKER_LIMITS, workerData: { file } }), pending: new Map() };
    slot.worker.on('message', (reply: Reply) => {
      const waiting = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`converting comment bodies failed: ${reply.error}`));
      else waiting?.resolve();
    });
    slot.worker.on('error', (error) => {
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
    });
    return slot;
  }

  private send(slot: Slot, job: ConvertJob): Promise<void> {
    return new Promise((resolve, reject) => {
      slot.pending.set(job.id, { resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  /** Converts and stages `items` in the least busy worker, or inline when there are none. */
  stage(kind: SourceText['kind'], items: PendingComment[]): Promise<void> {
    while (this.slots.length < this.size) this.slots.push(this.startWorker());
    if (this.slots.length === 0) {
      if (!this.inline) {
        const file = join(this.dir, 'staged-inline.db');
        this.inline = new ImportStaging(file);
        this.files.push(file);
      }
      const staging = this.inline;
      // Loaded here, not at the top: a large import's main thread never needs the renderers.
      return import('./stage-batch.js').then(({ stageBatch }) => stageBatch(staging, kind, items));
    }
    const slot = this.slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    return this.send(slot, { id: this.nextId++, op: 'stage', kind, items });
  }

  /**
   * Closes the staging files and stops the workers, once everything is staged:
   * their memory is free again before the rows are moved. The files stay until `close`.
   */
  async stop(): Promise<void> {
    this.inline?.close();
    this.inline = null;
    // Each worker closes its staging file first, so nothing writes to it later.
    const slots = this.slots.splice(0);
    await Promise.allSettled(slots.map((slot) => this.send(slot, { id: this.nextId++, op: 'close' })));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Stops the workers if they still run and deletes the staging files. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
