/**
 * Depth has one definition: the stored depth the API serves (1 = top level).
 * The post page's tree drawing and its depth chart both read it, so they agree
 * when a reply's parent is no longer public, and so does the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depthChart, depthCounts } from '../../plugin/charts/depth.js';
import { treeChart } from '../../plugin/charts/tree.js';
import { stringsFor } from '../../plugin/i18n.js';
import type { PublicComment } from '../../server/comments/public.js';
import { setCommentStatus } from '../../server/db/comments.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { tableRows } from './helpers.js';

const en = stringsFor('en', 'en');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function post(body: Record<string, unknown>): Promise<PublicComment> {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/p/', ...body }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: PublicComment }).comment;
}

describe('depth of a post whose parent comment is not public', () => {
  it('is the same in the tree drawing, the depth chart and the report', async () => {
    const top = await post({ body: 'the first word' });
    const reply = await post({ body: 'a reply', parentId: top.id });
    await post({ body: 'a reply to the reply', parentId: reply.id });
    await post({ body: 'another start' });
    await setCommentStatus(server.ctx.db, [top.id], 'spam');

    const { threads } = (await (await server.api('/api/v1/threads?site=example')).json()) as { threads: Array<{ uri: string; comments: PublicComment[] }> };
    const comments = threads.find((t) => t.uri === '/p/')!.comments;
    const visible = comments.filter((c) => !c.deleted);
    expect(visible.map((c) => c.depth).sort()).toEqual([1, 2, 3]);

    const tree = tableRows(treeChart(comments, { id: 't', strings: en }));
    const depth = tableRows(depthChart(depthCounts(comments), { id: 'd', strings: en }));
    expect(tree.map(([level, count]) => [level, count])).toEqual([
      ['1', '1'],
      ['2', '1'],
      ['3', '1'],
    ]);
    expect(depth).toEqual(tree.map(([level, count]) => [level, count]));

    const report = (await (await server.api('/api/v1/report?site=example', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as {
      posts: Array<{ uri: string; maxDepth: number }>;
    };
    expect(report.posts.find((p) => p.uri === '/p/')!.maxDepth).toBe(3);
  });
});
