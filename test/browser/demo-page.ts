/** The demo blog post the browser suites load: a plain static page with the contract's two-line embed. */
import { escapeHtml } from '../../server/render/escape.js';

export interface DemoOptions {
  /** The comment server's URL (the script's origin). */
  server: string;
  /** Thread uri; omitted to let the widget default to the page path. */
  thread?: string;
  site?: string;
  lang?: string;
  /** `data-kommentar-theme` on <html>. */
  theme?: 'light' | 'dark';
  /** Prerendered thread markup to place inside the embed div (what the Eleventy plugin writes). */
  prerendered?: string;
  /** Link the widget's stylesheet in <head>, as a prerendered page does so the thread is styled before any script runs. */
  styles?: boolean;
  /** `data-kommentar-page-size`: top-level threads the widget shows at first. */
  pageSize?: number;
}

const STYLE = `body{margin:0;font:17px/1.6 Georgia,serif;color:#222;background:#fdfcf9}
header{padding:1rem 1.5rem;border-bottom:1px solid #e5e1d8;font:600 1rem system-ui,sans-serif}
main{max-width:42rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .25rem}.date{color:#6b6459;font:.9rem system-ui,sans-serif}
.comments{margin-top:3rem;font-family:system-ui,sans-serif;font-size:16px}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#15171b}header{border-color:#333}.date{color:#a39e95}}
html[data-kommentar-theme=dark] body{color:#ddd;background:#15171b}`;

export function demoPage(options: DemoOptions): string {
  const attrs = [options.thread === undefined ? 'data-kommentar-thread' : `data-kommentar-thread="${escapeHtml(options.thread)}"`];
  if (options.site) attrs.push(`data-kommentar-site="${escapeHtml(options.site)}"`);
  if (options.pageSize) attrs.push(`data-kommentar-page-size="${options.pageSize}"`);
  const theme = options.theme ? ` data-kommentar-theme="${options.theme}"` : '';
  const styles = options.styles ? `<link rel="stylesheet" href="${options.server}/widget.css">` : '';
  return `<!doctype html><html lang="${options.lang ?? 'en'}"${theme}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Why small comment threads work</title><style>${STYLE}</style>${styles}</head>
<body><header>A Quiet Blog</header><main><article><h1>Why small comment threads work</h1><p class="date">12 March 2025</p>
<p>Most comment sections reward reach. This one measures whether people actually talk to each other: replies, returns, and answers from the author.</p>
<p>Below is the embed: two lines of HTML, nothing else.</p></article>
<section class="comments"><div ${attrs.join(' ')}>${options.prerendered ?? ''}</div></section></main>
<script src="${options.server}/widget.js" async></script></body></html>`;
}
