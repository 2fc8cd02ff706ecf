import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeStall } from './deadlock.ts';
import { parseGoroutineDump } from './goroutines.ts';
import { detectPanic } from './panic.ts';
import { parseTestEvents } from './test2json.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const judge = (name: string) => judgeStall(parseGoroutineDump(fixture(name), W));

describe('judgeStall on SIGQUIT dumps of -race builds (where the runtime never says deadlock)', () => {
  it.each([
    ['stall_mutex.txt', ['1:sync.Mutex.Lock']],
    ['stall_rwmutex.txt', ['1:sync.RWMutex.RLock', '6:sync.RWMutex.Lock']],
    ['stall_abba.txt', ['1:sync.WaitGroup.Wait', '6:sync.Mutex.Lock', '7:sync.Mutex.Lock']],
    ['stall_chansend.txt', ['1:select (no cases)', '20:chan send']],
    ['stall_wg.txt', ['1:sync.WaitGroup.Wait']],
  ])('%s is a deadlock', (file, blocked) => {
    const v = judge(file);
    expect(v.deadlocked).toBe(true);
    expect(v.blocked.map((g) => `${g.id}:${g.state}`)).toEqual(blocked);
  });

  it('names each blocked goroutine and its line', () => {
    expect(judge('stall_abba.txt').reason).toBe(
      'All 3 goroutines are blocked waiting for something only another goroutine could do: ' +
        'goroutine 1 (sync.WaitGroup.Wait at main.go:24), goroutine 6 (sync.Mutex.Lock at main.go:14), ' +
        'goroutine 7 (sync.Mutex.Lock at main.go:14).',
    );
  });

  it('a sleeping program is not a deadlock', () => {
    const v = judge('stall_sleep.txt');
    expect(v.deadlocked).toBe(false);
    expect(v.reason).toBe('Not a deadlock: goroutine 1 (sleep at main.go:10) could still make progress.');
  });

  it('a spinning goroutine keeps it from being a deadlock even when another is blocked', () => {
    const v = judge('stall_spin.txt');
    expect(v.deadlocked).toBe(false);
    expect(v.blocked.map((g) => g.id)).toEqual([6]);
  });

  it('LIMIT: a timer channel receive looks like any receive (the watchdog must not stall these)', () => {
    expect(judge('stall_after.txt').deadlocked).toBe(true);
    expect(judge('stall_ticker.txt').deadlocked).toBe(true);
  });

  it('agrees with the runtime detector on a plain build', () => {
    expect(judge('deadlock_abba.txt').deadlocked).toBe(true);
    expect(judge('deadlock_chan.txt').blocked.map((g) => g.state)).toEqual(['chan send']);
  });

  it('judges a test -timeout dump without the alarm goroutine', () => {
    const dump = detectPanic(parseTestEvents(fixture('test_hang.txt'), W).text, W)?.goroutines ?? [];
    expect(dump.map((g) => g.id)).toEqual([18, 1, 8]);
    const v = judgeStall(dump);
    expect(v.deadlocked).toBe(true);
    expect(v.blocked.map((g) => `${g.id}:${g.state}`)).toEqual(['1:chan receive', '8:chan receive']);
  });

  it('no goroutines, no deadlock', () => {
    expect(judgeStall([]).deadlocked).toBe(false);
    expect(judgeStall([{ id: 1, state: 'IO wait', frames: [] }]).deadlocked).toBe(false);
    expect(judgeStall([{ id: 1, state: 'syscall', frames: [] }]).deadlocked).toBe(false);
  });
});
