/**
 * A page of its own for the dialogue pages when the blogger names no layout
 * of theirs: light or dark by the reader's preference, unless the page is
 * told otherwise with `data-kommentar-theme` on <html>.
 */
import { escapeHtml } from '../../server/render/escape.js';

const PAGE_CSS =
  ':root{color-scheme:light dark}body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}' +
  'a{color:#0b5cad}' +
  '@media (prefers-color-scheme:dark){html:not([data-kommentar-theme=light]) body{color:#e8e8e8;background:#16181c}html:not([data-kommentar-theme=light]) a{color:#8bbcff}}' +
  'html[data-kommentar-theme=dark] body{color:#e8e8e8;background:#16181c}html[data-kommentar-theme=dark] a{color:#8bbcff}';

export function standaloneDocument(title: string, lang: string, body: string): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${PAGE_CSS}</style>` +
    `</head><body><main>${body}</main></body></html>`
  );
}
