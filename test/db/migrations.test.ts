import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.js';
import { latestVersion, migrate, migrations, SchemaTooNewError } from '../../server/db/migrations.js';
import { CLI, ensureBuilt } from '../helpers/process.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kommentar-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('apply every version once; running again is a no-op', async () => {
    const db = await openDatabase(`file:${join(dir, 'a.db')}`);
    // Versions may leave gaps; every one is applied once, in order.
    expect(await migrate(db)).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
    expect(Math.max(...migrations.map((m) => m.version))).toBe(latestVersion);
    expect(await migrate(db)).toEqual([]);
    expect((await db.execute('PRAGMA journal_mode')).rows[0]!.journal_mode).toBe('wal');
    db.close();
  });

  it('apply a version below the highest applied one when it is missing (versions are numbered with gaps)', async () => {
    const db = await openDatabase(`file:${join(dir, 'gap.db')}`);
    await migrate(db);
    // A database that got a later version first: version 6 (the deploy-hook schedule) never ran.
    await db.execute('DROP TABLE deploy_hook_schedule');
    await db.execute('DELETE FROM schema_migrations WHERE version = 6');
    expect(await migrate(db)).toEqual([6]);
    expect((await db.execute('SELECT count(*) AS n FROM deploy_hook_schedule')).rows[0]!.n).toBe(0);
    db.close();
  });

  it('refuse a database written by a newer Kommentar, and the server says so plainly', async () => {
    const file = join(dir, 'future.db');
    const db = await openDatabase(`file:${file}`);
    await migrate(db);
    await db.execute({ sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', args: [latestVersion + 1, 'from the future', 0] });
    await expect(migrate(db)).rejects.toBeInstanceOf(SchemaTooNewError);
    db.close();
    const failure = await promisify(execFile)(process.execPath, [CLI, 'serve'], { env: { ...process.env, PORT: '0', KOMMENTAR_DB_URL: `file:${file}` } }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/newer|upgrade Kommentar/);
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
