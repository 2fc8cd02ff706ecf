import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testWatcher, testWatcherSource } from './test-watcher.ts';
import { WATCHER_FUNCS } from './watcher-go.ts';
import { wrapperSource } from './wrapper.ts';

describe('testWatcher', () => {
  it('adds one _test.go file of the tests package through the overlay', () => {
    const files = { 'counter.go': 'package counter\n', 'counter_test.go': 'package counter_test\n' };
    const w = testWatcher(files, 'counter_test', '/sandbox/src/', '/sandbox/out/w.go');
    expect(w.fileName).toBe('lockstep_trace_watch_test.go');
    expect(w.overlay).toEqual({
      Replace: { '/sandbox/src/lockstep_trace_watch_test.go': '/sandbox/out/w.go' },
    });
    expect(w.source).toMatch(/^package counter_test$/m);
    expect(w.source).toContain('func init() { go lockstepTraceWatchTraced() }');
  });

  it('picks another name when a learner file has taken it, and refuses a name that is no package', () => {
    const taken = { 'lockstep_trace_watch_test.go': 'package p\n' };
    expect(testWatcher(taken, 'p', '/s', '/g').fileName).toBe('lockstep_trace_watch_1_test.go');
    expect(() => testWatcher({}, 'p; import "os"', '/s', '/g')).toThrow(RangeError);
  });

  it('fills every placeholder, in the test file and in the run wrapper', () => {
    for (const source of [
      testWatcherSource('p'),
      wrapperSource('stream', 1024, 60),
      wrapperSource('flight', 1024, 60),
    ]) {
      expect(source).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(source).toContain('trace.Log(context.Background(), "lockstep", "stopped_all_waiting")');
      expect(source).toContain('lockstepTraceSave()\n\t\t\treturn');
    }
    // The flight recorder is stopped once saved, so its goroutines no longer wake the program.
    expect(wrapperSource('flight', 1024, 60)).toContain('lockstepTraceRecorder.Stop()');
  });
});

describe('the stuck states', () => {
  it("are wait reasons of this Go's runtime, spelled as its dumps print them", () => {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    const runtime2 = readFileSync(join(goroot, 'src/runtime/runtime2.go'), 'utf8');
    const table = runtime2.slice(runtime2.indexOf('var waitReasonStrings'));
    const reasons = new Set(
      [...table.slice(0, table.indexOf('\n}')).matchAll(/:\s*"([^"]*)",/g)].map((m) => m[1]),
    );
    const map = WATCHER_FUNCS.slice(WATCHER_FUNCS.indexOf('lockstepTraceStuckStates = map'));
    const states = [...map.slice(0, map.indexOf('\n}')).matchAll(/^\t"([^"]+)":\s+true,$/gm)].map(
      (m) => m[1],
    );
    expect(states).toHaveLength(9);
    for (const state of states) expect(reasons, state).toContain(state);
    // Waits a timer may end are never among them.
    for (const timed of ['chan receive', 'chan send', 'select', 'sleep', 'IO wait'])
      expect(states).not.toContain(timed);
  });
});
