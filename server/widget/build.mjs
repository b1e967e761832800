// Builds the embeddable widget: server/widget/browser/main.ts bundled and minified to
// dist/widget/widget.js (one classic script without imports, so `async`
// embedding works everywhere), server/widget/widget.css minified to
// dist/widget/widget.css. Paths are resolved from this file, so tests and
// scripts can call it from any folder; files are replaced atomically, so a
// server reading them never sees half a file while a build runs.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Browsers the widget supports: evergreen releases from 2022 on. */
const target = ['chrome100', 'firefox100', 'safari15.4', 'edge100'];

/**
 * What the script carries from the catalogues: the version of the messages it
 * downloads (part of their URL) and the one text it needs when it can download
 * nothing. Read from server/widget/messages.ts, bundled for Node in memory.
 */
async function fromCatalogues() {
  const [module] = (await build({ entryPoints: ['server/widget/messages.ts'], bundle: true, platform: 'node', format: 'esm', absWorkingDir: root, write: false, logLevel: 'warning' })).outputFiles;
  const { MESSAGES_VERSION, offlineMessages } = await import(`data:text/javascript;base64,${Buffer.from(module.contents).toString('base64')}`);
  return { KOMMENTAR_MESSAGES_VERSION: JSON.stringify(MESSAGES_VERSION), KOMMENTAR_OFFLINE: JSON.stringify(offlineMessages()) };
}

/** Bundles the widget's script and stylesheet into dist/widget/. */
export async function buildWidget() {
  const common = { bundle: true, minify: true, target, legalComments: 'none', charset: 'utf8', logLevel: 'warning', absWorkingDir: root, write: false };
  const results = await Promise.all([
    build({ ...common, entryPoints: ['server/widget/browser/main.ts'], outfile: 'dist/widget/widget.js', format: 'iife', platform: 'browser', define: await fromCatalogues() }),
    build({ ...common, entryPoints: ['server/widget/widget.css'], outfile: 'dist/widget/widget.css' }),
  ]);
  for (const file of results.flatMap((result) => result.outputFiles)) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}
