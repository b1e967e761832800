/**
 * The built widget files (dist/widget/, written by build.mjs) as the server
 * hands them out: read once, with a content hash for the ETag and a gzip copy,
 * so every request is a lookup.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface WidgetAsset {
  body: Buffer;
  gzip: Buffer;
  /** Strong validator of the uncompressed bytes, without quotes. */
  hash: string;
}

// From dist/server/widget/ (built server) the files are at dist/widget/; from server/widget/ (tests run the source) at dist/widget/ under the root.
const FOLDERS = [new URL('../../widget/', import.meta.url), new URL('../../dist/widget/', import.meta.url)];

/** The built files, each read on first use and then kept for as long as the app that owns this runs. */
export class WidgetAssets {
  readonly #read = new Map<string, WidgetAsset>();

  /** The named file of the built widget, or undefined when it has not been built. */
  get(name: 'widget.js' | 'widget.css'): WidgetAsset | undefined {
    const cached = this.#read.get(name);
    if (cached) return cached;
    const file = FOLDERS.map((folder) => new URL(name, folder)).find((url) => existsSync(url));
    if (!file) return undefined;
    const body = readFileSync(file);
    const asset = { body, gzip: gzipSync(body, { level: 9 }), hash: createHash('sha256').update(body).digest('base64url').slice(0, 27) };
    this.#read.set(name, asset);
    return asset;
  }
}
