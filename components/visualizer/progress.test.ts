import { describe, expect, test } from 'vitest';
import { PROGRESS_KEY, readProgress, recordAnswer, recordHint, recordWin, visualResult } from './progress.ts';

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

  test('a hint gives up the star: recorded at once, a later win at par earns none, an earned star stays', () => {
    const store = memory();
    expect(recordHint('lvl', 1, new Date('2026-01-01T00:00:00Z'), store)).toBe(1);
    expect(visualResult('lvl', store)).toEqual({ won: false, at: '2026-01-01T00:00:00.000Z', hints: 1 });
    expect(recordHint('lvl', 0, new Date(), store)).toBe(1); // the count never shrinks
    recordWin('lvl', { moves: 22, par: 22, spin: '1' }, new Date('2026-01-02T00:00:00Z'), store);
    expect(visualResult('lvl', store)).toEqual({
      won: true,
      at: '2026-01-02T00:00:00.000Z',
      moves: 22,
      star: false,
      hints: 1,
      spin: '1',
    });
    const starred = memory();
    recordWin('lvl', { moves: 22, par: 22 }, new Date('2026-01-01T00:00:00Z'), starred);
    recordHint('lvl', 2, new Date(), starred);
    expect(visualResult('lvl', starred)).toMatchObject({ star: true, hints: 2, moves: 22 });
  });

  test('the spin choice is kept with the fewest-moves win only', () => {
    const store = memory();
    recordWin('lvl', { moves: 30, par: 22, spin: '2' }, new Date('2026-01-01T00:00:00Z'), store);
    recordWin('lvl', { moves: 31, par: 22, spin: '1' }, new Date(), store);
    expect(visualResult('lvl', store)).toMatchObject({ moves: 30, spin: '2' });
    recordWin('lvl', { moves: 22, par: 22, spin: '4i' }, new Date(), store);
    expect(visualResult('lvl', store)).toMatchObject({ moves: 22, spin: '4i', star: true });
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
