import { describe, expect, test } from 'vitest';
import { golden } from './golden-fixture.ts';
import type { Timeline } from '../../contract/timeline.ts';
import {
  buildModel,
  codeAt,
  heldFrom,
  learnerFrame,
  moveFocus,
  tableRows,
  withoutLineComment,
  type Sources,
} from './model.ts';

describe('the model of mutex.json (three workers queue on one mutex main holds)', () => {
  const { timeline, sources } = golden('mutex');
  const model = buildModel(timeline, sources);

  test('one lane per goroutine, labelled by its start function and its go statement', () => {
    expect(model.lanes.map((l) => [l.g, l.func, l.created])).toEqual([
      [1, 'main.main', null],
      [2, 'main.worker', { file: 'main.go', line: 17 }],
      [3, 'main.worker', { file: 'main.go', line: 17 }],
      [4, 'main.worker', { file: 'main.go', line: 17 }],
    ]);
    for (const lane of model.lanes) {
      for (const [a, b] of lane.spans.slice(1).map((s, i) => [lane.spans[i]!, s] as const))
        expect(a.end).toBeLessThanOrEqual(b.start);
    }
  });

  test("each mutex wait is at the worker's mu.Lock() line, and its waker at its mu.Unlock() line", () => {
    const waits = model.spans.filter((s) => s.reason === 'mutex');
    expect(waits).toHaveLength(3);
    for (const w of waits) {
      expect(w.at).toEqual({ file: 'main.go', line: 26 });
      expect(w.call).toBe('mu.Lock()');
      expect(w.wake?.drawn).toBe(true);
      expect(w.wake?.call).toBe('mu.Unlock()');
    }
    // main unlocks at line 20 and wakes the first; each worker unlocks at 29 and wakes the next.
    expect(waits.map((w) => [w.g, w.wake?.g, w.wake?.at?.line])).toEqual([
      [3, 1, 20],
      [4, 3, 29],
      [2, 4, 29],
    ]);
  });

  test('the holder of a lock is traced back to where the waker took it, when the trace shows it', () => {
    const [first, second] = model.spans.filter((s) => s.reason === 'mutex');
    // main took the lock uncontended (line 14): no event, so no "held from".
    expect(heldFrom(model, first!)).toBeNull();
    // G3 took it when its own wait at line 26 ended.
    expect(heldFrom(model, second!)).toEqual({ file: 'main.go', line: 26 });
  });

  test('a wake edge runs from the waker to the waiter at the end of the wait', () => {
    expect(model.edges.map((e) => [e.waker, e.waiter, e.t])).toEqual([
      [1, 3, 14],
      [3, 4, 22],
      [4, 2, 30],
      [2, 1, 38],
    ]);
  });

  test('the table lists every span in time order with its duration', () => {
    const rows = tableRows(model);
    expect(rows).toHaveLength(timeline.spans.length);
    expect(rows.map((r) => r.start)).toEqual([...rows.map((r) => r.start)].sort((a, b) => a - b));
    expect(rows.every((r) => r.duration === r.end - r.start)).toBe(true);
    expect(rows.find((r) => r.g === 4 && r.reason === 'mutex')?.wokenBy).toBe(3);
  });

  test('keyboard moves: left/right within a lane, up/down to an overlapping span of the next lane', () => {
    const g3 = model.lanes[2]!.spans;
    expect(moveFocus(model, g3[1]!.index, 'right')).toBe(g3[2]!.index);
    expect(moveFocus(model, g3[0]!.index, 'left')).toBe(g3[0]!.index);
    expect(moveFocus(model, g3.at(-1)!.index, 'right')).toBe(g3.at(-1)!.index);
    const down = model.spans[moveFocus(model, g3[1]!.index, 'down')]!;
    expect(down.g).toBe(4);
    expect(down.start <= g3[1]!.start && down.end > g3[1]!.start).toBe(true);
    expect(model.spans[moveFocus(model, model.lanes[0]!.spans[0]!.index, 'up')]!.g).toBe(1);
    expect(moveFocus(model, g3[1]!.index, 'end')).toBe(g3.at(-1)!.index);
  });
});

describe('the holder of a lock taken in another function than the one whose Unlock woke the waiter', () => {
  // Two handlers on one mutex, as in the exercise timeline-find-the-holder: G2 waited in Record's
  // Lock (line 3), later took the lock uncontended in Trim (line 7) and woke G3 from Trim's Unlock.
  const sources: Sources = {
    files: {
      'stats.go': [
        'package stats',
        'func (s *Stats) Record() {',
        '\ts.mu.Lock()',
        '\ts.mu.Unlock()',
        '}',
        'func (s *Stats) Trim() {',
        '\ts.mu.Lock()',
        '\ts.mu.Unlock()',
        '}',
      ].join('\n'),
    },
  };
  const at = (func: string, line: number) => [
    { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 1 },
    { func, file: 'stats.go', line },
  ];
  const woke = (g: number, func: string, line: number) => ({
    g,
    stack: [
      { func: 'sync.(*Mutex).Unlock', file: 'sync/mutex.go', line: 1 },
      { func, file: 'stats.go', line },
    ],
  });
  const record = 'stats.(*Stats).Record';
  const trim = 'stats.(*Stats).Trim';
  const timeline: Timeline = {
    version: 1,
    endNs: 100,
    goroutines: [
      { id: 2, startFunc: 'stats.busyDay.func1', created: null },
      { id: 3, startFunc: 'stats.busyDay.func1', created: null },
    ],
    spans: [
      {
        g: 2,
        state: 'waiting',
        start: 0,
        end: 10,
        reason: 'mutex',
        stack: at(record, 3),
        wokenBy: woke(3, record, 4),
      },
      { g: 2, state: 'running', start: 10, end: 100 },
      { g: 3, state: 'running', start: 0, end: 20 },
      {
        g: 3,
        state: 'waiting',
        start: 20,
        end: 60,
        reason: 'mutex',
        stack: at(record, 3),
        wokenBy: woke(2, trim, 8),
      },
      { g: 3, state: 'running', start: 60, end: 100 },
    ],
    regions: [],
    tasks: [],
    logs: [],
    gc: [],
    hiddenGoroutines: 0,
    truncated: null,
  };
  const model = buildModel(timeline, sources);
  const long = model.spans.find((s) => s.g === 3 && s.reason === 'mutex')!;

  test('each wait and wake knows the function of its line', () => {
    expect([long.func, long.wake?.func, long.wake?.call]).toEqual([record, trim, 's.mu.Unlock()']);
  });

  test("the waker's wait in Record is not where it took the lock it released in Trim", () => {
    expect(heldFrom(model, long)).toBeNull();
  });
});

describe('learner frames', () => {
  const sources: Sources = { files: { 'main.go': 'package main\n\tmu.Lock()\n' } };
  test('the first frame in a learner file, not the sync package', () => {
    const stack = [
      { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
      { func: 'main.worker', file: 'main.go', line: 2 },
    ];
    expect(learnerFrame(stack, sources)).toEqual({ file: 'main.go', line: 2 });
    expect(codeAt({ file: 'main.go', line: 2 }, sources)).toBe('mu.Lock()');
    expect(learnerFrame(stack.slice(0, 1), sources)).toBeNull();
    expect(codeAt({ file: 'other.go', line: 2 }, sources)).toBeNull();
  });

  test('a go test: the learner files are the _test.go files, testing.go is not', () => {
    const { timeline, sources: files } = golden('gotest');
    const model = buildModel(timeline, files);
    const waits = model.spans.filter((s) => s.reason === 'mutex');
    expect(waits.map((w) => w.at)).toEqual([
      { file: 'workers_test.go', line: 18 },
      { file: 'workers_test.go', line: 18 },
    ]);
    // testing.(*T).Run waits in testing.go: no learner line, so none is claimed.
    expect(model.spans.find((s) => s.reason === 'chan_recv')?.at).toBeNull();
  });

  test('every golden timeline builds: every span on a lane, every edge between drawn lanes', () => {
    for (const name of [
      'annotations',
      'channels',
      'cond',
      'deadlock',
      'gotest',
      'rwmutex',
      'sleep',
      'waitgroup',
    ]) {
      const { timeline, sources: files } = golden(name);
      const model = buildModel(timeline, files);
      expect(model.lanes.flatMap((l) => l.spans)).toHaveLength(timeline.spans.length);
      const gs = new Set(model.lanes.map((l) => l.g));
      for (const e of model.edges) expect(gs.has(e.waker) && gs.has(e.waiter), name).toBe(true);
    }
  });
});

describe('the code a sentence quotes', () => {
  test('a trailing // comment is left out; // inside a literal is code', () => {
    expect(withoutLineComment('\tmu.Lock() // the waiter: queues behind the barger')).toBe('\tmu.Lock() ');
    expect(withoutLineComment('fmt.Println("http://x") // say where')).toBe('fmt.Println("http://x") ');
    // Go: s := `a // b` + "\\" // note — the escaped backslash ends the string before the comment.
    expect(withoutLineComment('s := `a // b` + "\\\\" // note')).toBe('s := `a // b` + "\\\\" ');
    // Go: t := "\" // " — an escaped quote, so the // is inside the string.
    expect(withoutLineComment('t := "\\" // "')).toBe('t := "\\" // "');
    expect(withoutLineComment("r := '/' // slash")).toBe("r := '/' ");
    expect(withoutLineComment('mu.Unlock()')).toBe('mu.Unlock()');
    const sources = { files: { 'main.go': 'package main\n\tmu.Lock() // wait here\n// only a note\n' } };
    expect(codeAt({ file: 'main.go', line: 2 }, sources)).toBe('mu.Lock()');
    expect(codeAt({ file: 'main.go', line: 3 }, sources)).toBeNull();
  });
});
