/**
 * The desk password, stored only as an scrypt hash whose string carries its
 * own salt and cost parameters (`scrypt$N$r$p$salt$hash`), so the cost can be
 * raised later without breaking stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
/** 2^15 × 8 × 128 bytes = 32 MiB of memory per guess: slow for an attacker, a fifth of a second for a login. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 };
/** Upper bounds when reading a stored hash, so a tampered config cannot make a login eat the machine. */
const MAX_N = 2 ** 20;
const MAX_RP = 16;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password for the config file (`kommentar set-password`). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT_COST);
  const { N, r, p } = DEFAULT_COST;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether a stored string has the shape `hashPassword` writes (checked at start and by the CLI). */
export function isPasswordHash(stored: string): boolean {
  return parseHash(stored) !== undefined;
}

function parseHash(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || ![r, p].every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_RP)) return undefined;
  if (salt.length < 8 || key.length < 16) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.cost);
  return candidate.length === parsed.key.length && timingSafeEqual(candidate, parsed.key);
}
