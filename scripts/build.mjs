// Builds what Node and browsers run: server, CLI, plugin and benchmarks transpiled to dist/
// (no bundling, so stack traces map to files), the widget bundled and minified by its own
// build step, and the standalone plugin package (packages/eleventy-plugin-kommentar/dist/).
// esbuild takes well under a second, so `npm start`, `npm test` and `npm pack` (prepack)
// simply rebuild every time instead of tracking staleness.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths below are relative to the repository root, wherever the script is started from
// (the plugin package's prepack runs it from packages/eleventy-plugin-kommentar).
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/**
 * The widget's browser-only code, which buildWidget() bundles on its own. The rest of
 * server/widget (markup.ts, layout.ts, time.ts, …) is plain TypeScript transpiled
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

/**
 * Writes esbuild's outputs, each only when its content changed and then atomically
 * (temp file + rename): a rebuild while tests run (the pack test's prepack) never
 * shows a running process half a file.
 */
function writeChanged(result) {
  for (const file of result.outputFiles) {
    if (existsSync(file.path) && Buffer.compare(readFileSync(file.path), file.contents) === 0) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

const started = Date.now();
writeChanged(await build({
  entryPoints: ['server', 'plugin', 'bench', 'site-example'].flatMap(sources),
  outdir: 'dist',
  outbase: '.',
  absWorkingDir: root,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
}));
if (existsSync('server/widget/build.mjs')) await (await import('../server/widget/build.mjs')).buildWidget();
await buildPluginPackage();
if (!process.env.KOMMENTAR_QUIET_BUILD) console.log(`built dist/ in ${Date.now() - started} ms`);

/**
 * eleventy-plugin-kommentar: the plugin bundled into one ES module with the pure markup
 * modules it shares with the server (server/widget/markup.ts and what it imports), every
 * npm package left external so it must be one of the plugin package's own dependencies.
 * Both packages get the published types (plugin/types.d.ts and the Eleventy API subset).
 */
async function buildPluginPackage() {
  const out = join('packages', 'eleventy-plugin-kommentar');
  writeChanged(await build({
    entryPoints: ['plugin/index.ts'],
    outfile: join(out, 'dist', 'index.js'),
    absWorkingDir: root,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    write: false,
  }));
  for (const dir of [join(out, 'dist'), join('dist', 'plugin')]) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join('plugin', 'types.d.ts'), join(dir, 'index.d.ts'));
    copyFileSync(join('plugin', 'eleventy.d.ts'), join(dir, 'eleventy.d.ts'));
  }
  copyFileSync('LICENSE', join(out, 'LICENSE'));
}
