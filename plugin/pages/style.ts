/**
 * The dialogue pages' stylesheet, inlined into each page so it works inside
 * any layout and offline. Scoped to `.kommentar-report`; inherits the site's
 * fonts and colours where it can, and prints cleanly on paper.
 */
export const REPORT_CSS = `
.kommentar-report { line-height: 1.5; }
.kommentar-report h2 { margin-top: 2.2em; }
.kommentar-report .kommentar-lede { font-size: 1.15em; }
.kommentar-report .kommentar-note { font-size: .9em; opacity: .8; }
.kommentar-report .kommentar-warning { border-left: 4px solid #E69F00; padding: .4em .8em; }
.kommentar-numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: .8em; margin: 1.2em 0; padding: 0; }
.kommentar-numbers div { border: 1px solid rgba(127,127,127,.35); border-radius: 6px; padding: .6em .8em; }
.kommentar-numbers dt { font-size: .85em; }
.kommentar-numbers dd { margin: 0; font-size: 1.6em; font-weight: 600; font-variant-numeric: tabular-nums; }
.kommentar-chart { margin: 1.6em 0; break-inside: avoid; }
.kommentar-chart svg { max-width: 100%; height: auto; display: block; }
.kommentar-chart figcaption { font-size: .9em; margin: .4em 0; }
.kommentar-report table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: .6em 0 1.2em; }
.kommentar-report caption { text-align: left; font-size: .85em; opacity: .8; }
.kommentar-report th, .kommentar-report td { padding: .2em .7em .2em 0; text-align: left; border-bottom: 1px solid rgba(127,127,127,.25); vertical-align: top; }
.kommentar-report td { text-align: right; }
.kommentar-report td.kommentar-text { text-align: left; }
.kommentar-gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 1em; padding: 0; list-style: none; }
.kommentar-gallery li { border: 1px solid rgba(127,127,127,.3); border-radius: 6px; padding: .5em; }
.kommentar-gallery .kommentar-chart { margin: .3em 0 0; }
.kommentar-chart--small figcaption, .kommentar-chart--small .kommentar-chart-data {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.kommentar-shape { display: inline-block; border-radius: 999px; padding: 0 .6em; font-size: .85em; border: 1px solid currentColor; }
.kommentar-waiting { padding-left: 1.2em; }
.kommentar-waiting li { margin: .6em 0; }
.kommentar-waiting blockquote { margin: .2em 0 0; font-style: italic; }
@media print {
  .kommentar-report a { color: inherit; text-decoration: none; }
  .kommentar-report .kommentar-gallery li, .kommentar-numbers div { border-color: #999; }
  .kommentar-report h2 { break-after: avoid; }
  .kommentar-report tr, .kommentar-waiting li { break-inside: avoid; }
}
`;
