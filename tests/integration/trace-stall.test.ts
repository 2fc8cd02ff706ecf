/**
 * A traced deadlock ends early, against the real sandbox: the stall watcher inside the traced
 * program (trace/watcher-go.ts) stops tracing once every goroutine of the learner waits on another,
 * and the /proc watchdog then stalls it as it does an untraced one (run.stalled, not the wall
 * clock). Programs that a timer may still release run on: to the end with a whole timeline when a
 * goroutine waits on a timer's channel, or on past the stopped trace (cut: stopped_all_waiting)
 * when every goroutine waited on a lock that a time.AfterFunc releases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../../contract/timeline.ts';
import { classify } from '../../playground/src/parsers/status.ts';
import {
  createSandbox,
  type Job,
  type RawOutcome,
  type Sandbox,
} from '../../playground/src/sandbox/index.ts';
import { DATA_DIR, program, summary, TEST_LIMITS } from './sandbox-support.ts';
import { goOnPathHasFlightRecorder } from '../older-go.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  // Wall clocks of 10 s: a lock that a timer releases after 4 s must outlast the watcher's decision
  // (~0.2 s, seconds on a loaded machine) and still end well inside them.
  sandbox = createSandbox({
    dataDir: DATA_DIR,
    limits: { ...TEST_LIMITS, runWallMs: 10_000, testWallMs: 10_000 },
  });
  const probe = await sandbox.probe();
  if (!probe.available) throw new Error(`sandbox unavailable: ${probe.reason}`);
  await sandbox.warm();
}, 300_000);
afterAll(async () => sandbox?.close());

const withImports = (imports: string[], body: string): string =>
  `package main\n\nimport (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\n${body}`;

function timelineOf(o: RawOutcome): Timeline {
  const trace = classify(o).trace;
  if (!trace || !('timeline' in trace)) throw new Error(`no timeline: ${JSON.stringify(trace)}`);
  return trace.timeline;
}

/** The 1-based line of the first line of source that contains text. */
function lineOf(source: string, text: string): number {
  const index = source.split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`no line has ${text}`);
  return index + 1;
}

const waitsAt = (timeline: Timeline, reason: string, file: string, line: number): boolean =>
  timeline.spans.some(
    (s) => s.reason === reason && s.stack?.some((f) => f.file === file && f.line === line) === true,
  );

/** A traced run stopped by the watchdog (not the wall clock), answered deadlock with its timeline. */
function expectStalledDeadlock(o: RawOutcome): Timeline {
  console.log(`traced ${o.action}: stalled=${o.run?.stalled} after ${o.run?.durationMs} ms`);
  expect(o.run?.stalled, summary(o)).toBe(true);
  expect(o.run?.timedOut).toBe(false);
  expect(classify(o).status).toBe('deadlock');
  const timeline = timelineOf(o);
  // Nothing moved after tracing stopped: the timeline is whole.
  expect(timeline.truncated).toBeNull();
  return timeline;
}

describe('a traced deadlock is stalled by the watchdog, with its timeline', () => {
  it('double Lock in main', async () => {
    const source = withImports(
      ['fmt', 'sync'],
      'func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tfmt.Println("locked once")\n\tmu.Lock() // again\n}\n',
    );
    const o = await sandbox.execute(program(source, { trace: true }));
    const timeline = expectStalledDeadlock(o);
    expect(o.run?.stdout).toBe('locked once\n');
    expect(waitsAt(timeline, 'mutex', 'main.go', lineOf(source, '// again'))).toBe(true);
    // The dump lists the learner's goroutine as untraced, the watcher's is gone.
    const result = classify(o);
    expect(result.goroutines.map((g) => g.state)).toEqual(['sync.Mutex.Lock']);
    expect(o.run?.stderr).not.toContain('lockstepTraceWatch');
  }, 120_000);

  it('a WaitGroup that is never Done', async () => {
    const source = withImports(
      ['sync'],
      'func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { wg.Done() }()\n\twg.Wait()\n}\n',
    );
    const timeline = expectStalledDeadlock(await sandbox.execute(program(source, { trace: true })));
    expect(waitsAt(timeline, 'waitgroup', 'main.go', lineOf(source, 'wg.Wait()'))).toBe(true);
  }, 120_000);

  it('a recursive RLock behind a waiting writer', async () => {
    const source = withImports(
      ['sync', 'time'],
      'var mu sync.RWMutex\n\nfunc main() {\n\tmu.RLock()\n\tgo func() { mu.Lock() }()\n\ttime.Sleep(100 * time.Millisecond)\n\tmu.RLock() // again\n}\n',
    );
    const timeline = expectStalledDeadlock(await sandbox.execute(program(source, { trace: true })));
    expect(waitsAt(timeline, 'rwmutex_read', 'main.go', lineOf(source, '// again'))).toBe(true);
    expect(waitsAt(timeline, 'rwmutex_write', 'main.go', lineOf(source, 'go func() { mu.Lock() }()'))).toBe(
      true,
    );
  }, 120_000);

  // Go 1.24 has no flight recorder: such a program runs untraced (older-go-trace.test.ts).
  it.skipIf(!goOnPathHasFlightRecorder())(
    'in flight mode (the program traced itself, then stopped): the recorder is saved and stopped',
    async () => {
      const source = withImports(
        ['bytes', 'fmt', 'runtime/trace', 'sync'],
        'func main() {\n\tvar own bytes.Buffer\n\tif err := trace.Start(&own); err != nil {\n\t\tpanic(err)\n\t}\n\ttrace.Stop()\n\tfmt.Println("own trace", own.Len() > 0)\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tmu.Lock() // again\n}\n',
      );
      const o = await sandbox.execute(program(source, { trace: true }));
      const timeline = expectStalledDeadlock(o);
      expect(o.run?.stdout).toBe('own trace true\n');
      expect(waitsAt(timeline, 'mutex', 'main.go', lineOf(source, '// again'))).toBe(true);
    },
    120_000,
  );

  it('a test stuck on a mutex ends deadlock, not timeout', async () => {
    const job: Job = {
      action: 'test',
      race: true,
      trace: true,
      files: {
        'counter.go':
          'package counter\n\nimport "sync"\n\ntype Counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n',
        'counter_test.go':
          'package counter\n\nimport "testing"\n\nfunc TestStuck(t *testing.T) {\n\tvar c Counter\n\tc.mu.Lock()\n\tc.mu.Lock() // again\n\tc.n++\n}\n',
      },
    };
    const o = await sandbox.execute(job);
    const timeline = expectStalledDeadlock(o);
    expect(classify(o).tests.map((t) => t.name)).toEqual(['TestStuck']);
    const test = job.files['counter_test.go'] ?? '';
    expect(waitsAt(timeline, 'mutex', 'counter_test.go', lineOf(test, '// again'))).toBe(true);
  }, 120_000);
});

describe('a traced program that a timer releases runs on', () => {
  it('<-time.After beside a goroutine waiting on the lock: ok, with the whole timeline', async () => {
    const source = withImports(
      ['fmt', 'sync', 'time'],
      'func main() {\n\tvar mu sync.Mutex\n\tdone := make(chan bool)\n\tmu.Lock()\n\tgo func() {\n\t\tmu.Lock() // waits\n\t\tfmt.Println("got it")\n\t\tdone <- true\n\t}()\n\t<-time.After(1500 * time.Millisecond)\n\tmu.Unlock()\n\t<-done\n}\n',
    );
    const o = await sandbox.execute(program(source, { trace: true }));
    expect(o.run?.stalled, summary(o)).toBe(false);
    expect(classify(o).status).toBe('ok');
    expect(o.run?.stdout).toBe('got it\n');
    const timeline = timelineOf(o);
    expect(timeline.truncated).toBeNull();
    // Both ends of the wait are in it: the goroutine's mutex wait, woken by main's Unlock.
    const waiting = lineOf(source, '// waits');
    const wait = timeline.spans.find((s) => s.reason === 'mutex' && s.stack?.some((f) => f.line === waiting));
    const unlock = lineOf(source, 'mu.Unlock()');
    expect(wait?.wokenBy?.stack?.some((f) => f.file === 'main.go' && f.line === unlock)).toBe(true);
  }, 120_000);

  it('every goroutine on a lock that time.AfterFunc releases: ok, the timeline cut where tracing stopped', async () => {
    const source = withImports(
      ['fmt', 'sync', 'time'],
      'func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\ttime.AfterFunc(4*time.Second, mu.Unlock)\n\tmu.Lock()\n\tfmt.Println("released by the timer")\n}\n',
    );
    const o = await sandbox.execute(program(source, { trace: true }));
    expect(o.run?.stalled, summary(o)).toBe(false);
    expect(classify(o).status).toBe('ok');
    expect(o.run?.stdout).toBe('released by the timer\n');
    expect(timelineOf(o).truncated?.cause).toBe('stopped_all_waiting');
  }, 120_000);

  it('the same in a test: passes, and testing stops the trace again at exit without harm', async () => {
    const job: Job = {
      action: 'test',
      race: true,
      trace: true,
      files: {
        'wait_test.go':
          'package wait_test\n\nimport (\n\t"sync"\n\t"testing"\n\t"time"\n)\n\nfunc TestReleased(t *testing.T) {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\ttime.AfterFunc(4*time.Second, mu.Unlock)\n\tmu.Lock()\n}\n',
      },
    };
    const o = await sandbox.execute(job);
    expect(o.run?.stalled, summary(o)).toBe(false);
    const result = classify(o);
    expect(result.status).toBe('ok');
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([['TestReleased', 'pass']]);
    expect(timelineOf(o).truncated?.cause).toBe('stopped_all_waiting');
  }, 120_000);
});
