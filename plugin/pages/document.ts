/** A page of its own for the dialogue pages when the blogger names no layout of theirs. */
import { escapeHtml } from '../../server/render/escape.js';

export function standaloneDocument(title: string, lang: string, body: string): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}</style>` +
    `</head><body><main>${body}</main></body></html>`
  );
}
