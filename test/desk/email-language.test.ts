/**
 * Emails and the pages their links open speak the thread's language: the
 * `lang` the widget or the form sent with the thread's first public comment,
 * else the site's `lang`. Real SMTP server, real HTTP server, real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findThread } from '../../server/db/threads.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { outboxDrained } from './desk-client.js';
import { startMailbox, type Mailbox, type ReceivedMail } from './mailbox.js';

const AUTHOR = 'author@blog.example';
const ORIGIN = 'https://blog.example';
let server: TestServer;
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    config: {
      // The site's own language is Spanish: what a thread without a known language gets.
      sites: [
        { id: 'blog', title: 'Das Blog', origins: [ORIGIN], lang: 'es' },
        { id: 'queue', title: 'Moderiert', origins: ['https://queue.example'], lang: 'es', moderation: 'all' },
      ],
      smtp: { host: '127.0.0.1', port: mailbox.port, from: 'Kommentar <comments@blog.example>', authorAddress: AUTHOR },
    },
  });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

async function comment(uri: string, fields: Record<string, unknown>): Promise<number> {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri, title: 'Der Beitrag', ...fields }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

const mailTo = (address: string, containing: string) => mailbox.waitFor((mail) => mail.to.includes(address) && mail.text.includes(containing));

function linkIn(mail: ReceivedMail, path: string): string {
  const link = new RegExp(`https?://\\S+${path}\\?\\S+`).exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${path} link in: ${mail.text}`);
  return link;
}

/** Opens a link from an email (with no Accept-Language, so only the link can choose the language) and presses its one button. */
async function pressButtonBehind(link: string): Promise<{ asked: string; done: string }> {
  const page = await fetch(link);
  expect(page.status).toBe(200);
  const asked = await page.text();
  const action = /<form[^>]* method="post" action="([^"]+)"/.exec(asked)?.[1];
  const done = await fetch(new URL(action!.replace(/&amp;/g, '&'), link), { method: 'POST' });
  expect(done.status).toBe(200);
  return { asked, done: await done.text() };
}

/** A confirmed subscriber on `uri` who wrote with the page language `lang`; returns the comment's id and the confirmation email. */
async function subscriber(uri: string, lang: string | undefined, name: string, email: string) {
  const id = await comment(uri, { body: `${name} fragt etwas`, name, email, notify: true, ...(lang ? { lang } : {}) });
  const confirmation = await mailbox.waitFor((mail) => mail.to.includes(email));
  const pages = await pressButtonBehind(linkIn(confirmation, '/notifications/confirm'));
  await mailTo(AUTHOR, `${name} fragt etwas`);
  await outboxDrained(server);
  return { id, confirmation, pages };
}

describe('emails in the language of the thread', () => {
  it('a reply on a German thread sends German mail (subject, body, unsubscribe) and German link pages', async () => {
    const { id, confirmation, pages } = await subscriber('/de/', 'de-AT', 'Anna', 'anna@example.org');
    expect(confirmation.subject).toBe('Bestätige die Antwort-E-Mails von Das Blog');
    expect(confirmation.text).toContain('Wenn du diese E-Mails bekommen möchtest, bestätige hier:');
    expect(confirmation.html).toContain('<html lang="de">');
    expect(pages.asked).toContain('<html lang="de">');
    expect(pages.asked).toContain('Ja, schreib mir bei Antworten');
    expect(pages.done).toContain('Bestätigt: Du bekommst eine E-Mail, wenn dir jemand antwortet.');
    expect((await findThread(server.ctx.db, 'blog', '/de/'))?.lang).toBe('de');

    // The reply itself names another language: the thread's first language stays.
    await comment('/de/', { body: 'Bernd antwortet', name: 'Bernd', parentId: id, lang: 'fr' });
    const reply = await mailTo('anna@example.org', 'Bernd antwortet');
    expect(reply.subject).toBe('Bernd hat auf deinen Kommentar zu „Der Beitrag“ geantwortet');
    expect(reply.text).toContain('Hallo Anna,');
    expect(reply.text).toContain('Lesen und antworten: https://blog.example/de/#comment-');
    expect(reply.text).toContain('Du bekommst diese E-Mail, weil du über Antworten auf Das Blog informiert werden wolltest.');
    expect(reply.text).toMatch(/Keine Antwort-E-Mails mehr: http:\/\/127\.0\.0\.1:\d+\/notifications\/unsubscribe\?a=[\w-]+&sig=[\w-]+&lang=de/);
    expect(reply.html).toContain('>Keine Antwort-E-Mails mehr</a>');
    expect(reply.text + reply.html).not.toMatch(/Read and answer|Stop all reply emails|replied to your comment/);
    expect((await findThread(server.ctx.db, 'blog', '/de/'))?.lang).toBe('de');

    const author = await mailTo(AUTHOR, 'Bernd antwortet');
    expect(author.subject).toBe('[Das Blog] Neuer Kommentar: Bernd zu „Der Beitrag“');
    expect(author.text).toContain('Dein Schreibtisch: ');

    const unsubscribed = await pressButtonBehind(linkIn(reply, '/notifications/unsubscribe'));
    expect(unsubscribed.asked).toContain('Alle Antwort-E-Mails an diese Adresse abbestellen?');
    expect(unsubscribed.done).toContain('Abbestellt: An diese Adresse gehen keine Antwort-E-Mails mehr.');
    await outboxDrained(server);
  });

  it('a reply on a French thread sends French mail', async () => {
    const { id, confirmation, pages } = await subscriber('/fr/', 'fr', 'Claire', 'claire@example.org');
    expect(confirmation.subject).toBe('Confirmez les e-mails de réponse de Das Blog');
    expect(pages.done).toContain('C’est confirmé');
    await comment('/fr/', { body: 'Denis répond', name: 'Denis', parentId: id });
    const reply = await mailTo('claire@example.org', 'Denis répond');
    expect(reply.subject).toBe('Denis a répondu à votre commentaire sur « Der Beitrag »');
    expect(reply.text).toContain('Bonjour Claire,');
    expect(reply.text).toContain('Ne plus recevoir d’e-mails de réponse : http://');
    expect(reply.html).toContain('<html lang="fr">');
    await outboxDrained(server);
  });

  it('a thread whose language Kommentar does not speak (or none) gets the site default; hostile values are refused or ignored', async () => {
    const { id, confirmation } = await subscriber('/xx/', 'tlh-Latn', 'Emil', 'emil@example.org');
    expect(confirmation.subject).toBe('Confirma los correos de respuestas de Das Blog');
    expect((await findThread(server.ctx.db, 'blog', '/xx/'))?.lang).toBeNull();
    await comment('/xx/', { body: 'Fina responde', name: 'Fina', parentId: id, lang: '<script>' });
    const reply = await mailTo('emil@example.org', 'Fina responde');
    expect(reply.subject).toBe('Fina respondió a tu comentario en «Der Beitrag»');
    expect(reply.text).toContain('No recibir más correos de respuestas: http://');
    expect((await findThread(server.ctx.db, 'blog', '/xx/'))?.lang).toBeNull();

    const tooLong = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/xx/', body: 'x', lang: 'de-'.padEnd(36, 'a') }));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { code: 'too_long', field: 'lang' } });
    await outboxDrained(server);
  });

  it('the no-JavaScript form sends the page language too', async () => {
    const body = new URLSearchParams({ site: 'blog', uri: '/form/', body: 'Über das Formular', name: 'Gert', lang: 'de', ts: String(Date.now() - 10_000) });
    const posted = await fetch(`${server.url}/api/v1/comments`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, body });
    expect(posted.status).toBe(303);
    expect((await findThread(server.ctx.db, 'blog', '/form/'))?.lang).toBe('de');
    const author = await mailTo(AUTHOR, 'Über das Formular');
    expect(author.subject).toBe('[Das Blog] Neuer Kommentar: Gert zu „/form/“');
    await outboxDrained(server);
  });

  it('a pending comment mails in its page language; its thread takes that language only once it is approved', async () => {
    const posted = await server.api('/api/v1/comments', json('POST', { site: 'queue', uri: '/wartet/', title: 'Wartend', body: 'Bitte freischalten', name: 'Ilse', lang: 'de' }));
    expect(posted.status).toBe(202);
    const { comment } = (await posted.json()) as { comment: { id: number } };
    const notice = await mailTo(AUTHOR, 'Bitte freischalten');
    // A pending comment's page title does not name the thread yet, so the notice names the path.
    expect(notice.subject).toBe('[Moderiert] Freischalten: Ilse zu „/wartet/“');
    expect(notice.text).toContain('wartet auf Freischaltung:');
    expect((await findThread(server.ctx.db, 'queue', '/wartet/'))?.lang).toBeNull();

    const approved = await fetch(`${server.url}/admin/moderation`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ site: 'queue', act: `approve:${comment.id}` }),
    });
    expect(approved.status).toBe(303);
    expect((await findThread(server.ctx.db, 'queue', '/wartet/'))?.lang).toBe('de');
    await outboxDrained(server);
  });

  it('a link page without a language in the link follows the browser, then the site', async () => {
    const { confirmation } = await subscriber('/de2/', 'de', 'Hanna', 'hanna@example.org');
    const bare = linkIn(confirmation, '/notifications/confirm').replace(/&lang=\w+/, '');
    const french = await fetch(bare, { headers: { 'accept-language': 'it;q=1, fr-CH;q=0.8, de;q=0.5' } });
    expect(await french.text()).toContain('Voulez-vous recevoir un e-mail');
    const neutral = await fetch(bare);
    expect(await neutral.text()).toContain('¿Quieres recibir un correo');
    const broken = await fetch(bare.replace(/sig=[\w-]{4}/, 'sig=AAAA') + '&lang=de');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('Dieser Link ist nicht (mehr) gültig');
  });
});
