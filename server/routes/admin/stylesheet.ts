/** The desk's one stylesheet, served by the server (`GET /admin/desk.css`) so the CSP can forbid inline code. */
export const DESK_CSS = `
:root{color-scheme:light dark;--fg:#1c1c1c;--muted:#5f5f5f;--bg:#fff;--card:#f4f4f1;--accent:#0b5cad;--on-accent:#fff;--line:#d8d8d4;--ok:#e4f2e4;--ok-fg:#1d4d1d;--bad:#f9e3e3;--bad-fg:#6b1717}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#a8a8a8;--bg:#151515;--card:#222;--accent:#8bbcff;--on-accent:#0d1b2a;--line:#3a3a3a;--ok:#1d3320;--ok-fg:#cfe8cf;--bad:#3a1d1d;--bad-fg:#f3d0d0}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
header{border-bottom:1px solid var(--line);padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header .brand{font-weight:700;margin-right:auto}
header nav{display:flex;flex-wrap:wrap;gap:.25rem}
header nav a{padding:.45rem .65rem;border-radius:.4rem;text-decoration:none}
header nav a[aria-current=page]{background:var(--card);font-weight:600}
header form{margin:0}
main{max-width:46rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border-radius:.6rem;padding:.75rem 1rem;margin:0 0 1rem;overflow-wrap:anywhere}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .35rem}
.who{font-weight:600;margin:0}
.parent{margin:.5rem 0;padding:.1rem .75rem;border-left:3px solid var(--line);color:var(--muted)}
.comment :is(p,pre,blockquote,ul,ol){margin:.35rem 0}
pre{overflow-x:auto}
label{display:block;font-weight:600;margin:.6rem 0 .25rem}
.check{display:inline-flex;gap:.4rem;align-items:center;font-weight:400;margin:0}
input,select,button,textarea{font:inherit;color:inherit}
input[type=password],input[type=date],select,textarea{width:100%;padding:.5rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg)}
input[type=date],select{width:auto}
textarea{min-height:6rem;resize:vertical}
button{padding:.5rem .9rem;min-height:2.6rem;border-radius:.4rem;border:1px solid var(--line);background:var(--bg);cursor:pointer}
button.primary{background:var(--accent);color:var(--on-accent);border-color:var(--accent)}
.actions{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.6rem}
.notice{padding:.6rem 1rem;border-radius:.4rem;background:var(--ok);color:var(--ok-fg)}
.notice.error{background:var(--bad);color:var(--bad-fg)}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem;margin:0 0 1rem;padding:0;list-style:none}
.stats li{background:var(--card);padding:.5rem .75rem;border-radius:.5rem}
.stats b{display:block;font-size:1.35rem;font-variant-numeric:tabular-nums}
.stats .label{display:block;font-weight:600;font-size:.9rem}
.stats .meaning,.stats .change{display:block;font-size:.8rem;color:var(--muted)}
.headlines{grid-template-columns:repeat(auto-fill,minmax(min(100%,13rem),1fr))}
.lede{font-size:1.05rem}
.shapes,.posts,.acknowledged{padding:0;list-style:none}
.shapes li,.posts li{margin:.5rem 0}
.posts .shape{font-size:.8rem;border:1px solid var(--line);border-radius:999px;padding:0 .5em;white-space:nowrap}
.acknowledged li{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;justify-content:space-between;padding:.4rem 0;border-bottom:1px solid var(--line)}
details{margin:1rem 0}
summary{cursor:pointer;color:var(--accent)}
.glossary dt{font-weight:600;margin-top:.5rem}
.glossary dd{margin:0;color:var(--muted)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th.num{white-space:normal}
td.when{white-space:nowrap}
.narrow{max-width:22rem;margin:2rem auto}
footer{max-width:46rem;margin:1rem auto 0;padding:1rem;border-top:1px solid var(--line)}
footer .language{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
footer .language label{margin:0}
.empty{color:var(--muted)}
`;
