import { describe, expect, it } from 'vitest';
import { heldSuffixLength } from './held-suffix.ts';

describe('heldSuffixLength', () => {
  it('is the longest end of the text that begins the needle, never the whole needle', () => {
    expect(heldSuffixLength('see /sandbox/sr', '/sandbox/src/')).toBe(11);
    expect(heldSuffixLength('see /', '/sandbox/src/')).toBe(1);
    expect(heldSuffixLength('see /sandbox/src/', '/sandbox/src/')).toBe(1);
    expect(heldSuffixLength('main.go:12\n', '/sandbox/src/')).toBe(0);
    expect(heldSuffixLength('', '/sandbox/src/')).toBe(0);
  });
});
