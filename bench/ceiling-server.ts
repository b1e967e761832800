/**
 * The ceiling for the API benchmark: a bare Hono route on the same Node HTTP
 * adapter answering the same bytes from memory, with no storage at all.
 * Run as a child process: `node dist/bench/ceiling-server.js PAYLOAD_FILE [ENCODING]`;
 * with an encoding (br, gzip) the file holds bytes already compressed that way.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const payload = new Uint8Array(readFileSync(process.argv[2]!));
const encoding = process.argv[3];
const headers: Record<string, string> = { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}) };
const app = new Hono().get('/bare', (c) => c.body(payload, 200, headers));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
