/**
 * Keeps outgoing requests (webhooks, deploy hooks, Webmention sources) away
 * from the server's own network: a URL must resolve only to global unicast
 * addresses, every one of them checked, so a hostname cannot smuggle in
 * loopback, private, link-local, unique-local or other special targets (SSRF).
 * Addresses are classified by ipaddr.js; IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4, Teredo) are judged by that too.
 */
import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

const cidr6 = (text: string) => ipaddr.IPv6.parseCIDR(text);
const IPV4_IN_LAST_32 = [cidr6('::/96'), cidr6('::ffff:0:0/96'), cidr6('::ffff:0:0:0/96'), cidr6('64:ff9b::/96')];
const SIX_TO_FOUR = cidr6('2002::/16');
const TEREDO = cidr6('2001::/32');
/** RFC 8215's local-use NAT64 prefix: translated only inside one network, never global. */
const LOCAL_NAT64 = cidr6('64:ff9b:1::/48');

const ipv4At = (bytes: number[], offset: number) => new ipaddr.IPv4(bytes.slice(offset, offset + 4));

/** The IPv4 addresses an IPv6 address carries (and reaches through a translator or tunnel), if it is such a form. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] | undefined {
  const bytes = address.toByteArray();
  if (IPV4_IN_LAST_32.some((range) => address.match(range))) return [ipv4At(bytes, 12)];
  if (address.match(SIX_TO_FOUR)) return [ipv4At(bytes, 2)];
  // Teredo: the server's address in clear, the client's with every bit flipped.
  if (address.match(TEREDO)) return [ipv4At(bytes, 4), new ipaddr.IPv4(bytes.slice(12, 16).map((byte) => byte ^ 0xff))];
  return undefined;
}

function isGlobalUnicast(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  if (v6.match(LOCAL_NAT64)) return false;
  const embedded = embeddedIPv4(v6);
  // The unspecified address and loopback sit inside ::/96 but are no IPv4 form.
  if (embedded && v6.range() !== 'unspecified' && v6.range() !== 'loopback') return embedded.every(isGlobalUnicast);
  return v6.range() === 'unicast';
}

/** A target the guard refused; retrying cannot help. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
}

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/** Whether an IP address (v4 or v6 text) is global unicast, reachable on the public internet. */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  try {
    return isGlobalUnicast(ipaddr.parse(address));
  } catch {
    return false;
  }
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
      throw new BlockedAddressError(`refused: ${host} resolves to ${blocked.address}, which is not a public address (set webhook.allowPrivateAddresses to permit it)`);
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * A `lookup` for http(s).request that answers with the checked address only:
 * the connection goes where the guard looked, not wherever a second DNS
 * answer points (DNS rebinding). Pair it with never following redirects.
 */
export function pinnedLookup(target: CheckedAddress): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
}
