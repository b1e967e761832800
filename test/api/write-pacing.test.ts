/**
 * Write pacing: under a burst, writes start a few per turn of the event loop,
 * in the order they came, so a turn stays short; reads never wait.
 */
import { Hono } from 'hono';
import { afterEach, expect, it } from 'vitest';
import { writePacing } from '../../server/http/write-pacing.js';

let ticking = true;
afterEach(() => {
  ticking = false;
});

/** Counts turns of the event loop: its setImmediate runs first in each turn's check phase. */
function turnCounter(): { now: () => number } {
  let turn = 0;
  ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn };
}

it('starts at most perTurn writes per turn, in the order they arrived, and lets reads through at once', async () => {
  const turns = turnCounter();
  const started: { name: string; turn: number }[] = [];
  const app = new Hono();
  app.use(writePacing({ perTurn: 2 }));
  app.all('/:name', (c) => {
    started.push({ name: c.req.param('name'), turn: turns.now() });
    return c.text('ok');
  });

  const writes = ['a', 'b', 'c', 'd', 'e'].map((name) => app.request(`/${name}`, { method: 'POST' }));
  const read = app.request('/read');
  const answers = await Promise.all([...writes, read]);

  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(started[0]).toEqual({ name: 'read', turn: 0 });
  const order = started.filter((start) => start.name !== 'read');
  expect(order.map((start) => start.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  const perTurn = new Map<number, number>();
  for (const { turn } of order) perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
  expect([...perTurn.values()]).toEqual([2, 2, 1]);
  expect(new Set(order.map((start) => start.turn)).size).toBe(3);
});

it('starts a lone write in the next turn, without waiting for more', async () => {
  const app = new Hono();
  app.use(writePacing());
  app.post('/', (c) => c.text('stored'));
  const answer = await app.request('/', { method: 'POST' });
  expect(await answer.text()).toBe('stored');
});
