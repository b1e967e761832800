/**
 * Converts comment bodies in worker threads. Turning HTML into Markdown and
 * rendering Markdown cost far more than parsing or storing a comment, so a
 * large import spreads them over the cores while the main thread reads or
 * writes. Small inputs convert inline: starting workers would cost more than it saves.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toHtml, toMarkdown } from './convert.js';
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

/** A batch for a worker: source bodies of one kind to Markdown, or Markdown bodies to HTML (plain strings: they cross threads cheapest). */
export type ConvertJob = { id: number; op: 'markdown'; kind: SourceText['kind']; items: string[] } | { id: number; op: 'html'; items: string[] };

/** What a job turns into, in a worker or inline. */
export function convertJob(job: ConvertJob): string[] {
  return job.op === 'markdown' ? job.items.map((text) => toMarkdown({ kind: job.kind, text })) : job.items.map(toHtml);
}

type Reply = { id: number; results: string[] } | { id: number; error: string };

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (results: string[]) => void; reject: (error: Error) => void }>;
}

export class ConvertPool {
  private nextId = 0;
  private readonly slots: Slot[] = [];

  /** `size` workers, started on the first job (a re-import may need none). */
  private constructor(private readonly size: number) {}

  /** Workers for an input of `inputBytes`: one per core for a large one, none for a small one. */
  static forInput(inputBytes: number): ConvertPool {
    return new ConvertPool(inputBytes >= WORKERS_FROM_BYTES && existsSync(WORKER_FILE) ? Math.min(availableParallelism(), MAX_WORKERS) : 0);
  }

  private static startWorker(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_FILE, { resourceLimits: WORKER_LIMITS }), pending: new Map() };
    slot.worker.on('message', (reply: Reply) => {
      const waiting = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`converting comment bodies failed: ${reply.error}`));
      else waiting?.resolve(reply.results);
    });
    slot.worker.on('error', (error) => {
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
    });
    return slot;
  }

  /** Runs a job in the least busy worker, or inline when there are none. */
  private run(job: ConvertJob): Promise<string[]> {
    while (this.slots.length < this.size) this.slots.push(ConvertPool.startWorker());
    if (this.slots.length === 0) return Promise.resolve(convertJob(job));
    const slot = this.slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    return new Promise((resolve, reject) => {
      slot.pending.set(job.id, { resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  /** Markdown for each source body of `kind`, in order. */
  markdown(kind: SourceText['kind'], items: string[]): Promise<string[]> {
    return this.run({ id: this.nextId++, op: 'markdown', kind, items });
  }

  /** HTML for each Markdown body, in order. */
  html(items: string[]): Promise<string[]> {
    return this.run({ id: this.nextId++, op: 'html', items });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
