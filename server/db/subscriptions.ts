/**
 * Storage for the email addresses that asked for reply notifications: whether
 * each is confirmed (double opt-in) or unsubscribed. Addresses are kept only
 * as an HMAC; the raw address stays on the comment that asked.
 */
import type { InStatement } from '@libsql/client';
import type { Db } from './connection.js';

export type AddressStatus = 'unconfirmed' | 'confirmed' | 'unsubscribed';

export interface AddressRow {
  addressHash: string;
  status: AddressStatus;
  confirmSentAt: number | null;
}

export async function getAddress(db: Db, addressHash: string): Promise<AddressRow | undefined> {
  const result = await db.execute({
    sql: 'SELECT address_hash, status, confirm_sent_at FROM notify_addresses WHERE address_hash = ?',
    args: [addressHash],
  });
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    addressHash: String(row.address_hash),
    status: String(row.status) as AddressStatus,
    confirmSentAt: row.confirm_sent_at === null ? null : Number(row.confirm_sent_at),
  };
}

/**
 * Statement that decides whether a confirmation email may go out now and
 * records it (one row changed when yes): yes for a new address, an
 * unsubscribed one asking again, or one whose last confirmation was sent at
 * or before `staleBefore`; no for a confirmed one.
 */
export function reserveConfirmationStatement(addressHash: string, now: number, staleBefore: number): InStatement {
  return {
    sql: `INSERT INTO notify_addresses (address_hash, status, confirm_sent_at, updated_at) VALUES (?, 'unconfirmed', ?, ?)
          ON CONFLICT (address_hash) DO UPDATE SET status = 'unconfirmed', confirm_sent_at = excluded.confirm_sent_at,
          updated_at = excluded.updated_at
          WHERE notify_addresses.status = 'unsubscribed'
             OR (notify_addresses.status = 'unconfirmed' AND coalesce(notify_addresses.confirm_sent_at, 0) <= ?)`,
    args: [addressHash, now, now, staleBefore],
  };
}

/** Confirms an address that awaits confirmation; returns false when there was none waiting. */
export async function confirmAddress(db: Db, addressHash: string, now: number): Promise<boolean> {
  const result = await db.execute({
    sql: `UPDATE notify_addresses SET status = 'confirmed', updated_at = ? WHERE address_hash = ? AND status = 'unconfirmed'`,
    args: [now, addressHash],
  });
  return result.rowsAffected > 0;
}

/** Stops all reply emails to an address, whatever its state before. */
export async function unsubscribeAddress(db: Db, addressHash: string, now: number): Promise<void> {
  await db.execute({
    sql: `INSERT INTO notify_addresses (address_hash, status, confirm_sent_at, updated_at) VALUES (?, 'unsubscribed', NULL, ?)
          ON CONFLICT (address_hash) DO UPDATE SET status = 'unsubscribed', updated_at = excluded.updated_at`,
    args: [addressHash, now],
  });
}
