/**
 * LOCKSTEP_TRUSTED_PROXIES: the proxies whose X-Forwarded-For is believed. Fastify's trustProxy
 * takes the list as is (it compiles it with @fastify/proxy-addr) and then `request.ip` is the
 * nearest address in X-Forwarded-For that is not a trusted proxy; from any other peer the header
 * is ignored and `request.ip` is the peer itself. Parsed here first so that a typo stops the
 * server with the variable named instead of failing inside Fastify or trusting the wrong hosts.
 */
import { isIP } from 'node:net';

/** Named ranges @fastify/proxy-addr expands (loopback: 127.0.0.1/8 and ::1). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Returns the entries of a comma-separated list; throws an Error naming the first bad one. */
export function parseTrustedProxies(value: string): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!validEntry(entry))
      throw new Error(
        `"${entry}" is not an IP address, an address/prefix range or one of ${[...NAMED_RANGES].join(', ')}`,
      );
  }
  return entries;
}

/** Fastify's trustProxy for the list: false (trust no one) when it is empty. */
export function trustProxyOption(entries: readonly string[]): false | string[] {
  return entries.length === 0 ? false : [...entries];
}

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash < 0) return true;
  const prefix = entry.slice(slash + 1);
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
