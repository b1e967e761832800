/** The dialogue report through its two doors, the CLI (a real process) and HTTP, agreeing with each other. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogueReport } from '../../server/dialogue/index.js';
import { CLI, ensureBuilt } from '../helpers/process.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
let server: TestServer;
let env: NodeJS.ProcessEnv;

async function comment(uri: string, body: string, who: { email?: string; parentId?: number; author?: boolean; name?: string }) {
  const headers: Record<string, string> = who.author ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {};
  const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri, body, title: `Post ${uri}`, email: who.email, parentId: who.parentId, name: who.name, notify: false }, headers));
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

beforeAll(async () => {
  ensureBuilt();
  server = await startTestServer({ config: { sites: [{ id: 'blog' }, { id: 'quiet', publicReport: false, lang: 'fr' }] } });
  env = { ...process.env, KOMMENTAR_DB_URL: `file:${join(server.dir, 'kommentar.db')}`, KOMMENTAR_CONFIG: join(server.dir, 'kommentar.config.json') };
  // A conversation: Ada and the author go back and forth twice, Bo asks once and waits.
  const ada = await comment('/talk/', 'First!', { email: 'ada@example.org', name: 'Ada' });
  const a1 = await comment('/talk/', 'Thanks Ada', { author: true, parentId: ada });
  const ada2 = await comment('/talk/', 'You are welcome', { email: 'ada@example.org', parentId: a1, name: 'Ada' });
  const a2 = await comment('/talk/', 'Indeed', { author: true, parentId: ada2 });
  await comment('/talk/', 'And again', { email: 'ada@example.org', parentId: a2, name: 'Ada' });
  await comment('/talk/', 'A question nobody answered', { email: 'bo@example.org', name: 'Bo' });
  await comment('/clap/', 'Nice post', { email: 'bo@example.org', name: 'Bo' });
});
afterAll(() => server.close());

const withoutTime = (report: DialogueReport) => ({ ...report, generatedAt: undefined });

describe('GET /api/v1/report', () => {
  it('is for the author only', async () => {
    const response = await server.api('/api/v1/report?site=blog');
    expect(response.status).toBe(401);
  });

  it('reports the conversation with its numbers and partner names', async () => {
    const response = await server.api('/api/v1/report?site=blog', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const report = (await response.json()) as DialogueReport;
    const talk = report.posts.find((p) => p.uri === '/talk/')!;
    expect(talk).toMatchObject({ comments: 6, maxDepth: 5, exchanges: 3, shape: 'conversation', participants: 3, waitingForAuthor: 2 });
    expect(report.posts.find((p) => p.uri === '/clap/')!.shape).toBe('applause');
    expect(report.summary).toMatchObject({ dialoguePartners: 1, returningCommenters: 1, waitingForAuthor: 3 });
    expect(report.summary.dialoguePartnerList).toEqual([{ name: 'Ada', exchanges: 3 }]);
  });

  it('has a public variant without names, which a site can switch off', async () => {
    const report = (await (await server.api('/api/v1/report/public?site=blog')).json()) as DialogueReport;
    expect(report.summary.dialoguePartners).toBe(1);
    expect(report.summary.dialoguePartnerList).toEqual([{ name: null, exchanges: 3 }]);
    expect(JSON.stringify(report)).not.toContain('Ada');
    expect((await server.api('/api/v1/report/public?site=quiet')).status).toBe(404);
  });

  it('refuses bad dates with a 400 naming the field', async () => {
    const response = await server.api('/api/v1/report/public?site=blog&from=yesterday');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('from');
  });
});

describe('kommentar report', () => {
  it('--json parses and matches the API', async () => {
    const to = new Date(Date.now() + 60_000).toISOString();
    const { stdout } = await run(process.execPath, [CLI, 'report', '--site', 'blog', '--json', '--to', to], { env });
    const api = (await (await server.api(`/api/v1/report?site=blog&to=${encodeURIComponent(to)}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as DialogueReport;
    expect(withoutTime(JSON.parse(stdout) as DialogueReport)).toEqual(withoutTime(api));
  });

  it('--csv has a header and one row per post', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'report', '--site', 'blog', '--csv'], { env });
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]!.split(',')).toContain('longestBackAndForth');
    // Nested counters get one column per key, never "[object Object]".
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['sources.site', 'sources.mastodon', 'reactions.likes', 'reactions.reposts']));
    expect(stdout).not.toContain('[object Object]');
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => line.startsWith('/talk/,'))).toBe(true);
  });

  it('opens the terminal view with the dialogue sentence and the waiting count', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'report', '--site', 'blog'], { env });
    expect(stdout).toContain('You are in real dialogue with 1 person');
    expect(stdout).toContain('3 reader comments addressed to you have no reply yet.');
    expect(stdout).toMatch(/Conversation \(1\)[^\n]*\n\s+\/talk\//);
  });

  it('--lang de prints the text report in German: measure names, shapes and their rules, counts', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'report', '--site', 'blog', '--lang', 'de'], { env });
    expect(stdout).toContain('Dialogbericht für die Website „blog“');
    expect(stdout).toContain('Du bist mit 1 Person im echten Dialog.');
    expect(stdout).toContain('3 an dich gerichtete Kommentare von Lesenden haben noch keine Antwort.');
    expect(stdout).toMatch(/Gespräch \(1\): Mindestens eine zweite Runde[^\n]*\n\s+\/talk\/ „Post \/talk\/“\n\s+6 Kommentare · tiefste Antwort auf Ebene 5 · 3 Personen · 3 zweite Runden · 2 offen für dich/);
    expect(stdout).toContain('Applaus (1): Kommentare, aber keine einzige Antwort');
    expect(stdout).toContain('Eine zweite Runde: Antworten auf eine Antwort zum eigenen Kommentar');
    expect(stdout).not.toMatch(/Conversation|comments|reader/);
  });

  it('speaks the site\'s lang without --lang, and falls back to it with a one-line warning for a language it does not speak', async () => {
    const plain = await run(process.execPath, [CLI, 'report', '--site', 'quiet'], { env });
    expect(plain.stdout).toContain('Rapport de dialogue du site « quiet »');
    expect(plain.stdout).toContain('Vous êtes en véritable dialogue avec 0 personne.');
    expect(plain.stderr).toBe('');
    const unknown = await run(process.execPath, [CLI, 'report', '--site', 'quiet', '--lang', 'xx'], { env });
    // Exit 0 (run() rejects otherwise) and the whole report, in the site's French.
    expect(unknown.stdout).toContain('Vous êtes en véritable dialogue avec 0 personne.');
    expect(unknown.stderr.trim().split('\n')).toEqual(['kommentar report: --lang "xx" is not a language Kommentar speaks (en, de, fr, es); using the site\'s "fr"']);
    const spanish = await run(process.execPath, [CLI, 'report', '--site', 'blog', '--lang', 'es-MX'], { env });
    expect(spanish.stdout).toContain('Estás en diálogo real con 1 persona.');
  });

  it.each([
    ['a bad date', ['--site', 'blog', '--from', '2026-13-01']],
    ['an unknown site', ['--site', 'nosuch']],
    ['no site', ['--json']],
    ['an unknown flag', ['--site', 'blog', '--fancy']],
    ['both formats', ['--site', 'blog', '--json', '--csv']],
    ['from after to', ['--site', 'blog', '--from', '2026-05-01', '--to', '2026-04-01']],
  ])('exits 2 with one line on stderr for %s', async (_name, args) => {
    const failure = await run(process.execPath, [CLI, 'report', ...args], { env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure!.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when there is no database', async () => {
    const failure = await run(process.execPath, [CLI, 'report', '--site', 'blog'], { env: { ...env, KOMMENTAR_DB_URL: `file:${join(server.dir, 'missing.db')}` } }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toContain('no database');
  });
});
