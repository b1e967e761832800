// Builds what Node and browsers run: server, CLI, plugin and benchmarks transpiled to dist/
// (no bundling, so stack traces map to files), and the widget bundled and minified by its
// own build step. esbuild takes well under a second, so `npm start` and `npm test` simply
// rebuild every time instead of tracking staleness.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The widget's browser-only code, which buildWidget() bundles on its own. The rest of
 * server/widget (markup.ts, layout.ts, time.ts, i18n/) is plain TypeScript transpiled
 * like the server, because the thread page and the Eleventy prerender render with it.
 */
const BROWSER_ONLY = [join('server', 'widget', 'browser')];

/** TypeScript files under `dir`, skipping the browser-only widget source. */
function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (BROWSER_ONLY.includes(path)) return [];
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('_') ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const started = Date.now();
await build({
  entryPoints: ['server', 'plugin', 'bench', 'site-example'].flatMap(sources),
  outdir: 'dist',
  outbase: '.',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (existsSync('server/widget/build.mjs')) await (await import('../server/widget/build.mjs')).buildWidget();
if (!process.env.KOMMENTAR_QUIET_BUILD) console.log(`built dist/ in ${Date.now() - started} ms`);
