/**
 * Pure: the browser-safe projection of an exercise in one locale. This is the ONLY way exercise
 * data leaves the server (API and site build): hidden tests and the solution are never read here,
 * and the explanation is added only when asked for (after a passing grade).
 */
import type { Locale, PublicExercise, PublicFile } from '../grade.ts';
import type { Exercise } from './types.ts';

/** Returns the starter files and visible tests, editable ones first, each group sorted by name. */
export function publicFiles(exercise: Exercise): PublicFile[] {
  const starter = Object.entries(exercise.starter).map(([name, content]): PublicFile => {
    const editable = exercise.editable.includes(name);
    return { name, content, editable, kind: editable ? 'source' : 'module' };
  });
  const tests = Object.entries(exercise.tests).map(([name, content]): PublicFile => ({
    name,
    content,
    editable: false,
    kind: 'test',
  }));
  const byName = (a: PublicFile, b: PublicFile): number => a.name.localeCompare(b.name);
  return [
    ...starter.filter((f) => f.editable).sort(byName),
    ...tests.sort(byName),
    ...starter.filter((f) => !f.editable).sort(byName),
  ];
}

/** Returns what the browser may know of an exercise in a locale; explanation only on request. */
export function publicExercise(
  exercise: Exercise,
  locale: Locale,
  options: { explanation?: boolean } = {},
): PublicExercise {
  const hidden = exercise.grading.tests.filter((t) => t.hidden);
  const out: PublicExercise = {
    id: exercise.id,
    locale,
    title: exercise.title[locale],
    chapter: exercise.chapter,
    difficulty: exercise.difficulty,
    objective: exercise.objective[locale],
    statement: exercise.statement[locale],
    hints: exercise.hints.map((h) => h[locale]),
    files: publicFiles(exercise),
    tests: exercise.grading.tests.filter((t) => !t.hidden).map((t) => ({ name: t.name, weight: t.weight })),
    hiddenTests: { count: hidden.length, weight: hidden.reduce((sum, t) => sum + t.weight, 0) },
    race: exercise.grading.race,
    ...(exercise.go ? { go: exercise.go } : {}),
  };
  if (options.explanation) out.explanation = exercise.explanation[locale];
  return out;
}
