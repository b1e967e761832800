import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import { listThreads } from '../../server/db/threads.js';
import { ImportInputError } from '../../server/import/errors.js';
import type { ImportFormat } from '../../server/import/types.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cli, ensureBuilt, fixture, importInto, SECRET, SITE_CONFIG } from './helpers.js';

// Refused input: a message naming the position, and the database left exactly as it was.
let server: TestServer;
let env: Record<string, string>;
const wxr = readFileSync(fixture('wordpress.xml'), 'utf8');

/** 1-based line of the first occurrence of `text` in the fixture. */
const lineOf = (text: string) => wxr.slice(0, wxr.indexOf(text)).split('\n').length;

async function stored(): Promise<string> {
  const comments = await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted']);
  return JSON.stringify([await listThreads(server.ctx.db, 'blog'), comments]);
}

function write(name: string, content: string | Buffer): string {
  const path = join(server.dir, name);
  writeFileSync(path, content);
  return path;
}

/** Imports through the domain, expects a refusal, and returns its message. */
async function refused(format: ImportFormat, content: string | Buffer, name: string): Promise<string> {
  const before = await stored();
  const error = await importInto(server, write(name, content), { format }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportInputError);
  expect(await stored()).toBe(before);
  // Nor any scratch file of the import beside the database.
  expect(readdirSync(server.dir).filter((name) => name.startsWith('.kommentar-import-'))).toEqual([]);
  return (error as Error).message;
}

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  env = { KOMMENTAR_CONFIG: join(server.dir, 'kommentar.config.json'), KOMMENTAR_DB_URL: `file:${join(server.dir, 'kommentar.db')}` };
  // Something to protect: a first, good import.
  await importInto(server, fixture('disqus.xml'), { format: 'disqus' });
});
afterAll(() => server.close());

describe('malformed input is refused whole, with its position', () => {
  it('truncated XML', async () => {
    expect(await refused('wordpress', wxr.slice(0, wxr.indexOf('Gern geschehen')), 'truncated.xml')).toMatch(/^line \d+, column \d+: .*(unclosed|unexpected end)/);
  });

  it('the wrong format', async () => {
    expect(await refused('wordpress', readFileSync(fixture('disqus.xml')), 'disqus-as-wordpress.xml')).toMatch(/^line 3: not a WordPress export/);
    expect(await refused('disqus', wxr, 'wordpress-as-disqus.xml')).toMatch(/not a Disqus export/);
    expect(await refused('isso', wxr, 'wordpress-as-isso.db')).toMatch(/is not an SQLite database/);
    expect(await refused('json', wxr, 'wordpress-as.json')).toBe('line 1, column 1: not valid JSON: unexpected "<"');
  });

  it('a date that does not exist', async () => {
    const badDate = wxr.replace(/(<wp:comment_id>11<[\s\S]*?<wp:comment_date_gmt>)[^<]*/, '$12020-02-30 09:00:00');
    expect(await refused('wordpress', badDate, 'bad-date.xml')).toBe(`line ${lineOf('<wp:comment_id>11<') - 1}: comment 11 has an invalid date "2020-02-30 09:00:00"`);
  });

  it('duplicate comment ids', async () => {
    const duplicate = wxr.replace('<wp:comment_id>12<', '<wp:comment_id>11<');
    expect(await refused('wordpress', duplicate, 'duplicate.xml')).toBe(
      `line ${lineOf('<wp:comment_id>12<') - 1}: comment id 11 appears twice (first at line ${lineOf('<wp:comment_id>11<') - 1})`,
    );
  });

  it('parent links that loop', async () => {
    const looped = wxr.replace(/(<wp:comment_id>1<\/wp:comment_id>[\s\S]*?<wp:comment_parent>)0/, '$15');
    expect(await refused('wordpress', looped, 'loop.xml')).toMatch(/comment \d+ is its own ancestor/);
  });

  it('invalid UTF-8', async () => {
    const bytes = Buffer.from(wxr, 'utf8');
    const at = bytes.indexOf('Gern geschehen');
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]);
    // 0xC3 starts a two-byte character; the byte after it (1-based: at + 2) is where the text breaks.
    expect(await refused('wordpress', broken, 'latin.xml')).toBe(`line ${lineOf('Gern geschehen')}, byte ${at + 2}: invalid UTF-8 (the file must be UTF-8 encoded)`);
  });

  it('a Kommentar export with a syntax error, a cut-off end or a bad field', async () => {
    expect(await refused('json', '{\n  "format": "kommentar-export",\n  "version": 1\n  "site": "blog"\n}', 'syntax.json')).toBe(
      'line 4, column 3: not valid JSON: unexpected "\\""',
    );
    expect(await refused('json', '{"format": "kommentar-export", "threads": [', 'cut.json')).toBe('end of file (line 1, column 44): not valid JSON: the file ends too early');
    const comment = { id: 1, uri: '/a/', parentId: null, status: 'approved', body: 'x', name: null, url: null, isAuthor: false, commenterKey: null, editedAt: null };
    const document = { format: 'kommentar-export', version: 1, site: 'blog', threads: [], comments: [{ ...comment, createdAt: '2020-13-01T00:00:00Z' }] };
    expect(await refused('json', JSON.stringify(document), 'bad-field.json')).toBe('comments[0]: createdAt: is not an ISO 8601 date');
  });
});

describe('the command line', () => {
  it('exits 2 with one line on stderr and writes nothing', async () => {
    const before = await stored();
    const truncated = await cli(['import', 'wordpress', write('cut.xml', wxr.slice(0, 5000)), '--site', 'blog'], env);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/^kommentar import: .*cut\.xml: line \d+, column \d+: .* \(nothing was imported\)\n$/);
    const encoding = await cli(['import', 'json', write('latin.json', Buffer.from([0x7b, 0xe4, 0x7d])), '--site', 'blog'], env);
    expect([encoding.code, encoding.stderr]).toEqual([2, expect.stringMatching(/line 1, byte 3: invalid UTF-8/)]);
    expect(await stored()).toBe(before);
  });

  it('exits 2 for an Isso file that has the SQLite header and garbage after it', async () => {
    const before = await stored();
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 0x5a)]);
    const result = await cli(['import', 'isso', write('garbage.db', garbage), '--site', 'blog'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kommentar import: .*garbage\.db.* damaged or not one .*\n$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await stored()).toBe(before);
  });

  it('renders a comment nested thousands of levels deep as plain text instead of aborting', async () => {
    const deep = { id: 900, uri: '/deep/', parentId: null, status: 'approved', body: `${'- '.repeat(1500)}x\n\n${'> '.repeat(2500)}y`, name: 'Deep', url: null,
      isAuthor: false, commenterKey: null, editedAt: null, createdAt: '2020-01-01T00:00:00Z' };
    const document = { format: 'kommentar-export', version: 1, site: 'blog', threads: [{ uri: '/deep/', title: 'Deep' }], comments: [deep] };
    const result = await cli(['import', 'json', write('deep.json', JSON.stringify(document)), '--site', 'blog'], env);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const stored = (await listSiteComments(server.ctx.db, 'blog', ['approved'])).find((row) => row.uri === '/deep/')!;
    expect(stored.html.startsWith('<p>- - - ')).toBe(true);
    expect(stored.html).not.toMatch(/<(ul|li|blockquote)/);
  });

  it('imports HTML nested thousands of levels deep as its plain text instead of aborting', async () => {
    const deep = wxr.replace('Gern geschehen', `${'<blockquote><ul><li>'.repeat(1500)}Gern geschehen`);
    await importInto(server, write('deep.xml', deep), { format: 'wordpress' });
    const answer = (await listSiteComments(server.ctx.db, 'blog', ['approved'])).find((row) => row.body.includes('Gern geschehen'))!;
    expect(answer.html).toContain('Gern geschehen');
    expect(answer.html).not.toMatch(/<(blockquote|ul|li)/);
  });

  it('exits 2 for usage errors too', async () => {
    const unknownSite = await cli(['import', 'wordpress', fixture('wordpress.xml'), '--site', 'nope'], env);
    expect([unknownSite.code, unknownSite.stderr]).toEqual([2, expect.stringContaining('unknown site "nope"')]);
    const missing = await cli(['import', 'wordpress', join(server.dir, 'missing.xml'), '--site', 'blog'], env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
  });
});
