/**
 * Reads content/exercises/<id>/ folders from disk and validates each with parseExercise. Used at
 * server start, by check:exercises and by the site build; a malformed exercise throws a message
 * naming the file and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseExercise, ExerciseFormatError } from './validate.ts';
import type { Exercise, Files } from './types.ts';

/** The exercises folder, relative to the working directory (the repository root, as for LOCKSTEP_SITE_DIR). */
export const EXERCISES_DIR = resolve('content/exercises');

/** Returns the regular files of a folder by name ({} when it does not exist). */
function readFolder(dir: string): Files {
  if (!existsSync(dir)) return {};
  const files: Files = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Returns one exercise folder, validated. */
export function loadExercise(dir: string, shownAs = relative(process.cwd(), dir) || dir): Exercise {
  const id = dir.replace(/\/+$/, '').split('/').pop() ?? '';
  const metaPath = join(dir, 'exercise.json');
  if (!existsSync(metaPath)) throw new ExerciseFormatError(shownAs, 'exercise.json', '', 'missing');
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (error) {
    throw new ExerciseFormatError(
      shownAs,
      'exercise.json',
      '',
      `not valid JSON (${(error as Error).message})`,
    );
  }
  const texts = Object.fromEntries(Object.entries(readFolder(dir)).filter(([name]) => name.endsWith('.md')));
  return parseExercise({
    id,
    dir: shownAs,
    meta,
    texts,
    starter: readFolder(join(dir, 'starter')),
    tests: readFolder(join(dir, 'tests')),
    hidden: readFolder(join(dir, 'hidden')),
    solution: readFolder(join(dir, 'solution')),
  });
}

/** Returns every exercise below dir (one folder each), sorted by id. */
export function loadExercises(dir: string = EXERCISES_DIR): Exercise[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => loadExercise(join(dir, d.name)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Returns the exercises by id, for the routes. */
export function exerciseCatalog(exercises: readonly Exercise[]): ReadonlyMap<string, Exercise> {
  return new Map(exercises.map((e) => [e.id, e]));
}
