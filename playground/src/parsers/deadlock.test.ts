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

  it.each([
    'goexit_main_race.txt',
    'goexit_inpanic_race.txt',
    'goexit_recovered_race.txt',
    'goexit_recoverbefore_race.txt',
    'goexit_exit_race.txt',
  ])('%s: main called Goexit and no goroutine of the program is left: a deadlock', (file) => {
    const v = judge(file);
    expect(v).toMatchObject({ deadlocked: true, mainExited: true, blocked: [] });
    expect(v.reason).toBe(
      'main called runtime.Goexit, so the program could only go on in other goroutines, and none is left.',
    );
  });

  it('main gone, nothing left, but stopped by the wall clock: a timer may be pending, not a deadlock', () => {
    const v = judgeStall(parseGoroutineDump(fixture('goexit_main_race.txt'), W), { timerMayBePending: true });
    expect(v).toMatchObject({ deadlocked: false, mainExited: true });
  });

  it('main gone and the goroutine left blocked: a deadlock that says main called Goexit', () => {
    const v = judge('goexit_blocked_race.txt');
    expect(v).toMatchObject({ deadlocked: true, mainExited: true });
    expect(v.reason).toBe(
      'main called runtime.Goexit, and the only goroutine left is blocked waiting for something only another goroutine could do: goroutine 19 (chan receive at main.go:8).',
    );
    expect(judge('goexit_blocked_plain.txt').mainExited).toBe(true);
  });

  it('main present: mainExited is false', () => {
    expect(judge('stall_mutex.txt').mainExited).toBe(false);
    expect(judge('stall_sleep.txt').mainExited).toBe(false);
    expect(judge('deadlock_chan.txt').mainExited).toBe(false);
  });

  it('no goroutines, no deadlock', () => {
    expect(judgeStall([])).toMatchObject({ deadlocked: false, mainExited: false });
    expect(judgeStall([{ id: 1, state: 'IO wait', frames: [] }]).deadlocked).toBe(false);
    expect(judgeStall([{ id: 1, state: 'syscall', frames: [] }]).deadlocked).toBe(false);
  });
});
