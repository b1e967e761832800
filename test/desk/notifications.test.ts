import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxSummary } from '../../server/db/outbox.js';
import { hashPassword } from '../../server/desk/password.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { DESK_PASSWORD, DeskClient, outboxDrained } from './desk-client.js';
import { startMailbox, type Mailbox, type ReceivedMail } from './mailbox.js';

const AUTHOR = 'author@blog.example';
const URI = '/posts/hello/';
let server: TestServer;
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    config: {
      sites: [
        { id: 'blog', title: 'The Blog', origins: ['https://blog.example'] },
        { id: 'queue', title: 'Moderated', origins: ['https://queue.example'], moderation: 'all' },
      ],
      adminPasswordHash: await hashPassword(DESK_PASSWORD),
      smtp: { host: '127.0.0.1', port: mailbox.port, from: 'Kommentar <comments@blog.example>', authorAddress: AUTHOR },
    },
  });
});
afterAll(async () => {
  await server.close();
  await mailbox.close();
});

async function comment(fields: Record<string, unknown>): Promise<number> {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: URI, title: 'Hello <world>', ...fields }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

/** Waits until everything a reader's comment set off went out: its author notice arrived, then the outbox emptied. */
async function settle(body: string): Promise<void> {
  await mailbox.waitFor((mail) => mail.to.includes(AUTHOR) && mail.text.includes(body));
  await outboxDrained(server);
}

describe('with email configured', () => {
  it('the form offers reply notifications, and the server says it sends email without saying how', async () => {
    const widget = (await (await fetch(`${server.url}/widget.json`)).json()) as Record<string, unknown>;
    expect(widget).toEqual({ site: null, email: true });
    const page = await (await fetch(`${server.url}/thread?site=blog&uri=${encodeURIComponent(URI)}`)).text();
    expect(page).toContain('<input type="checkbox" name="notify">');
    const threads = (await (await fetch(`${server.url}/api/v1/threads?site=blog`)).json()) as { email: boolean };
    expect(threads.email).toBe(true);
    expect(JSON.stringify(widget) + JSON.stringify(threads)).not.toMatch(/127\.0\.0\.1|blog\.example|smtp/);
  });
});

const mailsTo = (address: string) => mailbox.messages.filter((mail) => mail.to.includes(address));
const replyMailsTo = (address: string) => mailsTo(address).filter((mail) => mail.subject.includes('replied to your comment'));

function linkIn(mail: ReceivedMail, path: string): string {
  const link = new RegExp(`https?://\\S+${path}\\?\\S+`).exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${path} link in: ${mail.text}`);
  return link;
}

/** Opens a link from an email like a person: the page shows one button, which posts back to the same URL. */
async function pressButtonBehind(link: string): Promise<string> {
  const page = await fetch(link);
  expect(page.status).toBe(200);
  const action = /<form[^>]* method="post" action="([^"]+)"/.exec(await page.text())?.[1];
  expect(action).toBeDefined();
  const done = await fetch(new URL(action!.replace(/&amp;/g, '&'), link), { method: 'POST' });
  expect(done.status).toBe(200);
  return done.text();
}

/** A reader who left a comment asking for reply emails and confirmed the address. Returns the comment's id. */
async function confirmedSubscriber(name: string, email: string): Promise<number> {
  const id = await comment({ body: `${name} asks a question`, name, email, notify: true });
  const confirmation = await mailbox.waitFor((mail) => mail.to.includes(email) && mail.subject.startsWith('Confirm'));
  expect(await pressButtonBehind(linkIn(confirmation, '/notifications/confirm'))).toContain('Confirmed');
  await settle(`${name} asks a question`);
  return id;
}

describe('reply emails', () => {
  it('asks for confirmation first and sends no reply email before the address is confirmed', async () => {
    const alice = await comment({ body: 'Alice asks', name: 'Alice', email: 'alice@example.org', notify: true });
    const confirmation = await mailbox.waitFor((mail) => mail.to.includes('alice@example.org'));
    expect(confirmation.subject).toBe('Confirm reply emails from The Blog');
    const confirmLink = linkIn(confirmation, '/notifications/confirm');
    expect(confirmation.html).toContain(confirmLink.replace(/&/g, '&#38;'));

    // Opening the link (as a mail scanner would) shows a button but confirms nothing.
    expect((await fetch(confirmLink)).status).toBe(200);
    await comment({ body: 'Bob answers early', name: 'Bob', parentId: alice });
    await settle('Bob answers early');
    expect(mailsTo('alice@example.org')).toHaveLength(1);

    expect(await pressButtonBehind(confirmLink)).toContain('Confirmed');
    await comment({ body: 'Carol answers later', name: 'Carol', parentId: alice });
    await settle('Carol answers later');
    const replies = replyMailsTo('alice@example.org');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.subject).toBe('Carol replied to your comment on “Hello <world>”');
    expect(replies[0]!.text).toContain('> Carol answers later');
    expect(replies[0]!.text).toMatch(new RegExp(`https://blog\\.example${URI}#comment-\\d+`));
  });

  it('sends exactly one email per reply, with every injected value escaped in the HTML', async () => {
    const erin = await confirmedSubscriber('Erin', 'erin@example.org');
    const before = mailsTo('erin@example.org').length;
    await comment({ body: 'Nice <script>alert(1)</script> & more', name: '<img src=x onerror=alert(1)>Mallory', parentId: erin });
    await settle('Nice <script>alert(1)</script> & more');
    const fresh = mailsTo('erin@example.org').slice(before);
    expect(fresh).toHaveLength(1);
    const mail = fresh[0]!;
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62;Mallory');
    expect(mail.html).toContain('Nice &#60;script&#62;alert(1)&#60;/script&#62; &#38; more');
    expect(mail.html).not.toMatch(/<img|<script/i);
    expect(mail.html).toContain('Hello &#60;world&#62;');
    expect(mail.text).toContain('> Nice <script>alert(1)</script> & more');
    const authorNotice = mailsTo(AUTHOR).at(-1)!;
    expect(authorNotice.html).not.toMatch(/<img|<script/i);
    expect(mail.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/notifications\/unsubscribe\?a=[\w-]+&sig=[\w-]+&lang=en>$/);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text + mail.html).not.toContain('erin@example.org');
  });

  it('sends nothing for a self-reply', async () => {
    const gil = await confirmedSubscriber('Gil', 'gil@example.org');
    await comment({ body: 'Gil adds a thought', name: 'Gil', email: ' GIL@example.org ', parentId: gil });
    await settle('Gil adds a thought');
    expect(replyMailsTo('gil@example.org')).toHaveLength(0);
    await comment({ body: 'Hal answers Gil', name: 'Hal', parentId: gil });
    await settle('Hal answers Gil');
    expect(replyMailsTo('gil@example.org')).toHaveLength(1);
  });

  it('stops after unsubscribing, through the link in the email or the one-click header', async () => {
    const ida = await confirmedSubscriber('Ida', 'ida@example.org');
    const jon = await confirmedSubscriber('Jon', 'jon@example.org');
    await comment({ body: 'Kim answers Ida', name: 'Kim', parentId: ida });
    await comment({ body: 'Kim answers Jon', name: 'Kim', parentId: jon });
    const toIda = await mailbox.waitFor((mail) => mail.to.includes('ida@example.org') && mail.text.includes('Kim answers Ida'));
    const toJon = await mailbox.waitFor((mail) => mail.to.includes('jon@example.org') && mail.text.includes('Kim answers Jon'));

    expect(await pressButtonBehind(linkIn(toIda, '/notifications/unsubscribe'))).toContain('Unsubscribed');
    const oneClick = /^<(.+)>$/.exec(toJon.headers.get('list-unsubscribe')!)![1]!;
    const clicked = await fetch(oneClick, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    const forged = await fetch(oneClick.replace(/sig=[\w-]{4}/, 'sig=AAAA'), { method: 'POST' });
    expect(forged.status).toBe(400);

    await comment({ body: 'Lea answers Ida', name: 'Lea', parentId: ida });
    await comment({ body: 'Lea answers Jon', name: 'Lea', parentId: jon });
    await settle('Lea answers Ida');
    await settle('Lea answers Jon');
    expect(replyMailsTo('ida@example.org')).toHaveLength(1);
    expect(replyMailsTo('jon@example.org')).toHaveLength(1);
  });

  it('tells the author about comments awaiting moderation, with a link to the queue', async () => {
    const response = await server.api('/api/v1/comments', json('POST', { site: 'queue', uri: '/q/', body: 'Please moderate me', name: 'Ned' }));
    expect(response.status).toBe(202);
    const notice = await mailbox.waitFor((mail) => mail.to.includes(AUTHOR) && mail.text.includes('Please moderate me'));
    expect(notice.subject).toBe('[Moderated] To moderate: Ned on “/q/”');
    expect(notice.text).toMatch(/\/admin\/moderation\?site=queue/);
  });

  it('keeps a refused delivery for a retry, with its error visible in the desk', async () => {
    mailbox.refuse.add('max@example.org');
    await comment({ body: 'Max would like emails', name: 'Max', email: 'max@example.org', notify: true });
    const deadline = Date.now() + 10_000;
    let summary = await outboxSummary(server.ctx.db);
    while (!summary.problems.some((p) => p.topic === 'confirm') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      summary = await outboxSummary(server.ctx.db);
    }
    const problem = summary.problems.find((p) => p.topic === 'confirm')!;
    expect(problem).toMatchObject({ kind: 'email', status: 'queued', attempts: 1 });
    expect(problem.lastError).toContain('mailbox busy');

    const desk = new DeskClient(server);
    expect((await desk.login()).status).toBe(303);
    const page = await desk.page('/admin/deliveries');
    expect(page).toMatch(/<b id="outbox-queued">1<\/b>/);
    expect(page).toContain('will retry');
    expect(page).toContain('mailbox busy');

    // The mailbox recovers. New work wakes the worker, but the retry waits for its backoff (30 s).
    mailbox.refuse.delete('max@example.org');
    await comment({ body: 'Nora wakes the worker', name: 'Nora' });
    await mailbox.waitFor((mail) => mail.text.includes('Nora wakes the worker'));
    expect(mailsTo('max@example.org')).toHaveLength(0);
    const realNow = server.ctx.now;
    server.ctx.now = () => realNow() + 31_000;
    try {
      await comment({ body: 'Olga wakes it later', name: 'Olga' });
      const confirmation = await mailbox.waitFor((mail) => mail.to.includes('max@example.org'));
      expect(confirmation.subject).toBe('Confirm reply emails from The Blog');
      await outboxDrained(server);
    } finally {
      server.ctx.now = realNow;
    }
    expect(await desk.page('/admin/deliveries')).toMatch(/<b id="outbox-queued">0<\/b>/);
  });
});
