/**
 * A page of its own for the dialogue pages when the blogger names no layout
 * of theirs: light or dark by the reader's preference, unless the page is
 * told otherwise with `data-kommentar-theme` on <html>. Its few rules are in
 * the dialogue stylesheet (pages/style.ts, scoped to `html.kommentar-page`)
 * that the page's body links, so it needs no <style> of its own either.
 */
import { escapeHtml } from '../../server/render/escape.js';

export function standaloneDocument(title: string, lang: string, body: string): string {
  return (
    `<!doctype html><html class="kommentar-page" lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `</head><body><main>${body}</main></body></html>`
  );
}
