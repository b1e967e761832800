/**
 * Trust rests on proof. A trusted browser goes straight through; a trusted
 * email address typed in an unknown browser only gets its owner an email
 * whose link publishes the comment (and trusts that browser from then on).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { startMailbox, type Mailbox } from './mailbox.js';

let server: TestServer;
let mailbox: Mailbox;
const ALICE = 'alice@x.example';

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    config: {
      sites: [{ id: 'blog', title: 'The Blog', origins: ['https://blog.example'], moderation: 'first-time' }],
      smtp: { host: '127.0.0.1', port: mailbox.port, from: 'Kommentar <comments@blog.example>' },
    },
  });
});
afterAll(async () => {
  await server.close();
  await mailbox.close();
});

async function post(body: string, who: { email?: string; identity?: string }) {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/p/', title: 'A post', body, ...who }));
  return { status: response.status, id: ((await response.json()) as { comment: { id: number } }).comment.id };
}

const publicBodies = async () =>
  ((await (await server.api('/api/v1/comments?site=blog&uri=/p/')).json()) as { comments: { html: string }[] }).comments.map((c) => c.html);

describe('publishing with a trusted address from a new browser', () => {
  it('asks the owner of the address by email, and only the link publishes', async () => {
    const first = await post('Hi, Alice here', { email: ALICE, identity: 'alice-laptop-identity-0001' });
    expect(first.status).toBe(202);
    const trusted = await server.api('/admin/moderation', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ site: 'blog', act: `trust:${first.id}` }),
    });
    expect(trusted.status).toBe(303);

    // An impostor types Alice's address (another case, spaces): held, and the question goes to Alice, not to them.
    const impostor = await post('I am Alice, honest', { email: ' ALICE@x.example ', identity: 'mallory-browser-identity-1' });
    expect(impostor.status).toBe(202);
    // Alice on her phone: held too until she proves the address.
    const phone = await post('Alice from her phone', { email: ALICE, identity: 'alice-phone-identity-0002' });
    expect(phone.status).toBe(202);

    const asks = async (text: string) => mailbox.waitFor((mail) => mail.subject.startsWith('Publish your comment') && mail.text.includes(text));
    const forPhone = await asks('Alice from her phone');
    const forImpostor = await asks('I am Alice, honest');
    expect(forPhone.to).toEqual([ALICE]);
    expect(forImpostor.to.map((to) => to.toLowerCase())).toEqual([ALICE]);
    expect(await publicBodies()).toEqual(['<p>Hi, Alice here</p>']);

    const link = (mail: typeof forPhone) => new URL(/https?:\/\/\S+\/notifications\/publish\?\S+/.exec(mail.text)![0]);
    const phoneLink = link(forPhone);
    // A link scanner's GET changes nothing; a forged signature or another comment's id publishes nothing.
    expect((await server.api(phoneLink.pathname + phoneLink.search)).status).toBe(200);
    expect(await publicBodies()).toHaveLength(1);
    const forged = new URL(phoneLink);
    forged.searchParams.set('c', String(impostor.id));
    expect((await server.api(forged.pathname + forged.search, { method: 'POST' })).status).toBe(400);

    const published = await server.api(phoneLink.pathname + phoneLink.search, { method: 'POST' });
    expect(published.status).toBe(200);
    expect(await published.text()).toContain('your comment is published');
    expect(await publicBodies()).toEqual(['<p>Hi, Alice here</p>', '<p>Alice from her phone</p>']);
    // The phone is a known browser now.
    expect((await post('Phone again', { email: ALICE, identity: 'alice-phone-identity-0002' })).status).toBe(201);
    expect(await publicBodies()).not.toContain('<p>I am Alice, honest</p>');
  });
});
