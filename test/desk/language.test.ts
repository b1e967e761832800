/**
 * The desk speaks the author's chosen language: chosen once on any desk page,
 * kept in the database (so a restart keeps it), the site's `lang` until then;
 * a value that is not a language is refused and changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { csrfOf, DESK_PASSWORD, DeskClient } from './desk-client.js';

let dir: string;
let server: TestServer;
let config: Record<string, unknown>;

const start = () => startTestServer({ config, env: { KOMMENTAR_DB_URL: `file:${join(dir, 'kommentar.db')}` } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-desk-language-'));
  config = { sites: [{ id: 'blog', title: 'The Blog', origins: ['https://blog.example'], authorName: 'Ada' }], adminPasswordHash: await hashPassword(DESK_PASSWORD) };
  server = await start();
  const posted = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/trip/', title: 'The trip', body: 'When is part two coming?', name: 'Anna' }));
  expect(posted.status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function loggedIn(): Promise<DeskClient> {
  const desk = new DeskClient(server);
  expect((await desk.login()).status).toBe(303);
  return desk;
}

/** Posts the language choice from the inbox page's own form (with its CSRF token). */
async function choose(desk: DeskClient, lang: string): Promise<Response> {
  const page = await desk.page('/admin');
  return desk.postForm('/admin/language', { csrf: csrfOf(page), lang, section: 'moderation' });
}

describe('the desk language', () => {
  it('starts in the site language and offers every language in its own words', async () => {
    const desk = await loggedIn();
    const inbox = await desk.page('/admin');
    expect(inbox).toContain('<html lang="en">');
    expect(inbox).toContain('Addressed to you, no reply yet');
    const options = [...inbox.matchAll(/<option value="(\w+)" lang="\w+"( selected)?>([^<]+)<\/option>/g)].map((m) => [m[1], m[3], Boolean(m[2])]);
    expect(options).toEqual([
      ['en', 'English', true],
      ['de', 'Deutsch', false],
      ['fr', 'Français', false],
      ['es', 'Español', false],
    ]);
  });

  it('refuses a value that is not a language with a clear 400 and changes nothing', async () => {
    const desk = await loggedIn();
    for (const lang of ['xx', 'de-AT', '<script>', '']) {
      const refused = await choose(desk, lang);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Choose one of the languages in the list.');
    }
    const forged = await desk.postForm('/admin/language', { csrf: 'not-the-token', lang: 'de' });
    expect(forged.status).toBe(403);
    expect(await desk.page('/admin')).toContain('<html lang="en">');
  });

  it('shows German after choosing Deutsch, on every desk page and back where it was chosen', async () => {
    const desk = await loggedIn();
    const chosen = await choose(desk, 'de');
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/admin/moderation');
    const inbox = await desk.page('/admin');
    expect(inbox).toContain('<html lang="de">');
    expect(inbox).toContain('An dich gerichtet, noch ohne Antwort');
    expect(inbox).toContain('Als Ada antworten');
    expect(inbox).toContain('<option value="de" lang="de" selected>Deutsch</option>');
    // Dates as German writes them (UTC, so every device shows the same time).
    expect(inbox).toMatch(/>\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC</);
    expect(inbox).not.toMatch(/Addressed to you|Answer as|Log out/);
    expect(await desk.page('/admin/moderation')).toContain('Nichts freizuschalten.');
    expect(await desk.page('/admin/deliveries')).toContain('Diskussionen anderswo');
    // The report page's shell (navigation, language choice) is the desk's too.
    const report = await desk.page('/admin/report');
    expect(report).toContain('<html lang="de">');
    expect(report).toContain('aria-current="page">Bericht</a>');
    expect(report).toContain('<h1>Dialogbericht</h1>');

    // A refusal now speaks German too, and the choice stays.
    const refused = await choose(desk, 'klingon');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Wähle eine der Sprachen aus der Liste.');
    expect(await desk.page('/admin')).toContain('<html lang="de">');
  });

  it('keeps the choice across a restart (it lives in the database), the login page included', async () => {
    await server.close();
    server = await start();
    const desk = new DeskClient(server);
    const login = await desk.page('/admin/login');
    expect(login).toContain('<html lang="de">');
    expect(login).toContain('Der Schreibtisch des Autors');
    expect((await desk.postForm('/admin/login', { csrf: csrfOf(login), password: DESK_PASSWORD })).status).toBe(303);
    expect(await desk.page('/admin')).toContain('An dich gerichtet, noch ohne Antwort');

    expect((await choose(desk, 'fr')).status).toBe(303);
    expect(await desk.page('/admin')).toContain('Adressés à vous, sans réponse');
  });
});
