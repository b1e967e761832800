/** Storage for the author's desk settings (one desk spans every site). Every query on desk_settings lives here. */
import type { Db } from './connection.js';

export type DeskSettingName = 'lang';

export async function getDeskSetting(db: Db, name: DeskSettingName): Promise<string | undefined> {
  const result = await db.execute({ sql: 'SELECT value FROM desk_settings WHERE name = ?', args: [name] });
  const row = result.rows[0];
  return row ? String(row.value) : undefined;
}

export async function setDeskSetting(db: Db, name: DeskSettingName, value: string, now: number): Promise<void> {
  await db.execute({
    sql: `INSERT INTO desk_settings (name, value, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    args: [name, value, now],
  });
}
