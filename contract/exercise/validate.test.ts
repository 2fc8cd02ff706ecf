import { describe, expect, it } from 'vitest';
import { rawExercise } from './fixture.ts';
import { ExerciseFormatError, parseExercise, type RawExercise } from './validate.ts';
import type { ExerciseMeta } from './schema.ts';

/** The fixture with its metadata typed, so a test can break one field. */
type Raw = RawExercise & { meta: ExerciseMeta };

/** Returns the error message parseExercise throws after `change` breaks the fixture. */
function problem(change: (raw: Raw) => void): string {
  const raw = rawExercise() as Raw;
  change(raw);
  try {
    parseExercise(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ExerciseFormatError);
    return (error as Error).message;
  }
  throw new Error('expected parseExercise to throw');
}

describe('parseExercise', () => {
  it('accepts the fixture, derives hidden tests, editable files and default repeats', () => {
    const ex = parseExercise(rawExercise());
    expect(ex.grading.tests).toEqual([
      { name: 'TestVisible', weight: 1, hidden: false },
      { name: 'TestHidden', weight: 2, hidden: true },
    ]);
    expect(ex.editable).toEqual(['c.go']);
    expect(ex.check.repeats).toBe(5);
    expect(ex.statement['zh-cn']).toBe('让它安全。');
    expect(ex.go).toBeUndefined();
  });

  it('keeps a declared minimum Go at or above the go.mod line', () => {
    const raw = rawExercise() as Raw;
    raw.meta.go = '1.26';
    raw.starter['go.mod'] = 'module c\n\ngo 1.25\n';
    expect(parseExercise(raw).go).toBe('1.26');
  });

  it.each<[string, (raw: Raw) => void, string]>([
    ['a bad folder name', (r) => (r.id = 'Tiny_Counter'), 'content/exercises/tiny-counter/: the folder name'],
    ['a missing locale', (r) => Reflect.deleteProperty(r.meta.title, 'zh-cn'), 'exercise.json /title'],
    ['a zero weight', (r) => (r.meta.grading.tests[0]!.weight = 0), 'exercise.json /grading/tests/0/weight'],
    ['an unknown field', (r) => Object.assign(r.meta.grading, { flags: ['-v'] }), 'exercise.json /grading'],
    [
      'an unknown status',
      (r) => Object.assign(r.meta.check.starter, { status: ['broken'] }),
      'exercise.json /check/starter/status/0',
    ],
    [
      'a missing statement',
      (r) => delete r.texts['statement.zh-cn.md'],
      'statement.zh-cn.md: missing or empty',
    ],
    [
      'an empty explanation',
      (r) => (r.texts['explanation.en.md'] = ' \n'),
      'explanation.en.md: missing or empty',
    ],
    ['no go.mod', (r) => delete r.starter['go.mod'], 'starter/go.mod: missing'],
    [
      'a test in starter/',
      (r) => (r.starter['x_test.go'] = 'package c'),
      'starter/x_test.go: test files belong',
    ],
    ['a non-test in hidden/', (r) => (r.hidden['util.go'] = 'package c'), 'hidden/util.go: only _test.go'],
    ['no visible test', (r) => (r.tests = {}), 'tests/: no visible test file'],
    [
      'a solution for a non-starter file',
      (r) => (r.solution['extra.go'] = 'package c'),
      'solution/extra.go: not an editable',
    ],
    [
      'a solution replacing go.mod',
      (r) => (r.solution['go.mod'] = 'module c'),
      'solution/go.mod: not an editable',
    ],
    ['an unsafe file name', (r) => (r.starter['../x.go'] = 'package c'), 'starter/../x.go: not a file name'],
    [
      'a hidden file named like a visible one',
      (r) => {
        r.hidden['c_test.go'] = r.hidden['hidden_test.go'] ?? '';
        delete r.hidden['hidden_test.go'];
      },
      'hidden/c_test.go: the same name as tests/c_test.go',
    ],
    [
      'a graded test that does not exist',
      (r) => (r.meta.grading.tests[1]!.name = 'TestGone'),
      'exercise.json /grading/tests/1/name: "TestGone" is not a Test function',
    ],
    [
      'a test function that is not graded',
      (r) => (r.tests['c_test.go'] += '\nfunc TestExtra(t *testing.T) {}\n'),
      'tests/c_test.go: TestExtra is not listed',
    ],
    [
      'a test graded twice',
      (r) => r.meta.grading.tests.push({ name: 'TestHidden', weight: 1 }),
      'exercise.json /grading/tests/2/name: "TestHidden" is listed twice',
    ],
    [
      'an expected failure that is not graded',
      (r) => (r.meta.check.starter.failing = ['TestNope']),
      'exercise.json /check/starter/failing/0',
    ],
    [
      'too many files',
      (r) =>
        Object.assign(
          r.tests,
          Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}_test.go`, 'package c'])),
        ),
      'files; the sandbox takes at most 20',
    ],
    ['a minimum Go that is not a language version', (r) => (r.meta.go = '1.25.0'), 'exercise.json /go'],
    [
      'a go.mod newer than the oldest supported Go without a declared minimum',
      (r) => (r.starter['go.mod'] = 'module c\n\ngo 1.25\n'),
      'exercise.json /go: starter/go.mod says go 1.25: declare "go": "1.25"',
    ],
    [
      'a go.mod newer than the declared minimum',
      (r) => {
        r.meta.go = '1.25';
        r.starter['go.mod'] = 'module c\n\ngo 1.26.0\n';
      },
      'exercise.json /go: starter/go.mod says go 1.26.0: declare "go": "1.26"',
    ],
  ])('names the file and field for %s', (_name, change, expected) => {
    expect(problem(change)).toContain(expected);
  });
});
