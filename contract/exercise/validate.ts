/**
 * Pure: one exercise folder's contents → a validated Exercise, or an ExerciseFormatError naming
 * the file and the field to fix. load.ts does the reading; everything checkable lives here.
 */
import { Value } from 'typebox/value';
import { FILE_NAME } from '../file-name.ts';
import { EXERCISE_ID_PATTERN, LOCALES } from '../grade.ts';
import { compareGoVersions, OLDEST_SUPPORTED_GO, parseGoVersion } from '../go-version.ts';
import { DEFAULT_CHECK_REPEATS, ExerciseMeta } from './schema.ts';
import { testFunctions } from './test-names.ts';
import type { Exercise, Files, LocalizedText, TestRule } from './types.ts';

/** The sandbox's limits on one package (see playground/src/sandbox/limits.ts). */
const MAX_FILES = 20;
const MAX_SOURCE_BYTES = 256 * 1024;

/** The folders of an exercise, as read from disk. */
export interface RawExercise {
  id: string;
  /** The exercise folder, as messages should show it (content/exercises/<id>). */
  dir: string;
  /** exercise.json, already parsed as JSON. */
  meta: unknown;
  /** Markdown files of the folder by name (statement.en.md…); missing ones are absent. */
  texts: Record<string, string>;
  starter: Files;
  tests: Files;
  hidden: Files;
  solution: Files;
}

/** A malformed exercise: `file` is relative to the exercise folder, `field` a JSON pointer or "". */
export class ExerciseFormatError extends Error {
  readonly file: string;
  readonly field: string;
  constructor(dir: string, file: string, field: string, problem: string) {
    super(`${dir}/${file}${field ? ` ${field}` : ''}: ${problem}`);
    this.name = 'ExerciseFormatError';
    this.file = file;
    this.field = field;
  }
}

type Fail = (file: string, field: string, problem: string) => never;

const isTestFile = (name: string): boolean => name.endsWith('_test.go');

/** Returns the exercise, or throws ExerciseFormatError for the first problem found. */
export function parseExercise(raw: RawExercise): Exercise {
  const fail: Fail = (file, field, problem) => {
    throw new ExerciseFormatError(raw.dir, file, field, problem);
  };
  if (!new RegExp(EXERCISE_ID_PATTERN).test(raw.id))
    fail('', '', `the folder name "${raw.id}" is not an exercise id (lower-case words joined by "-")`);

  const problem = [...Value.Errors(ExerciseMeta, raw.meta)][0];
  if (problem) fail('exercise.json', problem.instancePath || '(root)', problem.message);
  const meta = raw.meta as ExerciseMeta;
  const statement = markdown(raw, 'statement', fail);
  const explanation = markdown(raw, 'explanation', fail);
  const editable = checkFolders(raw, fail);
  checkPackage(raw, fail);
  checkGoLine(raw.starter['go.mod'] ?? '', meta.go, fail);

  const tests = gradedTests(raw, meta, fail);
  const names = new Set(tests.map((t) => t.name));
  meta.check.starter.failing.forEach((name, i) => {
    if (!names.has(name))
      fail('exercise.json', `/check/starter/failing/${i}`, `"${name}" is not a graded test`);
  });

  return {
    id: raw.id,
    dir: raw.dir,
    title: meta.title,
    chapter: meta.chapter,
    difficulty: meta.difficulty,
    ...(meta.go ? { go: meta.go } : {}),
    objective: meta.objective,
    statement,
    hints: meta.hints,
    explanation,
    starter: raw.starter,
    editable,
    tests: raw.tests,
    hidden: raw.hidden,
    solution: raw.solution,
    grading: {
      race: meta.grading.race,
      count: meta.grading.count,
      timeBudgetMs: meta.grading.timeBudgetMs,
      tests,
    },
    check: {
      starter: { status: meta.check.starter.status, failing: meta.check.starter.failing },
      repeats: meta.check.repeats ?? DEFAULT_CHECK_REPEATS,
    },
  };
}

/** The Markdown text `<kind>.<locale>.md` in every locale; each must be there and not empty. */
function markdown(raw: RawExercise, kind: string, fail: Fail): LocalizedText {
  const out: Partial<LocalizedText> = {};
  for (const locale of LOCALES) {
    const name = `${kind}.${locale}.md`;
    const text = raw.texts[name];
    if (text === undefined || text.trim() === '') fail(name, '', 'missing or empty');
    out[locale] = text;
  }
  return out as LocalizedText;
}

/** Checks what belongs in each folder; returns the learner's editable files (the starter but go.mod). */
function checkFolders(raw: RawExercise, fail: Fail): string[] {
  checkFolder(raw.starter, 'starter', fail, (name) =>
    isTestFile(name) ? 'test files belong in tests/ or hidden/' : null,
  );
  if (!Object.hasOwn(raw.starter, 'go.mod'))
    fail('starter/go.mod', '', 'missing: every exercise is a module');
  const editable = Object.keys(raw.starter)
    .filter((n) => n !== 'go.mod')
    .sort();
  if (!editable.some((n) => n.endsWith('.go'))) fail('starter/', '', 'no .go file for the learner to edit');
  for (const folder of ['tests', 'hidden'] as const) {
    checkFolder(raw[folder], folder, fail, (name) =>
      isTestFile(name) ? null : 'only _test.go files belong here',
    );
  }
  if (Object.keys(raw.tests).length === 0) fail('tests/', '', 'no visible test file');
  checkFolder(raw.solution, 'solution', fail, (name) =>
    editable.includes(name) ? null : `not an editable starter file (${editable.join(', ')})`,
  );
  if (Object.keys(raw.solution).length === 0) fail('solution/', '', 'no reference solution');
  return editable;
}

/** The graded package (starter, tests and hidden together) must have distinct names and fit the sandbox. */
function checkPackage(raw: RawExercise, fail: Fail): void {
  const merged = Object.entries({ ...raw.starter, ...raw.tests, ...raw.hidden });
  const seen = new Map<string, string>();
  for (const folder of ['starter', 'tests', 'hidden'] as const) {
    for (const name of Object.keys(raw[folder])) {
      const other = seen.get(name);
      if (other)
        fail(`${folder}/${name}`, '', `the same name as ${other}/${name}: one would replace the other`);
      seen.set(name, folder);
    }
  }
  if (merged.length > MAX_FILES)
    fail('', '', `${merged.length} files; the sandbox takes at most ${MAX_FILES}`);
  const bytes = merged.reduce((sum, [, text]) => sum + new TextEncoder().encode(text).length, 0);
  if (bytes > MAX_SOURCE_BYTES)
    fail('', '', `${bytes} bytes of source; the sandbox takes at most ${MAX_SOURCE_BYTES}`);
}

/**
 * A Go older than go.mod's `go` line refuses to build the module (GOTOOLCHAIN=local), so the
 * declared minimum may not be below it: the checkers and the page would otherwise offer the
 * exercise to a Go that cannot build it.
 */
function checkGoLine(goMod: string, declared: string | undefined, fail: Fail): void {
  const line = /^go\s+(\S+)/m.exec(goMod)?.[1];
  const needs = parseGoVersion(line);
  const minimum = parseGoVersion(declared ?? OLDEST_SUPPORTED_GO);
  if (needs && minimum && compareGoVersions(needs, minimum) > 0)
    fail(
      'exercise.json',
      '/go',
      `starter/go.mod says go ${line}: declare "go": "${needs.major}.${needs.minor}" (a Go older than that line refuses to build the module)`,
    );
}

/** Checks the names of one folder; `rule` returns a problem with a name, or null. */
function checkFolder(files: Files, folder: string, fail: Fail, rule: (name: string) => string | null): void {
  for (const name of Object.keys(files)) {
    if (!FILE_NAME.test(name)) fail(`${folder}/${name}`, '', 'not a file name the runner accepts');
    const problem = rule(name);
    if (problem) fail(`${folder}/${name}`, '', problem);
  }
}

/** Returns the graded tests, visible first; every Test function must be graded exactly once. */
function gradedTests(raw: RawExercise, meta: ExerciseMeta, fail: Fail): TestRule[] {
  const where = new Map<string, string>();
  for (const folder of ['tests', 'hidden'] as const) {
    for (const [file, source] of Object.entries(raw[folder])) {
      for (const name of testFunctions(source)) {
        const other = where.get(name);
        if (other) fail(`${folder}/${file}`, '', `${name} is also declared in ${other}`);
        where.set(name, `${folder}/${file}`);
      }
    }
  }
  const rules: TestRule[] = [];
  meta.grading.tests.forEach((t, i) => {
    const file = where.get(t.name);
    if (!file)
      fail(
        'exercise.json',
        `/grading/tests/${i}/name`,
        `"${t.name}" is not a Test function in tests/ or hidden/`,
      );
    if (rules.some((r) => r.name === t.name))
      fail('exercise.json', `/grading/tests/${i}/name`, `"${t.name}" is listed twice`);
    rules.push({ name: t.name, weight: t.weight, hidden: file.startsWith('hidden/') });
  });
  for (const [name, file] of where) {
    if (!rules.some((r) => r.name === name))
      fail(file, '', `${name} is not listed in exercise.json /grading/tests`);
  }
  return [...rules.filter((r) => !r.hidden), ...rules.filter((r) => r.hidden)];
}
