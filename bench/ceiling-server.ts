/**
 * The ceiling for the API benchmark: a bare Hono route on the same Node HTTP
 * adapter answering the same JSON bytes from memory, with no storage at all.
 * Run as a child process: `node dist/bench/ceiling-server.js PAYLOAD_FILE`.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const payload = readFileSync(process.argv[2]!, 'utf8');
const app = new Hono().get('/bare', (c) => c.body(payload, 200, { 'content-type': 'application/json' }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
