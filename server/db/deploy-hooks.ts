/**
 * The deploy hooks' schedule, shared by every process on the database: a
 * public change pushes a hook's next call to now + its debounce (a trailing
 * debounce), and whoever finds a call due claims it and queues it in the
 * outbox in the same transaction, so two processes never both send it.
 */
import { enqueueStatement, type NewOutboxItem } from './outbox.js';
import { withTransaction, type Db } from './connection.js';

/** Records a public change for these hooks: each one's call is due `debounceMs` after the latest change. */
export async function pushDeployHooks(db: Db, hooks: Array<{ hook: string; debounceMs: number }>, now: number): Promise<void> {
  if (hooks.length === 0) return;
  await db.batch(
    hooks.map(({ hook, debounceMs }) => ({
      sql: `INSERT INTO deploy_hook_schedule (hook, due_at) VALUES (?, ?)
            ON CONFLICT (hook) DO UPDATE SET due_at = excluded.due_at`,
      args: [hook, now + debounceMs],
    })),
    'write',
  );
}

/** Whether any call is due: a cheap read, so the scheduler's frequent look costs no write lock. */
export async function anyDeployHookDue(db: Db, now: number): Promise<boolean> {
  const result = await db.execute({ sql: 'SELECT 1 FROM deploy_hook_schedule WHERE due_at <= ? LIMIT 1', args: [now] });
  return result.rows.length > 0;
}

/**
 * Claims every due call and queues what `toItem` makes of it, atomically;
 * returns the hooks claimed. A hook `toItem` no longer knows (removed from
 * the config) is cleared without a call.
 */
export async function claimDueDeployHooks(db: Db, now: number, toItem: (hook: string) => NewOutboxItem | undefined): Promise<string[]> {
  return withTransaction(db, async (tx) => {
    const claimed = await tx.execute({
      sql: 'UPDATE deploy_hook_schedule SET due_at = NULL, last_queued_at = ? WHERE due_at <= ? RETURNING hook',
      args: [now, now],
    });
    const hooks = claimed.rows.map((row) => String(row.hook));
    const items = hooks.flatMap((hook) => toItem(hook) ?? []);
    if (items.length > 0) await tx.execute(enqueueStatement(items, now));
    return hooks;
  });
}
