/**
 * Serialised public threads, kept in memory: reading a thread is the hot path
 * (every page view with the widget), writing is rare. An entry is valid while
 * no comment was written in this process since it was made, and for at most a
 * couple of seconds, which bounds staleness from writes by other processes.
 */
import { createHash } from 'node:crypto';

export interface ThreadSnapshot {
  /** The JSON body `{ "comments": [...] }`, already UTF-8 encoded: encoding 30 KB per response cost more than the rest of a read. */
  json: Uint8Array<ArrayBuffer>;
  /** Strong ETag of `json`, quoted. */
  etag: string;
}

interface Entry {
  generation: number;
  storedAt: number;
  snapshot: ThreadSnapshot;
}

const TTL_MS = 2000;
const encoder = new TextEncoder();
const MAX_ENTRIES = 1000;

export class ThreadCache {
  private readonly entries = new Map<string, Entry>();

  get(key: string, generation: number, now: number): ThreadSnapshot | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== generation || now - entry.storedAt > TTL_MS) return undefined;
    return entry.snapshot;
  }

  set(key: string, generation: number, now: number, json: string): ThreadSnapshot {
    const snapshot = { json: encoder.encode(json), etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { generation, storedAt: now, snapshot });
    return snapshot;
  }
}
