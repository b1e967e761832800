/**
 * One batch of the convert pool: each body converted, then the batch staged.
 * Its own module because conversion loads the renderers (turndown, marked,
 * sanitize-html): the workers load it, the main thread only for an input
 * small enough to convert inline.
 */
import type { ImportStaging, StagedRow } from '../db/imports.js';
import { convertBody } from './convert.js';
import type { PendingComment } from './convert-pool.js';
import { sourceHash } from './source-hash.js';
import type { SourceText } from './types.js';

/** A deleted comment keeps no content (as on deletion in Kommentar); its hash still tells a later import it is the same. */
const DELETED = 'deleted';
const NOTHING = { body: '', html: '' };

/** Converts a batch and adds it to `staging`, in a worker or inline. */
export function stageBatch(staging: ImportStaging, kind: SourceText['kind'], items: PendingComment[]): void {
  staging.add(
    items.map(([seq, text, ...values]): StagedRow => {
      const { body, html } = values[0] === DELETED ? NOTHING : convertBody({ kind, text });
      return [seq, ...values, body, html, sourceHash({ kind, text })];
    }),
  );
}
