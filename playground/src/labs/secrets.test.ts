import { describe, expect, it } from 'vitest';
import { bearer, hashSecret, newId, newSecret, secretMatches } from './secrets.ts';

describe('lab secrets', () => {
  it('makes distinct prefixed secrets and stores only a hash that matches the secret alone', () => {
    const a = newSecret('lsk');
    const b = newSecret('lsk');
    expect(a).toMatch(/^lsk_[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(b);
    const stored = hashSecret(a);
    expect(stored).not.toContain(a);
    expect(secretMatches(a, stored)).toBe(true);
    expect(secretMatches(b, stored)).toBe(false);
    expect(secretMatches(a, 'not-hex')).toBe(false);
    expect(newId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('reads only a well-formed bearer header', () => {
    expect(bearer('Bearer lst_abcdefghijkl')).toBe('lst_abcdefghijkl');
    expect(bearer('bearer lst_abcdefghijkl')).toBeNull();
    expect(bearer('Bearer a b')).toBeNull();
    expect(bearer(undefined)).toBeNull();
  });
});
