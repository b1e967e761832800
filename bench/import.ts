/**
 * Benchmark group `import`: a WordPress export of 100,000 comments (written
 * to a temp dir as a stream), imported by the built CLI into a fresh
 * database in a child process. Reports comments per second over the
 * process's whole run and its peak RSS (targets: ≥ 20,000/s, ≤ 300 MB), its
 * time against the parse floor (the same file only streamed through the XML
 * parser, in the same run; target ≤ 2×), and the time of importing the same
 * file again (nothing new).
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Bench, BenchRow } from './table.js';

const execFileAsync = promisify(execFile);
const COMMENTS = 100_000;
const COMMENTS_PER_POST = 50;
const COMMENTERS = 5_000;

const SENTENCES = [
  'Thanks for writing this up, it matches what I saw on my own server.',
  'Ich habe das gestern ausprobiert und es hat auf Anhieb funktioniert, schöne Grüße aus München.',
  'One question: does this still hold when the cache is cold?',
  'I disagree with the second point; in my experience the opposite is true.',
  'Great post! Bookmarked for later.',
  'Could you share the configuration you used for the benchmark?',
  'We hit exactly the same problem last year and ended up rewriting the importer.',
];

/**
 * A comment body as WordPress stores it: what the commenter typed, in plain
 * paragraphs ("&" written as "&amp;"), links mostly as bare URLs (WordPress
 * links them only when showing them), and one in twenty with typed HTML.
 */
function body(n: number): string {
  const paragraphs = [SENTENCES[n % SENTENCES.length]!, `${SENTENCES[(n * 7) % SENTENCES.length]!} ${SENTENCES[(n * 3) % SENTENCES.length]!}`];
  if (n % 5 === 0) paragraphs.push(`My notes: https://example.com/notes/${n} (Q&amp;A at the end).`);
  if (n % 20 === 1) paragraphs.push(`See <a href="https://example.com/notes/${n}">this</a>, <strong>especially</strong> part ${n % 9}.`);
  return paragraphs.join('\n\n');
}

function status(n: number): string {
  if (n % 100 === 7) return 'spam';
  if (n % 40 === 3) return '0';
  if (n % 200 === 11) return 'trash';
  return '1';
}

function comment(id: number, post: number, index: number): string {
  const pingback = id % 50 === 13;
  // Every fourth comment starts a thread; the others answer a recent comment of the same post.
  const parent = index % 4 === 0 || pingback ? 0 : id - 1 - (id % 3 === 0 ? Math.min(2, index - 1) : 0);
  const byAuthor = id % 10 === 5;
  const who = (id * 7919) % COMMENTERS;
  const date = new Date(Date.UTC(2015, 0, 1) + post * 86_400_000 + index * 600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author><![CDATA[${byAuthor ? 'Anna' : `Leser ${who} Müller`}]]></wp:comment_author>
			<wp:comment_author_email>${byAuthor ? 'anna@bench.example' : `reader${who}@example.com`}</wp:comment_author_email>
			<wp:comment_author_url>${who % 3 === 0 ? `https://reader${who}.example.com/` : ''}</wp:comment_author_url>
			<wp:comment_author_IP>192.0.2.${who % 250}</wp:comment_author_IP>
			<wp:comment_date>${date}</wp:comment_date>
			<wp:comment_date_gmt>${date}</wp:comment_date_gmt>
			<wp:comment_content><![CDATA[${body(id)}]]></wp:comment_content>
			<wp:comment_approved>${status(id)}</wp:comment_approved>
			<wp:comment_type>${pingback ? 'pingback' : 'comment'}</wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>${byAuthor ? 1 : 0}</wp:comment_user_id>
		</wp:comment>
`;
}

/** Writes a WXR 1.2 file with `comments` comments, streamed to disk in bounded memory. */
export async function writeWxr(path: string, comments: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench blog</title>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[anna]]></wp:author_login></wp:author>
`);
  for (let first = 1, post = 1; first <= comments; first += COMMENTS_PER_POST, post++) {
    let item = `	<item>
		<title>Post number ${post}: über Dialog</title>
		<link>https://bench.example/${2015 + (post % 10)}/post-${post}/</link>
		<dc:creator><![CDATA[anna]]></dc:creator>
		<content:encoded><![CDATA[<p>${'The post body is not imported. '.repeat(20)}</p>]]></content:encoded>
		<wp:post_id>${post}</wp:post_id>
		<wp:status>publish</wp:status>
		<wp:post_type>post</wp:post_type>
`;
    for (let id = first; id < Math.min(first + COMMENTS_PER_POST, comments + 1); id++) item += comment(id, post, id - first);
    await write(`${item}	</item>\n`);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

interface CliSummary {
  imported: Record<string, number>;
  unchanged: number;
  timeMs: number;
  peakRssBytes: number;
  cpuMs: number;
}

async function importOnce(file: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; summary: CliSummary }> {
  const started = performance.now();
  const { stdout } = await execFileAsync(process.execPath, ['bin/kommentar.js', 'import', 'wordpress', file, '--site', 'bench', '--json'], { env, maxBuffer: 16 * 1024 * 1024 });
  return { seconds: (performance.now() - started) / 1000, summary: JSON.parse(stdout) as CliSummary };
}

export const run: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-bench-import-'));
  try {
    const file = join(dir, 'export.xml');
    await writeWxr(file, COMMENTS);
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ sites: [{ id: 'bench', authorEmails: ['anna@bench.example'] }] }));
    const env = { ...process.env, KOMMENTAR_CONFIG: config, KOMMENTAR_DB_URL: `file:${join(dir, 'bench.db')}`, KOMMENTAR_SECRET: 'bench-secret-0123456789' };
    // The parse floor, taken right before the import (whole processes both, so start-up counts on both sides).
    const floorStarted = performance.now();
    const floorRun = JSON.parse((await execFileAsync(process.execPath, ['dist/bench/xml-floor-child.js', file])).stdout) as { ms: number; cpuMs: number };
    const floor = (performance.now() - floorStarted) / 1000;
    const first = await importOnce(file, env);
    const again = await importOnce(file, env);
    const share = first.seconds / floor;
    const rate = Math.round(COMMENTS / first.seconds);
    const rssMb = Math.round(first.summary.peakRssBytes / 1024 / 1024);
    const stored = Object.values(first.summary.imported).reduce((a, b) => a + b, 0);
    const fileMb = (statSync(file).size / 1024 / 1024).toFixed(0);
    const rows: BenchRow[] = [
      {
        group: 'import',
        name: `WordPress import, ${COMMENTS.toLocaleString('en-US')} comments (whole CLI process)`,
        value: rate,
        unit: 'comments/s',
        target: '≥ 20,000',
        ok: rate >= 20_000,
        note: `${first.seconds.toFixed(2)} s, ${fileMb} MB file, ${stored.toLocaleString('en-US')} stored; import itself ${(first.summary.timeMs / 1000).toFixed(2)} s; CPU ${(first.summary.cpuMs / 1000).toFixed(1)} s on ${availableParallelism()} cores`,
      },
      { group: 'import', name: 'parse floor: the same file through the XML parser only', value: Number(floor.toFixed(2)), unit: 's', note: 'whole process, the importer\'s reader collecting nothing' },
      { group: 'import', name: 'import / parse floor', value: share, unit: '×', target: '≤ 2×', ok: share <= 2, note: `CPU time: ${(first.summary.cpuMs / 1000).toFixed(1)} s against ${(floorRun.cpuMs / 1000).toFixed(1)} s, ${(first.summary.cpuMs / floorRun.cpuMs).toFixed(2)}× (steadier than wall time on a shared machine)` },
      { group: 'import', name: 'peak RSS of that import', value: rssMb, unit: 'MB', target: '≤ 300', ok: rssMb <= 300 },
      {
        group: 'import',
        name: 'same file again (nothing new)',
        value: Number(again.seconds.toFixed(2)),
        unit: 's',
        note: `${again.summary.unchanged.toLocaleString('en-US')} unchanged`,
      },
    ];
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
