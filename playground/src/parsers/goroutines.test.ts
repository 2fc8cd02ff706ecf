import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanState, isSystemGoroutine, parseGoroutineDump, userGoroutines } from './goroutines.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const summary = (text: string): string[] =>
  parseGoroutineDump(text, W).map((g) => `${g.id}${g.system ? '*' : ''} [${g.state}]`);

describe('cleanState', () => {
  it('drops the duration, thread and scan suffixes but keeps the reason', () => {
    expect(cleanState('chan receive, 2 minutes')).toEqual({ state: 'chan receive', minutes: 2 });
    expect(cleanState('sync.Mutex.Lock, 12 minutes, locked to thread')).toEqual({
      state: 'sync.Mutex.Lock',
      minutes: 12,
    });
    expect(cleanState('select (no cases)')).toEqual({ state: 'select (no cases)', minutes: 0 });
    expect(cleanState('chan receive (nil chan), locked to thread')).toEqual({
      state: 'chan receive (nil chan)',
      minutes: 0,
    });
    expect(cleanState('running (scan)')).toEqual({ state: 'running', minutes: 0 });
  });
});

describe('parseGoroutineDump', () => {
  it('reads a SIGQUIT dump of a race build, marking runtime goroutines', () => {
    expect(summary(fixture('stall_abba.txt'))).toEqual([
      '0* [idle]',
      '1 [sync.WaitGroup.Wait]',
      '2* [force gc (idle)]',
      '3* [GC sweep wait]',
      '4* [GC scavenge wait]',
      '5* [GOMAXPROCS updater (idle)]',
      '6 [sync.Mutex.Lock]',
      '7 [sync.Mutex.Lock]',
    ]);
  });

  it('keeps frames top first, without fp/sp/pc, and the go statement separately', () => {
    const g6 = parseGoroutineDump(fixture('stall_abba.txt'), W).find((g) => g.id === 6);
    expect(g6?.frames.slice(-3)).toEqual([
      { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
      { func: 'main.transfer', file: 'main.go', line: 14 },
      { func: 'main.main.gowrap1', file: 'main.go', line: 22 },
    ]);
    expect(g6?.frames[0]).toEqual({ func: 'runtime.gopark', file: 'runtime/proc.go', line: 462 });
    expect(g6?.createdBy).toEqual({ func: 'main.main', file: 'main.go', line: 22 });
  });

  it('reads the short headers of a runtime deadlock traceback (no gp=, no goexit)', () => {
    const gs = parseGoroutineDump(fixture('deadlock_abba.txt'), W);
    expect(
      gs.map((g) => [g.id, g.state, g.frames.at(-1)?.func, g.frames.at(-1)?.line, g.createdBy?.line]),
    ).toEqual([
      [1, 'sync.WaitGroup.Wait', 'main.main', 24, undefined],
      [18, 'sync.Mutex.Lock', 'main.transfer', 14, 22],
      [19, 'sync.Mutex.Lock', 'main.transfer', 14, 23],
    ]);
    expect(gs.every((g) => !g.system)).toBe(true);
  });

  it('keeps frames without an offset and goroutines after the first', () => {
    const gs = parseGoroutineDump(fixture('concmap_writes_plain.txt'), W);
    expect(gs.map((g) => `${g.id}:${g.state}`)).toEqual([
      '21:running',
      '1:chan receive',
      '18:runnable',
      '19:runnable',
      '20:runnable',
    ]);
    expect(gs[3]?.frames).toEqual([{ func: 'main.main.func1', file: 'main.go', line: 7 }]);
  });

  it('finds the dump inside test output and marks the finalizer goroutine as system', () => {
    expect(summary(fixture('stall_chansend.txt')).filter((s) => !s.includes('*'))).toEqual([
      '1 [select (no cases)]',
      '20 [chan send]',
    ]);
    expect(
      isSystemGoroutine({
        id: 19,
        frames: [{ func: 'runtime.runFinalizers', file: 'runtime/mfinal.go', line: 210 }],
      }),
    ).toBe(true);
    expect(
      isSystemGoroutine({ id: 1, frames: [{ func: 'runtime.main', file: 'runtime/proc.go', line: 290 }] }),
    ).toBe(false);
  });

  it('returns wire goroutines without runtime ones or extra fields', () => {
    const wire = userGoroutines(parseGoroutineDump(fixture('stall_mutex.txt'), W));
    expect(wire).toHaveLength(1);
    expect(Object.keys(wire[0] ?? {})).toEqual(['id', 'state', 'frames']);
    expect(wire[0]?.frames.find((f) => f.file === 'main.go')).toEqual({
      func: 'main.main',
      file: 'main.go',
      line: 9,
    });
  });

  it("treats a traced run's wrapper goroutine and the signal relay as not the learner's", () => {
    const frame = (func: string) => ({ func, file: 'x.go', line: 1 });
    const wrapper = {
      id: 7,
      frames: [
        frame('runtime.gopark'),
        frame('main.lockstepTraceOnQuit'),
        frame('main.lockstepTraceStart.gowrap1'),
      ],
    };
    const relay = {
      id: 8,
      frames: [frame('runtime.gopark'), frame('os/signal.signal_recv'), frame('os/signal.loop')],
    };
    // A traced test's stall watcher lives in the learner's test package.
    const watcher = {
      id: 9,
      frames: [frame('time.Sleep'), frame('example.com/counter_test.lockstepTraceWatch')],
    };
    expect(isSystemGoroutine(wrapper)).toBe(true);
    expect(isSystemGoroutine(relay)).toBe(true);
    expect(isSystemGoroutine(watcher)).toBe(true);
    expect(isSystemGoroutine({ id: 10, frames: [frame('main.mylockstepTrace')] })).toBe(false);
    expect(isSystemGoroutine({ id: 9, frames: [frame('sync.(*Mutex).Lock'), frame('main.worker')] })).toBe(
      false,
    );
  });

  it('ignores text that is not a dump', () => {
    expect(parseGoroutineDump('goroutine leak?\nGoroutine 8 (running) created at:\n', W)).toEqual([]);
  });
});
