import { describe, expect, test } from 'vitest';
import { annotate, type AnnotationWords } from './annotations.ts';
import type { RunResult } from '../../contract/run.ts';

const words: AnnotationWords = {
  raceHover: (op, g, otherOp, og) => `${op} by goroutine ${g} — ${otherOp} by goroutine ${og}`,
  op: (op) => op,
  blocked: (id, state) => `goroutine ${id}: ${state}`,
  goexit: () => 'main called runtime.Goexit here',
  refused: (code) => `refused: ${code}`,
};

function result(partial: Partial<RunResult>): RunResult {
  return {
    status: 'ok',
    exitCode: 0,
    stdout: '',
    stderr: '',
    truncated: false,
    races: [],
    tests: [],
    diagnostics: [],
    goroutines: [],
    timings: { queueMs: 0, buildMs: 0, runMs: 0, totalMs: 0 },
    ...partial,
  };
}

const files = new Set(['main.go']);

describe('annotations', () => {
  test('a race marks both accesses on the learner’s lines, skipping std frames', () => {
    const r = result({
      status: 'race',
      races: [
        {
          accesses: [
            { op: 'write', goroutine: 7, stack: [{ func: 'main.main.func1', file: 'main.go', line: 15 }] },
            {
              op: 'read',
              goroutine: 6,
              stack: [
                { func: 'runtime.mapaccess1', file: 'internal/runtime/maps/map.go', line: 1 },
                { func: 'main.read', file: 'main.go', line: 21 },
              ],
            },
          ],
          goroutines: [],
        },
      ],
    });
    expect(annotate(r, files, words)).toEqual([
      {
        kind: 'race-current',
        file: 'main.go',
        line: 15,
        message: 'write by goroutine 7 — read by goroutine 6',
        severity: 'error',
        group: 0,
      },
      {
        kind: 'race-previous',
        file: 'main.go',
        line: 21,
        message: 'read by goroutine 6 — write by goroutine 7',
        severity: 'error',
        group: 0,
      },
    ]);
  });

  test('diagnostics keep their column; vet findings are warnings', () => {
    const r = result({
      status: 'compile_error',
      diagnostics: [
        { file: 'main.go', line: 4, column: 2, message: 'declared and not used: x', source: 'compiler' },
        { file: 'other.go', line: 1, column: 1, message: 'not ours', source: 'compiler' },
        { file: 'main.go', line: 9, column: 7, message: 'passes lock by value', source: 'vet' },
      ],
    });
    const a = annotate(r, files, words);
    expect(a).toHaveLength(2);
    expect(a[0]).toMatchObject({ line: 4, column: 2, severity: 'error' });
    expect(a[1]).toMatchObject({ line: 9, severity: 'warning', message: 'vet: passes lock by value' });
  });

  test('a deadlock marks every blocked goroutine’s line', () => {
    const r = result({
      status: 'deadlock',
      goroutines: [
        {
          id: 1,
          state: 'sync.Mutex.Lock',
          frames: [
            { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 1 },
            { func: 'main.main', file: 'main.go', line: 8 },
          ],
        },
        { id: 6, state: 'sync.Mutex.Lock', frames: [{ func: 'main.worker', file: 'main.go', line: 14 }] },
      ],
    });
    expect(annotate(r, files, words).map((a) => [a.kind, a.line, a.message])).toEqual([
      ['blocked', 8, 'goroutine 1: sync.Mutex.Lock'],
      ['blocked', 14, 'goroutine 6: sync.Mutex.Lock'],
    ]);
  });

  test('a deadlock after main called runtime.Goexit marks the Goexit line, then any blocked goroutine', () => {
    const r = result({
      status: 'deadlock',
      cause: {
        code: 'main_goexit',
        at: [
          { func: 'main.main', file: 'main.go', line: 10 },
          { func: 'main.stop', file: 'other/pkg.go', line: 3 },
        ],
      },
      goroutines: [
        { id: 6, state: 'chan receive', frames: [{ func: 'main.main.func1', file: 'main.go', line: 8 }] },
      ],
    });
    expect(annotate(r, files, words).map((a) => [a.kind, a.line, a.message, a.severity])).toEqual([
      ['blocked', 10, 'main called runtime.Goexit here', 'error'],
      ['blocked', 8, 'goroutine 6: chan receive', 'error'],
    ]);
    // The cause is only drawn with the verdict it explains.
    expect(annotate({ ...r, status: 'timeout', goroutines: [] }, files, words)).toEqual([]);
  });

  test('a runner refusal is marked like a compile error, in the browser’s words', () => {
    const r = result({
      status: 'compile_error',
      diagnostics: [
        { file: 'main.go', line: 6, column: 8, message: 'no cgo', source: 'compiler', code: 'cgo_refused' },
        { file: 'other.go', line: 3, column: 8, message: 'no cgo', source: 'compiler', code: 'cgo_refused' },
      ],
    });
    expect(annotate(r, files, words)).toEqual([
      {
        kind: 'diagnostic',
        file: 'main.go',
        line: 6,
        column: 8,
        message: 'refused: cgo_refused',
        severity: 'error',
      },
    ]);
  });

  test('an ok run has no annotations', () => {
    expect(annotate(result({}), files, words)).toEqual([]);
  });
});

describe('frames shown in the report', async () => {
  const { usefulFrames } = await import('./report-view.ts');
  test('keeps the first non-runtime frame and the learner’s frames, drops testing plumbing', () => {
    const frames = [
      { func: 'runtime.gopark', file: 'runtime/proc.go', line: 1 },
      { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
      { func: 'main.balance', file: 'main.go', line: 14 },
      { func: 'main.main', file: 'main.go', line: 22 },
      { func: 'testing.tRunner', file: 'testing/testing.go', line: 1 },
    ];
    expect(usefulFrames(frames, new Set(['main.go'])).map((f) => f.func)).toEqual([
      'sync.(*Mutex).Lock',
      'main.balance',
      'main.main',
    ]);
  });
  test('a stack wholly in the learner’s code is kept as is', () => {
    const frames = [
      { func: 'counter.(*Counter).Inc', file: 'counter.go', line: 9 },
      { func: 'counter.TestInc.func1', file: 'counter_test.go', line: 20 },
    ];
    expect(usefulFrames(frames, new Set(['counter.go', 'counter_test.go']))).toEqual(frames);
  });
});
