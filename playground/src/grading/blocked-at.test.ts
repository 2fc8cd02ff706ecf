import { describe, expect, it } from 'vitest';
import { blockedAt } from './blocked-at.ts';

describe('blockedAt', () => {
  it("names the learner's line of each stuck goroutine, skipping test and runtime frames", () => {
    const lock = { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 };
    const helper = { func: 'bank.(*watchedLock).Lock', file: 'bank_test.go', line: 54 };
    const goroutines = [
      {
        id: 1,
        state: 'chan receive',
        frames: [{ func: 'testing.(*T).Run', file: 'testing/testing.go', line: 1 }],
      },
      {
        id: 5,
        state: 'sync.Mutex.Lock',
        frames: [lock, helper, { func: 'bank.Transfer', file: 'bank.go', line: 45 }],
      },
    ];
    expect(blockedAt(goroutines, ['bank.go'])).toEqual([
      { file: 'bank.go', line: 45, func: 'Transfer', state: 'sync.Mutex.Lock' },
    ]);
    expect(blockedAt(goroutines, [])).toEqual([]);
  });
});
