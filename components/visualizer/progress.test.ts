import { describe, expect, test } from 'vitest';
import { PROGRESS_KEY, readProgress, recordWin, visualResult } from './progress.ts';

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
    recordWin('counter-lost-update', new Date('2026-01-02T03:04:05Z'), store);
    recordWin('counter-lost-update', new Date('2027-01-01T00:00:00Z'), store);
    expect(readProgress(store)).toEqual({
      chapters: { a: 1 },
      visual: { 'counter-lost-update': { won: true, at: '2026-01-02T03:04:05.000Z' } },
    });
    expect(visualResult('counter-lost-update', store)?.won).toBe(true);
    expect(visualResult('other', store)).toBeNull();
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
    expect(() => recordWin('x', new Date(), full)).not.toThrow();
  });
});
