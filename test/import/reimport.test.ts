import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fixture, importInto, publicThread, SECRET, SITE_CONFIG } from './helpers.js';

let server: TestServer;
let dir: string;

/** The WordPress fixture as it might look a week later: one comment edited, one approved, one new reply. */
function changedExport(): string {
  const newReply = `<wp:comment>
			<wp:comment_id>13</wp:comment_id>
			<wp:comment_author><![CDATA[Anna]]></wp:comment_author>
			<wp:comment_content><![CDATA[A late answer.]]></wp:comment_content>
			<wp:comment_date_gmt>2020-01-06 08:00:00</wp:comment_date_gmt>
			<wp:comment_approved>1</wp:comment_approved>
			<wp:comment_parent>5</wp:comment_parent>
			<wp:comment_user_id>1</wp:comment_user_id>
		</wp:comment>
	</item>`;
  return readFileSync(fixture('wordpress.xml'), 'utf8')
    .replace('Gern geschehen.', 'Gern geschehen, wirklich!')
    .replace(/(<wp:comment_id>9<\/wp:comment_id>[\s\S]*?<wp:comment_approved>)0/, '$11')
    .replace('</item>', newReply);
}

beforeAll(async () => {
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  dir = mkdtempSync(join(tmpdir(), 'kommentar-reimport-'));
  await importInto(server, fixture('wordpress.xml'), { format: 'wordpress' });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing again', () => {
  it('adds nothing when the same file is imported twice', async () => {
    const before = await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted']);
    const again = await importInto(server, fixture('wordpress.xml'), { format: 'wordpress' });
    expect(again).toMatchObject({ imported: { approved: 0, pending: 0, spam: 0, deleted: 0 }, unchanged: 13, conflicts: [], newPosts: 0 });
    expect(await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted'])).toEqual(before);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const path = join(dir, 'changed.xml');
    writeFileSync(path, changedExport());
    const before = await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted']);
    const dry = await importInto(server, path, { format: 'wordpress', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, imported: { approved: 1 }, unchanged: 11 });
    expect(dry.conflicts.length).toBe(2);
    expect(await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted'])).toEqual(before);
  });

  it('reports changed comments as conflicts, keeps them as stored, and attaches new replies to old comments', async () => {
    const path = join(dir, 'changed.xml');
    writeFileSync(path, changedExport());
    const result = await importInto(server, path, { format: 'wordpress' });
    expect(result).toMatchObject({ imported: { approved: 1, pending: 0 }, unchanged: 11 });
    expect(result.conflicts.map((c) => [c.sourceId, c.changed])).toEqual([
      ['3', ['body']],
      ['9', ['status']],
    ]);
    const thread = await publicThread(server, '/2020/01/hallo-welt/');
    expect(thread.map((c) => c.html)).toContain('<p>Gern geschehen.</p>');
    expect(thread.map((c) => c.html)).not.toContain('<p>Still awaiting moderation.</p>');
    const late = thread.find((c) => c.html === '<p>A late answer.</p>')!;
    expect(late).toMatchObject({ depth: 6, isAuthor: true, name: 'Anna' });
    expect(thread.find((c) => c.id === late.parentId)!.html).toBe('<p>Eine letzte Frage …</p>');
  });
});
