import { describe, expect, test } from 'vitest';
import {
  emptyProgress,
  loadProgress,
  markChapterRead,
  parseProgress,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  recordAttempt,
  recordHint,
  recordQuiz,
  recordSolutionShown,
  saveCode,
  storeProgress,
  visit,
  type ProgressStore,
} from './progress.ts';

const T = new Date('2026-11-22T10:00:00Z');

function memoryStore(): ProgressStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('progress', () => {
  test('attempts count up, the best score and a pass are kept', () => {
    let p = emptyProgress();
    p = recordAttempt(p, 'counter', { score: 4, maxScore: 10, passed: false, code: { 'a.go': 'v1' } }, T);
    p = recordAttempt(p, 'counter', { score: 10, maxScore: 10, passed: true, code: { 'a.go': 'v2' } }, T);
    p = recordAttempt(p, 'counter', { score: 3, maxScore: 10, passed: false, code: { 'a.go': 'v3' } }, T);
    expect(p.exercises.counter).toMatchObject({
      attempts: 3,
      passed: true,
      bestScore: 10,
      maxScore: 10,
      lastCode: { 'a.go': 'v3' },
    });
  });

  test('hints only go up; code and solution flags are remembered', () => {
    let p = recordHint(emptyProgress(), 'x', 2, T);
    p = recordHint(p, 'x', 1, T);
    p = saveCode(p, 'x', { 'm.go': 'draft' }, T);
    p = recordSolutionShown(p, 'x', T);
    expect(p.exercises.x).toMatchObject({
      hintsUsed: 2,
      attempts: 0,
      lastCode: { 'm.go': 'draft' },
      solutionShown: true,
    });
  });

  test('a correct quiz answer sticks; chapters and the last visit are recorded', () => {
    let p = recordQuiz(emptyProgress(), 'q1', true, T);
    p = recordQuiz(p, 'q1', false, T);
    p = markChapterRead(p, '/locks/production-lockup/', T);
    p = visit(p, '/maps/sync-map/', 'sync.Map', T);
    expect(p.quizzes.q1?.correct).toBe(true);
    expect(p.chapters['/locks/production-lockup/']?.readAt).toBe(T.toISOString());
    expect(p.last).toEqual({ path: '/maps/sync-map/', title: 'sync.Map', at: T.toISOString() });
  });

  test('export → import round-trips; bad files are refused with a reason', () => {
    const p = recordAttempt(
      emptyProgress(),
      'c',
      { score: 1, maxScore: 2, passed: false, code: { 'a.go': 'x' } },
      T,
    );
    const back = parseProgress(JSON.parse(JSON.stringify(p)));
    expect(back).toEqual({ ok: true, progress: p });
    expect(parseProgress([])).toMatchObject({ ok: false });
    expect(parseProgress({ ...p, version: 9 })).toEqual({
      ok: false,
      problem: { code: 'version', found: '9', expected: PROGRESS_VERSION },
    });
    const broken = JSON.parse(JSON.stringify(p));
    broken.exercises.c.attempts = -1;
    expect(parseProgress(broken)).toEqual({
      ok: false,
      problem: { code: 'field', field: 'exercises.c.attempts', rule: 'whole_number' },
    });
  });

  test('import: a level’s moves, star and counted answer are kept, and checked', () => {
    const at = T.toISOString();
    const p = {
      ...emptyProgress(),
      visual: { a: { won: true, at, moves: 8, star: true }, b: { won: false, at, tried: true } },
    };
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, progress: p });
    expect(parseProgress({ ...p, visual: { a: { won: true, at, moves: 1.5 } } })).toEqual({
      ok: false,
      problem: { code: 'field', field: 'visual.a.moves', rule: 'whole_number' },
    });
    expect(parseProgress({ ...p, visual: { a: { won: true, at, star: 'yes' } } })).toEqual({
      ok: false,
      problem: { code: 'field', field: 'visual.a.star', rule: 'boolean' },
    });
    const hinted = { ...p, visual: { c: { won: true, at, moves: 22, star: false, hints: 2, spin: '2i' } } };
    expect(parseProgress(JSON.parse(JSON.stringify(hinted)))).toEqual({ ok: true, progress: hinted });
    expect(parseProgress({ ...p, visual: { a: { won: true, at, hints: -1 } } })).toEqual({
      ok: false,
      problem: { code: 'field', field: 'visual.a.hints', rule: 'whole_number' },
    });
  });

  test('storage: load what was stored; a visualizer-only document is upgraded; garbage gives an empty document', () => {
    const store = memoryStore();
    const p = visit(emptyProgress(), '/x/', 'X', T);
    storeProgress(p, store);
    expect(loadProgress(store)).toEqual(p);
    store.data.set(PROGRESS_KEY, JSON.stringify({ visual: { lvl: { won: true, at: T.toISOString() } } }));
    expect(loadProgress(store).visual.lvl?.won).toBe(true);
    store.data.set(PROGRESS_KEY, '{nope');
    expect(loadProgress(store)).toEqual(emptyProgress());
  });
});
