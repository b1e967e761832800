/**
 * A graceful stop (SIGTERM, a deploy) keeps what visitors sent: a comment
 * whose request reached the server before the stop is stored, even when its
 * writer hung up at once and the server closed the connection.
 */
import dc from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { listSiteComments } from '../../server/db/comments.js';
import { openDatabase } from '../../server/db/connection.js';
import { startServer } from '../../server/server.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves when the next HTTP request reaches a server in this process. */
function nextRequestStart(): Promise<void> {
  return new Promise((resolve) => {
    const started = () => {
      dc.unsubscribe('http.server.request.start', started);
      resolve();
    };
    dc.subscribe('http.server.request.start', started);
  });
}

it('stores a comment whose writer hung up just as the server was stopped', async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-stop-'));
  const url = `file:${join(dir, 'kommentar.db')}`;
  const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', KOMMENTAR_DB_URL: url, KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_LOG_LEVEL: 'warn' }));
  const started = nextRequestStart();
  const body = JSON.stringify({ site: 'example', uri: '/stop/', body: 'Sent just before a restart' });
  const socket = connect(server.port, '127.0.0.1');
  socket.on('error', () => {});
  // The whole request, then the writer's end of the connection closes: nobody waits for the answer.
  socket.end(`POST /api/v1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  await started;
  await server.close();

  const db = await openDatabase(url);
  try {
    const stored = await listSiteComments(db, 'example', ['approved', 'pending']);
    expect(stored.map((comment) => comment.body)).toEqual(['Sent just before a restart']);
  } finally {
    db.close();
  }
});
