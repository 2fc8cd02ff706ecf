import { describe, expect, test } from 'vitest';
import type { RunResult } from '../../contract/run.ts';
import { golden } from './golden-fixture.ts';
import { buildModel } from './model.ts';
import { edgePhrase, spanSentence, steps, waitForPicture } from './sentences.ts';
import { duration, say } from './words.ts';

describe('the sentence a wait says, in both locales (mutex.json)', () => {
  const { timeline, sources } = golden('mutex');
  const model = buildModel(timeline, sources);
  const [first, second] = model.spans.filter((s) => s.reason === 'mutex');

  test('a wait whose waker took the lock in the trace says who held it, from where to where', () => {
    const p = spanSentence(model, second!);
    expect(p.key).toBe('tl.wait.held');
    expect(say('en', p)).toBe(
      'G4 waited 13 ns on mu.Lock() at main.go:26; G3 held it from main.go:26 to main.go:29.',
    );
    expect(say('zh-cn', p)).toBe(
      'G4 在 main.go:26 的 mu.Lock() 上等待了 13 纳秒；G3 从 main.go:26 到 main.go:29 持有它。',
    );
  });

  test("a wait whose waker took the lock unseen names the waker's call", () => {
    const p = spanSentence(model, first!);
    expect(p.key).toBe('tl.wait.woken');
    expect(say('en', p)).toBe(
      'G3 waited 7 ns on mu.Lock() at main.go:26; G1’s mu.Unlock() at main.go:20 woke it.',
    );
  });

  test('a sleep has no waker among the goroutines; a running span says how long', () => {
    const sleep = model.spans.find((s) => s.reason === 'sleep' && s.g === 1)!;
    expect(say('en', spanSentence(model, sleep))).toBe(
      'G1 waited 7 ns on time.Sleep(20 * time.Millisecond) at main.go:19.',
    );
    const run = model.spans.find((s) => s.state === 'running')!;
    expect(say('zh-cn', spanSentence(model, run))).toMatch(/^G1 运行了 \d+ 纳秒。$/);
  });

  test('a wake edge is labelled by the waker, its call and line', () => {
    expect(say('en', edgePhrase(second!)!)).toBe('G3’s mu.Unlock() at main.go:29 woke G4');
    expect(say('zh-cn', edgePhrase(second!)!)).toBe('G3 在 main.go:29 的 mu.Unlock() 唤醒了 G4');
  });

  test('the replay walks every span start and every wake in time order, wakes before what they cause', () => {
    const seq = steps(model);
    expect(seq).toHaveLength(model.spans.length + model.edges.length);
    expect(seq.map((s) => s.t)).toEqual([...seq.map((s) => s.t)].sort((a, b) => a - b));
    const wake = seq.findIndex((s) => s.kind === 'wake' && s.span === second!.index);
    // G4's next span (runnable, woken) starts at the same moment: the wake comes first.
    const caused = seq.findIndex(
      (s) => s.kind === 'start' && model.spans[s.span]!.g === 4 && s.t === second!.end,
    );
    expect(caused).toBeGreaterThan(wake);
    expect(say('en', seq[wake]!.say)).toBe('22 ns: G3’s mu.Unlock() at main.go:29 woke G4.');
    const waitStep = seq.find((s) => s.span === second!.index && s.kind === 'start')!;
    expect(say('en', waitStep.say)).toBe('9 ns: G4 starts waiting on mu.Lock() at main.go:26.');
  });
});

describe('durations per locale', () => {
  test('about two significant digits in the fitting unit', () => {
    expect(duration('en', 850)).toBe('850 ns');
    expect(duration('en', 2_100_000)).toBe('2.1 ms');
    expect(duration('en', 2_149_000)).toBe('2.1 ms');
    expect(duration('en', 12_400)).toBe('12 µs');
    expect(duration('zh-cn', 2_100_000)).toBe('2.1 毫秒');
    expect(duration('zh-cn', 1_500_000_000)).toBe('1.5 秒');
    expect(duration('en', 0)).toBe('0 ns');
  });
});

describe('a deadlock (deadlock.json: a goroutine locks a mutex it holds; main waits on <-done)', () => {
  const { timeline, sources } = golden('deadlock');
  const model = buildModel(timeline, sources);
  // The final stacks as the runner reports them for this program (the watchdog's SIGQUIT dump).
  const result: Pick<RunResult, 'goroutines'> = {
    goroutines: [
      { id: 1, state: 'chan receive', frames: [{ func: 'main.main', file: 'main.go', line: 18 }] },
      {
        id: 2,
        state: 'sync.Mutex.Lock',
        frames: [
          { func: 'sync.runtime_SemacquireMutex', file: 'runtime/sema.go', line: 95 },
          { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
          { func: 'main.main.func1', file: 'main.go', line: 15 },
        ],
      },
    ],
  };

  test('both goroutines end waiting, open to the end of the trace, at their learner lines', () => {
    const last = model.lanes.map((l) => l.spans.at(-1)!);
    expect(last.map((s) => [s.g, s.state, s.reason, s.open, s.at?.line, s.call])).toEqual([
      [1, 'waiting', 'chan_recv', true, 18, '<-done'],
      [2, 'waiting', 'mutex', true, 15, 'mu.Lock()'],
    ]);
    expect(say('en', spanSentence(model, last[1]!))).toBe(
      'G2 waited on mu.Lock() at main.go:15 from 7 ns until the trace ended.',
    );
  });

  test('the wait-for picture: who waits on what; for the lock, that the trace cannot name its holder', () => {
    const picture = waitForPicture(model, result);
    expect(picture.map((w) => say('en', w.waits))).toEqual([
      'G1 waits on <-done at main.go:18',
      'G2 waits on mu.Lock() at main.go:15',
    ]);
    expect(picture[0]!.holder).toBeNull();
    expect(picture[1]!.holder?.key).toBe('tl.deadlock.held.unknown');
    expect(say('zh-cn', picture[1]!.waits)).toBe('G2 在 main.go:15 的 mu.Lock() 上等待');
  });
});
