import { COLORS } from '../charts/figure.js';
import { PERSON_COLORS } from '../charts/tree.js';
import { escapeHtml } from '../../server/render/escape.js';
import { stylesheetPath } from './paths.js';

/**
 * The dialogue pages' stylesheet: one file the plugin writes beside the
 * report page (`<reportPath>kommentar.css`), linked from every dialogue page
 * with a <link> (valid inside <body>, so it works inside any layout). Browsers
 * fetch it once for all the pages, and a site whose Content-Security-Policy
 * allows only its own style files (`style-src 'self'`) gets styled pages: no
 * <style> element and no style attribute anywhere in the markup, the legend
 * swatches take their colours from classes below. Scoped to
 * `.kommentar-report` (the standalone page's rules to `html.kommentar-page`,
 * which only that page has); text and lines take
 * the site's own colours (currentColor and translucent greys), and the chart
 * colours read on white and on black, so the pages are light on a light site
 * and dark on a dark one, whichever way the site switches (its own
 * prefers-color-scheme rules or an attribute). Fits a 360 px phone (tables
 * stack into cards), prints cleanly.
 */
export const REPORT_CSS = `
.kommentar-report { --k-line: rgba(127,127,127,.35); --k-soft: rgba(127,127,127,.09); --k-link: inherit; line-height: 1.5; overflow-wrap: break-word; }
.kommentar-report * { box-sizing: border-box; }
.kommentar-report h2 { margin-top: 2.2em; }
.kommentar-report .kommentar-lede { font-size: 1.15em; }
.kommentar-report .kommentar-note { font-size: .9em; opacity: .8; }
.kommentar-report .kommentar-warning { border-left: 4px solid #E69F00; padding: .4em .8em; }
.kommentar-numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr)); gap: .8em; margin: 1.2em 0; padding: 0; }
.kommentar-numbers div { border: 1px solid var(--k-line); border-radius: 8px; padding: .7em .9em; background: var(--k-soft); }
.kommentar-numbers dt { font-size: .9em; font-weight: 600; }
.kommentar-numbers dd { margin: 0; }
.kommentar-numbers dd:first-of-type { font-size: 1.9em; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.2; }
.kommentar-numbers--small dd:first-of-type { font-size: 1.35em; }
.kommentar-numbers .kommentar-meaning { font-size: .85em; opacity: .85; }
.kommentar-numbers .kommentar-change { font-size: .8em; margin-top: .3em; font-variant-numeric: tabular-nums; opacity: .75; }
.kommentar-topicmap { display: flex; flex-wrap: wrap; gap: .4em 1.4em; list-style: none; padding: .7em .9em; margin: 1em 0; border: 1px solid var(--k-line); border-radius: 8px; background: var(--k-soft); }
.kommentar-topicmap b { display: block; font-size: 1.4em; font-variant-numeric: tabular-nums; }
.kommentar-topicmap span { font-size: .85em; }
.kommentar-chart { margin: 1.6em 0; break-inside: avoid; }
.kommentar-svg-wrap svg { max-width: 100%; height: auto; display: block; }
.kommentar-multiples { display: flex; flex-wrap: wrap; gap: 1em 1.6em; }
.kommentar-multiples svg { flex: 1 1 200px; max-width: 300px; }
.kommentar-chart figcaption { font-size: .92em; margin: .4em 0 .6em; }
.kommentar-chart figcaption strong { display: block; font-size: 1.05em; }
.kommentar-legend { display: flex; flex-wrap: wrap; gap: .2em 1.1em; font-size: .85em; margin: .5em 0; }
.kommentar-legend span { display: inline-flex; align-items: center; gap: .4em; }
.kommentar-legend i { display: inline-block; width: .8em; height: .8em; border-radius: 50%; }
.kommentar-legend i.kommentar-line { width: 1.4em; height: 3px; border-radius: 0; background: currentColor; }
.kommentar-legend i.kommentar-mark-post { background: currentColor; border-radius: 0; }
.kommentar-legend i.kommentar-mark-author { background: ${COLORS.author}; box-shadow: 0 0 0 2px currentColor; }
.kommentar-legend i.kommentar-mark-removed { background: transparent; border: 1.5px solid ${COLORS.muted}; }
${Object.entries(COLORS).map(([name, color]) => `.kommentar-legend i.kommentar-color-${name} { background: ${color}; }`).join('\n')}
${PERSON_COLORS.map((color, i) => `.kommentar-legend i.kommentar-person-${i + 1} { background: ${color}; }`).join('\n')}
.kommentar-data, .kommentar-glossary { margin: .4em 0; font-size: .92em; }
.kommentar-data summary, .kommentar-glossary summary { cursor: pointer; opacity: .85; }
.kommentar-glossary dt { font-weight: 600; margin-top: .6em; }
.kommentar-glossary dd { margin: 0; }
.kommentar-report table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: .6em 0 1.2em; max-width: 100%; }
.kommentar-report caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.kommentar-report th, .kommentar-report td { padding: .25em .7em .25em 0; text-align: left; border-bottom: 1px solid var(--k-line); vertical-align: top; }
.kommentar-report th { hyphens: auto; overflow-wrap: anywhere; }
.kommentar-report td { text-align: right; white-space: nowrap; }
.kommentar-report td.kommentar-text { white-space: normal; }
.kommentar-report td.kommentar-text { text-align: left; }
.kommentar-gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 190px), 1fr)); gap: 1em; padding: 0; list-style: none; }
.kommentar-gallery li { border: 1px solid var(--k-line); border-radius: 8px; padding: .5em; }
.kommentar-gallery .kommentar-chart { margin: .3em 0 0; }
.kommentar-chart--small figcaption, .kommentar-chart--small .kommentar-data {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.kommentar-shape { display: inline-block; border-radius: 999px; padding: 0 .6em; font-size: .85em; border: 1px solid currentColor; white-space: nowrap; }
.kommentar-waiting { padding-left: 1.2em; }
.kommentar-waiting li { margin: .6em 0; }
.kommentar-waiting blockquote { margin: .2em 0 0; font-style: italic; }
@media (max-width: 40em) {
  .kommentar-posts thead, .kommentar-measures thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .kommentar-posts, .kommentar-posts tbody, .kommentar-posts tr, .kommentar-measures, .kommentar-measures tbody, .kommentar-measures tr { display: block; width: 100%; }
  .kommentar-posts tr, .kommentar-measures tr { border-bottom: 1px solid var(--k-line); padding: .5em 0; }
  .kommentar-posts th, .kommentar-measures th { display: block; border: 0; }
  .kommentar-posts td { display: inline-block; border: 0; text-align: left; padding: 0 1em 0 0; }
  .kommentar-posts td[data-label]::before { content: attr(data-label) ": "; opacity: .75; }
  .kommentar-measures td { display: block; border: 0; text-align: left; padding: 0; }
  .kommentar-measures td:not(.kommentar-text) { font-size: 1.2em; font-weight: 600; }
}
@media print {
  .kommentar-report a { color: inherit; text-decoration: none; }
  .kommentar-report { --k-soft: transparent; }
  .kommentar-report .kommentar-gallery li, .kommentar-numbers div, .kommentar-topicmap { border-color: #999; }
  .kommentar-report h2 { break-after: avoid; }
  .kommentar-report tr, .kommentar-waiting li, .kommentar-numbers div { break-inside: avoid; }
  .kommentar-data, .kommentar-glossary { display: none; }
}
/* The standalone page (no layout of the site's): light or dark by the reader's preference, unless <html> says data-kommentar-theme. */
html.kommentar-page { color-scheme: light dark; }
.kommentar-page body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; background: #fff; }
.kommentar-page a { color: #0b5cad; }
@media (prefers-color-scheme: dark) {
  .kommentar-page:not([data-kommentar-theme=light]) body { color: #e8e8e8; background: #16181c; }
  .kommentar-page:not([data-kommentar-theme=light]) a { color: #8bbcff; }
}
.kommentar-page[data-kommentar-theme=dark] body { color: #e8e8e8; background: #16181c; }
.kommentar-page[data-kommentar-theme=dark] a { color: #8bbcff; }
`;

/** The <link> every dialogue page starts with (a root path, like every link the plugin writes: see the README on pathPrefix). */
export function stylesheetLink(reportPath: string): string {
  return `<link rel="stylesheet" href="${escapeHtml(stylesheetPath(reportPath))}">`;
}
