/**
 * The Eleventy plugin's cost: the example blog with 1,000 generated posts
 * whose server holds 100,000 comments, built in the same run
 * - as a blogger would without the plugin: the same comments saved as a
 *   `_data/comments.json` file and shown by a hand-written Nunjucks loop (the
 *   baseline; target: the plugin at most 1.3× its time, dialogue pages included);
 * - with the plugin: prerendered threads on every post, badges, counts, the
 *   dialogue page and 1,000 per-post dialogue pages, from eleventy-fetch's
 *   cache (a rebuild within the cache duration), fetching everything (a fresh
 *   CI machine; the server runs in this process, so its work is counted too),
 *   and without the per-post pages;
 * - and, for reference, without any comments at all.
 * Then the per-post dialogue pages alone at 250, 1,000 and 4,000 posts: their
 * cost per page should stay flat (linear growth), measured beside Eleventy's
 * own paginated pages of the same size (how flat Eleventy itself stays).
 * Costs are CPU time (see `timed`), wall time beside them. Each build runs in a
 * process of its own, as `npx @11ty/eleventy` on a CI machine does; the plugin's
 * and the hand-written build are also compared as rebuilds in one process, as
 * `eleventy --serve` makes them after an edit. Three measured rounds follow one
 * that fills the cache, the plugin's build right after the hand-written one,
 * and the target is the median of the rounds' ratios, so drift falls on both.
 */
import Eleventy from '@11ty/eleventy';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import { migrate } from '../server/db/migrations.js';
import { listPublicSite } from '../server/comments/site-threads.js';
import { startServer, type RunningServer } from '../server/server.js';
import { EXAMPLE_DIR } from '../site-example/build-site.js';
import { generateSite } from './generate.js';
import type { BenchRow } from './table.js';

const SIZE = { posts: 1_000, comments: 100_000, participants: 8_000 };
/** Measured rounds, after one unmeasured round that fills the plugin's cache and the file system's. */
const ROUNDS = 3;

const PARAGRAPHS = [
  'The morning started grey, the kind of grey that makes the kitchen light look warmer than it is. I put the kettle on and opened the notebook at the page where I had stopped yesterday, halfway through a sentence about bread.',
  'There is a particular pleasure in a walk that has no destination. The streets rearrange themselves when you are not trying to get anywhere, and small things come forward: a cat on a windowsill, a hand-painted sign, loaves cooling on a bakery rack.',
  'Most of what I write before breakfast will never be read. That is the point of it. Practice is allowed to be bad, and the good sentences only come after the bad ones have had their turn at the table.',
  'A starter kept in the fridge forgives almost anything. Feed it when you remember, warm it on the windowsill, and wait for the bubbles. The dough knows when it is ready long before the clock does.',
];

/** The example blog (layouts, index, archive, about) with `posts` generated posts of about 400 words each. */
function writeSource(dir: string, posts = SIZE.posts): void {
  cpSync(join(EXAMPLE_DIR, 'content'), dir, { recursive: true, filter: (path) => !/posts[\\/][^\\/]+\.md$/.test(path) });
  for (let post = 0; post < posts; post++) {
    const body = Array.from({ length: 6 }, (_, i) => PARAGRAPHS[(post + i) % PARAGRAPHS.length]).join('\n\n');
    const date = new Date(Date.UTC(2023, 0, 1) + post * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      join(dir, 'posts', `${post}.md`),
      `---\ntitle: Post number ${post}\ndate: ${date}\nlang: en\ndescription: Notes from day ${post} at the kitchen table.\n---\n\n${body}\n\n## What stayed\n\n- the light\n- the bread\n- one good sentence\n`,
    );
  }
}

const siteSetup = JSON.stringify(pathToFileURL(join(EXAMPLE_DIR, 'site-setup.js')).href);

/** The same site without the plugin: the example's own setup, the comment shortcodes answering nothing. */
const PLAIN_CONFIG = `import { configureSite, directories } from ${siteSetup};
export default function (eleventyConfig) {
  for (const name of ['comments', 'commentCount', 'dialogueBadge']) eleventyConfig.addShortcode(name, () => '');
  configureSite(eleventyConfig);
  return { dir: directories };
}
`;

/**
 * What a blogger writes without the plugin: the comments in `_data/comments.json`
 * (uri → the thread's comments, parents before replies, as the API lists them),
 * shown by a Nunjucks loop indented by depth, and counted by a small shortcode.
 */
const HANDWRITTEN_CONFIG = `import { readFileSync } from 'node:fs';
import { configureSite, directories } from ${siteSetup};
export default function (eleventyConfig) {
  const comments = JSON.parse(readFileSync(new URL('./handwritten/_data/comments.json', import.meta.url), 'utf8'));
  eleventyConfig.addShortcode('commentCount', (uri) => String((comments[uri] ?? []).filter((c) => !c.deleted).length));
  eleventyConfig.addShortcode('dialogueBadge', () => '');
  configureSite(eleventyConfig);
  return { dir: directories };
}
`;

const HANDWRITTEN_LOOP = `{% set thread = comments[page.url] or [] %}
<section class="comments" id="comments">
  <h2>{{ thread.length }} comments</h2>
  <ol class="comment-list">
  {%- for c in thread %}
    <li id="comment-{{ c.id }}" style="margin-left: {{ (c.depth - 1) * 1.5 }}em">
      {%- if c.deleted %}<p><em>This comment was deleted.</em></p>{% else %}
      <p class="meta">{% if c.url %}<a href="{{ c.url }}" rel="nofollow ugc">{{ c.name or "Anonymous" }}</a>{% else %}<b>{{ c.name or "Anonymous" }}</b>{% endif %}
        {% if c.isAuthor %}<span class="badge">Author</span>{% endif %} <time datetime="{{ c.createdAt }}">{{ c.createdAt.slice(0, 10) }}</time></p>
      {{ c.html | safe }}{% endif %}
    </li>
  {%- endfor %}
  </ol>
</section>
`;

/** The handwritten variant's sources: the example blog with the threads as a data file and the loop in place of `{% comments %}`. */
async function writeHandwritten(dir: string, server: RunningServer): Promise<void> {
  writeSource(dir);
  // The same threads the plugin gets from GET /api/v1/threads, as a blogger would save them.
  const threads = await listPublicSite(server.ctx, 'bench');
  writeFileSync(join(dir, '_data', 'comments.json'), JSON.stringify(Object.fromEntries(threads.map((t) => [t.uri, t.comments]))));
  writeFileSync(join(dir, '_includes', 'comments.njk'), HANDWRITTEN_LOOP);
  const post = join(dir, '_includes', 'post.njk');
  writeFileSync(post, readFileSync(post, 'utf8').replace('{% comments %}', '{% include "comments.njk" %}'));
}

/** The site with the plugin, as the example adds it; cache folder and per-post pages are read when each build starts. */
function pluginConfig(server: string): string {
  const plugin = JSON.stringify(pathToFileURL(join(EXAMPLE_DIR, '../dist/plugin/index.js')).href);
  return `import kommentar from ${plugin};
import { configureSite, directories } from ${siteSetup};
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(kommentar, {
    server: ${JSON.stringify(server)}, site: 'bench', layout: 'base.njk', strict: true, cacheDuration: '1h', timeout: 120000,
    cacheDirectory: process.env.BENCH_KOMMENTAR_CACHE,
    postPages: process.env.BENCH_KOMMENTAR_POST_PAGES !== '0',
  });
  configureSite(eleventyConfig);
  return { dir: directories };
}
`;
}

/**
 * A build's cost in ms: the CPU time (user + system, all threads: GC and file
 * writes included) of a process that runs the one build, as `npx @11ty/eleventy`
 * does (loading Eleventy and the config included), which other work on a shared
 * machine disturbs far less than the wall time it is reported beside.
 */
interface Cost {
  cpu: number;
  /** The part of `cpu` spent in the kernel: creating folders and files, faulting in fresh memory. */
  kernel: number;
  wall: number;
}

const BUILD_CHILD = join(import.meta.dirname, 'eleventy-build-child.js');

/** One build of `input` (relative to the working directory, where Eleventy 3.1 looks for directory data) in a process of its own; this process's CPU meanwhile (the server, when the build fetches) is added. */
async function timed(input: string, output: string, configPath: string): Promise<Cost> {
  rmSync(output, { recursive: true, force: true });
  const serving = process.cpuUsage();
  const { stdout } = await promisify(execFile)(process.execPath, [BUILD_CHILD, input, output, configPath], { env: process.env, maxBuffer: 16 * 1024 * 1024 });
  const served = process.cpuUsage(serving);
  const build = JSON.parse(stdout.trim().split('\n').at(-1)!) as Cost;
  return { cpu: build.cpu + (served.user + served.system) / 1000, kernel: build.kernel + served.system / 1000, wall: build.wall };
}

/** A rebuild in this process, as `eleventy --serve` makes after an edit: Eleventy, the plugin and the site's code are loaded and compiled already. */
async function rebuilt(input: string, output: string, configPath: string): Promise<Cost> {
  rmSync(output, { recursive: true, force: true });
  const log = console.log;
  console.log = () => undefined; // Eleventy's "Wrote N files" lines
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    await new Eleventy(input, output, { configPath, quietMode: true }).write();
  } finally {
    console.log = log;
  }
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, kernel: used.system / 1000, wall: performance.now() - started };
}

/** The build of median CPU time. */
const median = (costs: Cost[]) => [...costs].sort((a, b) => a.cpu - b.cpu)[Math.floor(costs.length / 2)]!;
/** The build of least CPU time. */
const least = (costs: Cost[]) => [...costs].sort((a, b) => a.cpu - b.cpu)[0]!;

const SCALE_POSTS = [250, 1_000, 4_000];
/** Comments per post in the scaling series, so the data grows with the posts. */
const SCALE_COMMENTS_PER_POST = 25;

/**
 * Eleventy's own cost for the same number of pages, as the baseline of the
 * scaling series: the plain site plus a hand-written paginated template, one
 * page per post through the same layout, each page as large as a dialogue
 * page (a string made once: the template itself costs nothing per page).
 */
const PAGED_CONFIG = `import { configureSite, directories } from ${siteSetup};
export default function (eleventyConfig) {
  for (const name of ['comments', 'commentCount', 'dialogueBadge']) eleventyConfig.addShortcode(name, () => '');
  const pages = Array.from({ length: Number(process.env.BENCH_PAGED_PAGES) }, (_, i) => ({ path: '/paged/' + i + '/', title: 'Post number ' + i }));
  // A dialogue page's size, with one character outside Latin-1 as a dialogue page has (V8 then keeps two bytes a character for both).
  const text = '<p>← ' + ${JSON.stringify(PARAGRAPHS[0])} + '</p>\\n';
  const filler = text.repeat(Math.ceil(Number(process.env.BENCH_PAGED_BYTES) / text.length)).slice(0, Number(process.env.BENCH_PAGED_BYTES));
  eleventyConfig.addGlobalData('pagedPages', pages);
  eleventyConfig.addTemplate('paged.11ty.js', (data) => '<h1>' + data.pagedPage.title + '</h1>' + filler, {
    layout: 'base.njk',
    eleventyExcludeFromCollections: true,
    pagination: { data: 'pagedPages', size: 1, alias: 'pagedPage', addAllPagesToCollections: false },
    permalink: (data) => data.pagedPage.path,
    eleventyComputed: { title: (data) => data.pagedPage.title },
  });
  configureSite(eleventyConfig);
  return { dir: directories };
}
`;

/** The per-page cost at one site size: the plugin's dialogue pages, and Eleventy's own pages of the same size. */
interface PagesAt {
  dialogue: BenchRow;
  eleventy: BenchRow;
}

/**
 * The cost of the per-post dialogue pages at one site size: the build with
 * them minus the build without (both from the cache), per page; and the same
 * for the baseline: the plain site with as many hand-written pages of the same
 * size, minus the plain site. The quicker of two rounds each, interleaved.
 */
async function postPagesAt(dir: string, posts: number): Promise<PagesAt> {
  const base = join(dir, `scale-${posts}`);
  const db = await openDatabase(`file:${base}.db`);
  await migrate(db);
  await generateSite(db, { site: 'bench', posts, comments: posts * SCALE_COMMENTS_PER_POST, participants: Math.max(500, posts * 4), seed: 11 });
  db.close();
  writeFileSync(`${base}.json`, JSON.stringify({ sites: [{ id: 'bench' }] }));
  const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', KOMMENTAR_DB_URL: `file:${base}.db`, KOMMENTAR_CONFIG: `${base}.json`, KOMMENTAR_LOG_LEVEL: 'warn' }));
  try {
    const variants = ['with', 'without', 'paged', 'plain'] as const;
    for (const name of variants) writeSource(join(base, name), posts);
    writeFileSync(`${base}.config.js`, pluginConfig(server.url));
    writeFileSync(`${base}.plain.config.js`, PLAIN_CONFIG);
    writeFileSync(`${base}.paged.config.js`, PAGED_CONFIG);
    const build = (name: (typeof variants)[number]) => {
      process.env.BENCH_KOMMENTAR_CACHE = join(base, 'cache');
      process.env.BENCH_KOMMENTAR_POST_PAGES = name === 'with' ? '1' : '0';
      const output = join(base, `${name}-out`);
      const config = name === 'paged' || name === 'plain' ? `${base}.${name}.config.js` : `${base}.config.js`;
      return timed(relative(process.cwd(), join(base, name)), output, config);
    };
    await build('without'); // fills the cache
    const times = { with: [] as Cost[], without: [] as Cost[], paged: [] as Cost[], plain: [] as Cost[] };
    for (let round = 0; round < 2; round++) {
      times.with.push(await build('with'));
      if (round === 0) {
        // Every index.html below the report page is one post's page: the baseline gets as many, of their mean size.
        const files = readdirSync(join(base, 'with-out', 'dialogue'), { recursive: true }).map(String).filter((path) => /.[\\/]index\.html$/.test(path));
        process.env.BENCH_PAGED_PAGES = String(files.length);
        process.env.BENCH_PAGED_BYTES = String(Math.round(files.reduce((sum, path) => sum + statSync(join(base, 'with-out', 'dialogue', path)).size, 0) / files.length));
      }
      times.without.push(await build('without'));
      times.paged.push(await build('paged'));
      times.plain.push(await build('plain'));
    }
    const pages = Number(process.env.BENCH_PAGED_PAGES);
    const [withPages, without, paged, plain] = [least(times.with).cpu, least(times.without).cpu, least(times.paged).cpu, least(times.plain).cpu];
    const size = `${posts.toLocaleString('en-US')} posts (${pages.toLocaleString('en-US')} pages)`;
    return {
      dialogue: {
        group: 'eleventy',
        name: `per-post dialogue pages, ${size}`,
        value: (withPages - without) / pages,
        unit: 'ms/page',
        note: `${((withPages - without) / 1000).toFixed(2)} s CPU for the pages: ${(withPages / 1000).toFixed(2)} s with, ${(without / 1000).toFixed(2)} s without; ${(posts * SCALE_COMMENTS_PER_POST).toLocaleString('en-US')} comments`,
      },
      eleventy: {
        group: 'eleventy',
        name: `baseline: Eleventy's own paginated pages of the same size, ${size}`,
        value: (paged - plain) / pages,
        unit: 'ms/page',
        note: `${((paged - plain) / 1000).toFixed(2)} s for ${pages.toLocaleString('en-US')} pages of ${(Number(process.env.BENCH_PAGED_BYTES) / 1000).toFixed(1)} kB: ${(paged / 1000).toFixed(2)} s CPU with, ${(plain / 1000).toFixed(2)} s without (no comments)`,
      },
    };
  } finally {
    delete process.env.BENCH_PAGED_PAGES;
    delete process.env.BENCH_PAGED_BYTES;
    await server.close();
  }
}


export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-bench-eleventy-'));
  try {
    process.stderr.write(`  generating ${SIZE.comments.toLocaleString('en-US')} comments on ${SIZE.posts.toLocaleString('en-US')} posts …\n`);
    const seeded = performance.now();
    const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
    await migrate(db);
    await generateSite(db, { site: 'bench', ...SIZE });
    db.close();
    const seedSeconds = (performance.now() - seeded) / 1000;

    writeFileSync(join(dir, 'kommentar.config.json'), JSON.stringify({ sites: [{ id: 'bench' }] }));
    const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', KOMMENTAR_DB_URL: `file:${join(dir, 'bench.db')}`, KOMMENTAR_CONFIG: join(dir, 'kommentar.config.json'), KOMMENTAR_LOG_LEVEL: 'warn' }));
    // Separate copies: Eleventy caches compiled layouts by path across builds in one process.
    const variants = ['plain', 'handwritten', 'fetching', 'cached', 'overview'] as const;
    for (const name of variants) if (name !== 'handwritten') writeSource(join(dir, name));
    await writeHandwritten(join(dir, 'handwritten'), server);
    writeFileSync(join(dir, 'plain.config.js'), PLAIN_CONFIG);
    writeFileSync(join(dir, 'handwritten.config.js'), HANDWRITTEN_CONFIG);
    writeFileSync(join(dir, 'plugin.config.js'), pluginConfig(server.url));

    const build = (name: (typeof variants)[number], settings: { cache?: string; postPages?: boolean; inProcess?: boolean } = {}) => {
      process.env.BENCH_KOMMENTAR_CACHE = settings.cache;
      process.env.BENCH_KOMMENTAR_POST_PAGES = settings.postPages === false ? '0' : '1';
      const output = join(dir, `${name}-out`);
      const config = join(dir, name === 'plain' || name === 'handwritten' ? `${name}.config.js` : 'plugin.config.js');
      return (settings.inProcess ? rebuilt : timed)(relative(process.cwd(), join(dir, name)), output, config);
    };

    const times = { plain: [] as Cost[], handwritten: [] as Cost[], fetching: [] as Cost[], cached: [] as Cost[], overview: [] as Cost[] };
    for (let round = 0; round <= ROUNDS; round++) {
      const measured = round > 0;
      const costs = {
        plain: await build('plain'),
        // The baseline right before the plugin's build it is compared with, so both see the machine alike.
        handwritten: await build('handwritten'),
        // One cache folder for all rounds: after the first, a rebuild within the cache duration.
        cached: await build('cached', { cache: join(dir, 'cache-kept') }),
        overview: await build('overview', { cache: join(dir, 'cache-kept'), postPages: false }),
        // A new, empty cache folder each round: everything is downloaded, as on a fresh CI machine.
        fetching: await build('fetching', { cache: join(dir, `cache-fetching-${round}`) }),
      };
      if (measured) for (const name of variants) times[name].push(costs[name]);
    }
    // The same two again as rebuilds in this process, after one of each that loads and compiles everything.
    const rebuilds = { handwritten: [] as Cost[], cached: [] as Cost[] };
    for (let round = 0; round <= ROUNDS; round++) {
      const handwrittenCost = await build('handwritten', { inProcess: true });
      const cachedCost = await build('cached', { cache: join(dir, 'cache-kept'), inProcess: true });
      if (round > 0) {
        rebuilds.handwritten.push(handwrittenCost);
        rebuilds.cached.push(cachedCost);
      }
    }
    await server.close();

    const seconds = (cost: Cost) => ({ cpu: cost.cpu / 1000, kernel: cost.kernel / 1000, wall: cost.wall / 1000 });
    const plain = seconds(median(times.plain));
    const handwritten = seconds(median(times.handwritten));
    const fetching = seconds(median(times.fetching));
    const cached = seconds(median(times.cached));
    const overview = seconds(median(times.overview));
    const versus = (plugin: { cpu: number; kernel: number; wall: number }) =>
      `CPU ${plugin.cpu.toFixed(2)} s with the plugin vs ${handwritten.cpu.toFixed(2)} s hand-written, of which in the kernel ${plugin.kernel.toFixed(2)} s vs ${handwritten.kernel.toFixed(2)} s (wall ${plugin.wall.toFixed(2)} s vs ${handwritten.wall.toFixed(2)} s)`;
    /** The plugin's build over the hand-written one of the same round (run just before it): the median of the rounds' ratios, and each. */
    const perRound = (plugin: Cost[], cost: (c: Cost) => number, baseline = times.handwritten) => {
      const ratios = plugin.map((c, round) => cost(c) / cost(baseline[round]!)).sort((a, b) => a - b);
      return { value: ratios[Math.floor(ratios.length / 2)]!, each: ratios.map((r) => r.toFixed(2)).join(' / ') };
    };
    const cachedRatio = perRound(times.cached, (c) => c.cpu);
    const userRatio = perRound(times.cached, (c) => c.cpu - c.kernel);
    const rebuildRatio = perRound(rebuilds.cached, (c) => c.cpu, rebuilds.handwritten);
    const [rebuiltHandwritten, rebuiltCached] = [seconds(median(rebuilds.handwritten)), seconds(median(rebuilds.cached))];
    const ofMedian = (cost: { wall: number }) => `CPU; median of ${ROUNDS} after an unmeasured round, wall ${cost.wall.toFixed(2)} s`;
    const scaling: PagesAt[] = [];
    for (const posts of SCALE_POSTS) scaling.push(await postPagesAt(dir, posts));
    // Linear growth: a page costs about the same at 4,000 posts as at 250 (16 times the pages, 16 times the comments).
    const growth = scaling.at(-1)!.dialogue.value / scaling[0]!.dialogue.value;
    // The same for Eleventy's own pages: how linear Eleventy itself is on this machine, in this run.
    const eleventyGrowth = scaling.at(-1)!.eleventy.value / scaling[0]!.eleventy.value;
    const sizes = `${SCALE_POSTS.at(-1)!.toLocaleString('en-US')} / ${SCALE_POSTS[0]!.toLocaleString('en-US')} posts`;
    // What Eleventy itself takes for as many pages of that size (the scaling series at this site's size): the part of the target no plugin code can save.
    const ownPages = scaling[SCALE_POSTS.indexOf(SIZE.posts)]!.eleventy.value * SIZE.posts / 1000;
    return [
      { group: 'eleventy', name: `seed ${SIZE.comments.toLocaleString('en-US')} comments on ${SIZE.posts.toLocaleString('en-US')} posts`, value: seedSeconds, unit: 's' },
      { group: 'eleventy', name: 'build without any comments (reference)', value: plain.cpu, unit: 's', note: ofMedian(plain) },
      { group: 'eleventy', name: 'build, hand-written: _data JSON + Nunjucks loop (baseline)', value: handwritten.cpu, unit: 's', note: ofMedian(handwritten) },
      { group: 'eleventy', name: 'build with the plugin, data from the cache', value: cached.cpu, unit: 's', note: `${ofMedian(cached)}; threads on every post, badges, counts, 1 + 1,000 dialogue pages` },
      {
        group: 'eleventy',
        name: 'plugin / hand-written, data from the cache, each build a process (npx @11ty/eleventy)',
        value: cachedRatio.value,
        unit: '×',
        target: '≤ 1.3×',
        ok: cachedRatio.value <= 1.3,
        note: `median of each round's ratio (${cachedRatio.each}); ${versus(cached)}`,
      },
      {
        group: 'eleventy',
        name: 'plugin / hand-written, data from the cache, rebuilt in one process (eleventy --serve)',
        value: rebuildRatio.value,
        unit: '×',
        target: '≤ 1.3×',
        ok: rebuildRatio.value <= 1.3,
        note: `median of each round's ratio (${rebuildRatio.each}); CPU ${rebuiltCached.cpu.toFixed(2)} s with the plugin vs ${rebuiltHandwritten.cpu.toFixed(2)} s hand-written (wall ${rebuiltCached.wall.toFixed(2)} s vs ${rebuiltHandwritten.wall.toFixed(2)} s)`,
      },
      {
        group: 'eleventy',
        name: `floor: hand-written + Eleventy's own ${SIZE.posts.toLocaleString('en-US')} pages of that size, / hand-written`,
        value: (handwritten.cpu + ownPages) / handwritten.cpu,
        unit: '×',
        note: `${ownPages.toFixed(2)} s CPU for ${SIZE.posts.toLocaleString('en-US')} pages through the same layout (the baseline of the scaling series below), before any work of the plugin's`,
      },
      {
        group: 'eleventy',
        name: 'plugin / hand-written, data from the cache, user CPU only',
        value: userRatio.value,
        unit: '×',
        note: `rounds ${userRatio.each}: the same builds without their kernel time: the plugin writes twice the files and bytes, and on this VM the kernel time of writing them swings several-fold between runs`,
      },
      { group: 'eleventy', name: 'plugin / hand-written, fetching from the server', value: fetching.cpu / handwritten.cpu, unit: '×', note: `${versus(fetching)}; server in this process` },
      { group: 'eleventy', name: 'plugin / hand-written without per-post pages (postPages: false)', value: overview.cpu / handwritten.cpu, unit: '×', note: versus(overview) },
      ...scaling.flatMap(({ dialogue, eleventy }) => [dialogue, eleventy]),
      {
        group: 'eleventy',
        name: `per-post dialogue page cost, ${sizes}`,
        value: growth,
        unit: '×',
        target: '≤ 1.5× (linear)',
        ok: growth <= 1.5,
        note: 'CPU ms per page at the largest site over that at the smallest; 1× is exactly linear growth of the total',
      },
      { group: 'eleventy', name: `baseline: Eleventy's own page cost, ${sizes}`, value: eleventyGrowth, unit: '×', note: 'the same for the hand-written pages of the same size' },
      {
        group: 'eleventy',
        name: 'dialogue page cost growth / Eleventy\'s own',
        value: growth / eleventyGrowth,
        unit: '×',
        target: '≤ 1.5× (linear as Eleventy allows)',
        ok: growth / eleventyGrowth <= 1.5,
        note: 'what the plugin adds to the growth Eleventy shows for pages of the same size',
      },
    ];
  } finally {
    delete process.env.BENCH_KOMMENTAR_CACHE;
    delete process.env.BENCH_KOMMENTAR_POST_PAGES;
    rmSync(dir, { recursive: true, force: true });
  }
}
