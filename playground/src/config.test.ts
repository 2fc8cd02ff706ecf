import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has lab limits sized for a class behind one address, and trusts no proxy by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      LOCKSTEP_TRUSTED_PROXIES: '',
      LOCKSTEP_LAB_CREATE_PER_MINUTE: 20,
      LOCKSTEP_LAB_JOIN_BURST: 500,
      LOCKSTEP_LAB_JOIN_PER_MINUTE: 300,
      LOCKSTEP_LAB_SUBMIT_PER_MINUTE: 30,
      LOCKSTEP_LAB_REQUESTS_PER_MINUTE: 600,
    });
    expect(loadConfig({ LOCKSTEP_LAB_JOIN_BURST: '40' }).LOCKSTEP_LAB_JOIN_BURST).toBe(40);
  });

  it('stops with the variable named for a bad proxy list or a limit out of range', () => {
    expect(() => loadConfig({ LOCKSTEP_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/33' })).toThrow(
      /LOCKSTEP_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address/,
    );
    expect(() => loadConfig({ LOCKSTEP_LAB_JOIN_BURST: '0' })).toThrow(/LOCKSTEP_LAB_JOIN_BURST/);
    expect(() => loadConfig({ LOCKSTEP_LAB_SUBMIT_PER_MINUTE: 'many' })).toThrow(
      /LOCKSTEP_LAB_SUBMIT_PER_MINUTE/,
    );
    expect(loadConfig({ LOCKSTEP_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' }).LOCKSTEP_TRUSTED_PROXIES).toBe(
      'loopback, 10.0.0.0/8',
    );
  });
});
