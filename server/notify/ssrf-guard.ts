/**
 * Keeps outgoing requests (webhooks) away from the server's own network: a
 * configured URL must resolve only to public addresses, every one of them
 * checked, so a hostname cannot smuggle in loopback, private, link-local or
 * unique-local targets (SSRF).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(network, prefix, 'ipv4');
// IPv4-mapped addresses (::ffff:a.b.c.d) are checked against the IPv4 rules by BlockList itself.
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) nonPublic.addSubnet(network, prefix, 'ipv6');

/** A target the guard refused; retrying cannot help. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/** Whether an IP address (v4 or v6 text) is reachable on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Resolves `hostname` (a name or an IP literal, IPv6 with or without brackets)
 * and returns the address to connect to. Unless `allowPrivate`, every address
 * the name resolves to must be public, else BlockedAddressError.
 */
export async function resolveCheckedAddress(hostname: string, allowPrivate: boolean): Promise<CheckedAddress> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new Error(`${host} does not resolve to any address`);
  if (!allowPrivate) {
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked) {
      throw new BlockedAddressError(`refused: ${host} resolves to ${blocked.address}, which is not a public address (set allowPrivateAddresses (or webhook.allowPrivateAddresses) in the config to permit it)`);
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
