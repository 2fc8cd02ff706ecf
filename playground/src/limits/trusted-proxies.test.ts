import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, trustProxyOption } from './trusted-proxies.ts';

describe('trusted proxies', () => {
  it('reads addresses, ranges and named ranges, ignoring spaces and empty items', () => {
    expect(parseTrustedProxies('')).toEqual([]);
    expect(parseTrustedProxies(' 10.0.0.5 , 192.168.0.0/16,,::1, fd00::/8 ,loopback')).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('names the first entry that is not an address or a range', () => {
    for (const bad of [
      '10.0.0.0/33',
      '::/129',
      '10.0.0.300',
      'proxy.example.org',
      '10.0.0.0/',
      '10.0.0.0/8/8',
      '*',
      '10.0.0.0/-1',
    ])
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`), bad).toThrow(`"${bad}" is not an IP address`);
  });

  it('trusts no one when the list is empty', () => {
    expect(trustProxyOption([])).toBe(false);
    expect(trustProxyOption(['127.0.0.1'])).toEqual(['127.0.0.1']);
  });
});
