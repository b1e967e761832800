/**
 * One batch of the convert pool: each body converted, then the batch staged.
 * Its own module because conversion loads the renderers: the workers load it,
 * the main thread only for an input small enough to convert inline. Bodies
 * the direct paths take need no more; the full renderers (turndown, marked,
 * sanitize-html) are loaded with convert.ts at the first body that needs them.
 */
import type { ImportStaging, StagedRow } from '../db/imports.js';
import type { PendingComment } from './convert-pool.js';
import { directBody } from './direct-body.js';
import { sourceHash } from './source-hash.js';
import type { SourceText } from './types.js';

/** A deleted comment keeps no content (as on deletion in Kommentar); its hash still tells a later import it is the same. */
const DELETED = 'deleted';
const NOTHING = { body: '', html: '' };

/** Converts a batch and adds it to `staging`, in a worker or inline. */
export async function stageBatch(staging: ImportStaging, kind: SourceText['kind'], items: PendingComment[]): Promise<void> {
  const rows: StagedRow[] = [];
  for (const [seq, text, ...values] of items) {
    const source = { kind, text };
    let converted = values[0] === DELETED ? NOTHING : directBody(source);
    if (converted === null) converted = (await import('./convert.js')).convertBody(source);
    rows.push([seq, ...values, converted.body, converted.html, sourceHash(source)]);
  }
  staging.add(rows);
}
