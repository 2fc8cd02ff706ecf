import { describe, expect, test } from 'vitest';
import { PROGRESS_KEY, readProgress, recordAnswer, recordWin, visualResult } from './progress.ts';

function memory(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return {
    getItem: (k: string) => data[k] ?? null,
    setItem: (k: string, v: string) => void (data[k] = v),
    data,
  };
}

describe('visual progress in localStorage', () => {
  test('records a win once and keeps other sections of the document', () => {
    const store = memory({ [PROGRESS_KEY]: JSON.stringify({ chapters: { a: 1 } }) });
    recordWin('counter-lost-update', { moves: 30, par: 24 }, new Date('2026-01-02T03:04:05Z'), store);
    recordWin('counter-lost-update', { moves: 40, par: 24 }, new Date('2027-01-01T00:00:00Z'), store);
    expect(readProgress(store)).toEqual({
      chapters: { a: 1 },
      visual: {
        'counter-lost-update': { won: true, at: '2026-01-02T03:04:05.000Z', moves: 30, star: false },
      },
    });
    expect(visualResult('counter-lost-update', store)?.won).toBe(true);
    expect(visualResult('other', store)).toBeNull();
  });

  test('a win at par earns the star and keeps the fewest moves; the star is never taken back', () => {
    const store = memory();
    recordWin('abba', { moves: 9, par: 8 }, new Date('2026-01-01T00:00:00Z'), store);
    expect(visualResult('abba', store)).toMatchObject({ won: true, moves: 9, star: false });
    recordWin('abba', { moves: 8, par: 8 }, new Date('2026-01-02T00:00:00Z'), store);
    expect(visualResult('abba', store)).toEqual({
      won: true,
      at: '2026-01-01T00:00:00.000Z',
      moves: 8,
      star: true,
    });
    recordWin('abba', { moves: 12, par: 8 }, new Date(), store);
    expect(visualResult('abba', store)).toMatchObject({ moves: 8, star: true });
  });

  test('a predict level counts only the first answer', () => {
    const store = memory();
    expect(recordAnswer('p', false, new Date('2026-01-01T00:00:00Z'), store)).toBe(true);
    expect(recordAnswer('p', true, new Date(), store)).toBe(false);
    expect(visualResult('p', store)).toEqual({ won: false, at: '2026-01-01T00:00:00.000Z', tried: true });
    const other = memory();
    expect(recordAnswer('q', true, new Date('2026-01-01T00:00:00Z'), other)).toBe(true);
    expect(visualResult('q', other)).toMatchObject({ won: true, tried: true });
  });

  test('corrupt or unavailable storage is ignored', () => {
    expect(readProgress(memory({ [PROGRESS_KEY]: '{oops' }))).toEqual({});
    expect(readProgress(null)).toEqual({});
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => recordWin('x', { moves: 1 }, new Date(), full)).not.toThrow();
    expect(() => recordAnswer('x', true, new Date(), full)).not.toThrow();
  });
});
