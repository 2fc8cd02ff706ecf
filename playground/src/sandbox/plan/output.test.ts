import { describe, expect, it } from 'vitest';
import { OutputCollector } from './output.ts';

describe('OutputCollector', () => {
  it('keeps both streams up to a shared limit, then marks the cut', () => {
    const seen: string[] = [];
    const out = new OutputCollector(10, (s, t) => seen.push(`${s}:${t}`));
    expect(out.push('stdout', Buffer.from('hello'))).toBe(true);
    expect(out.push('stderr', Buffer.from('err'))).toBe(true);
    expect(out.push('stdout', Buffer.from('world!'))).toBe(false);
    expect(out.overflowed).toBe(true);
    expect(out.text('stdout')).toBe('hellowo\n[output truncated: the program printed more than 10 bytes]\n');
    expect(out.text('stderr')).toBe('err');
    expect(out.push('stderr', Buffer.from('more'))).toBe(false);
    expect(seen).toContain('stdout:\n[output truncated: the program printed more than 10 bytes]\n');
  });
  it('streams multi-byte characters split across chunks whole', () => {
    const seen: string[] = [];
    const out = new OutputCollector(100, (_s, t) => seen.push(t));
    const euro = Buffer.from('€');
    out.push('stdout', euro.subarray(0, 1));
    out.push('stdout', euro.subarray(1));
    out.flush();
    expect(seen.join('')).toBe('€');
    expect(out.text('stdout')).toBe('€');
  });
});
