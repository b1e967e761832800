/** The hash of a source body a later import compares: light enough for the main thread, which hashes what an earlier import stored. */
import { hash } from 'node:crypto';
import type { SourceText } from './types.js';

/** Identifies a source text without keeping it (not a secret: a change detector a later import compares). */
export function sourceHash(source: SourceText): string {
  return hash('sha1', `${source.kind}\n${source.text}`, 'base64url');
}
