/**
 * The course's real exercises load and validate (so a malformed exercise fails the unit tests,
 * not only check:exercises), and their public projection leaks nothing server-side.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../grade.ts';
import { loadExercises } from './load.ts';
import { publicExercise } from './public.ts';

describe('content/exercises', () => {
  const exercises = loadExercises();

  it('has at least three exercises', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(3);
  });

  /** Returns the lines of files that no public file contains (common idioms are public anyway). */
  const privateLines = (files: Record<string, string>, shown: string): string[] =>
    Object.values(files)
      .flatMap((text) => text.split('\n'))
      .map((line) => line.trim())
      .filter((line) => line.length > 20 && !shown.includes(line));
  const escaped = (line: string): string => JSON.stringify(line).slice(1, -1);

  it.each(exercises.map((e) => [e.id, e] as const))(
    '%s: public data carries no hidden test line',
    (_id, ex) => {
      const shown = [...Object.values(ex.starter), ...Object.values(ex.tests)].join('\n');
      for (const locale of LOCALES) {
        const text = JSON.stringify(publicExercise(ex, locale, { explanation: true }));
        for (const line of privateLines(ex.hidden, shown)) expect(text).not.toContain(escaped(line));
        for (const name of Object.keys(ex.hidden)) expect(text).not.toContain(name);
      }
    },
  );

  it.each(exercises.map((e) => [e.id, e] as const))(
    '%s: files and statement carry no solution line',
    (_id, ex) => {
      // Hints and the explanation may quote the solution on purpose (the last hint nearly tells).
      const shown = [...Object.values(ex.starter), ...Object.values(ex.tests)].join('\n');
      for (const locale of LOCALES) {
        const p = publicExercise(ex, locale);
        const text = JSON.stringify([p.files, p.statement]);
        for (const line of privateLines(ex.solution, shown)) expect(text).not.toContain(escaped(line));
      }
    },
  );
});

describe('loadExercises', () => {
  it('names the file and field of a malformed exercise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercises-'));
    mkdirSync(join(dir, 'broken-one'));
    writeFileSync(join(dir, 'broken-one', 'exercise.json'), '{"title": {"en": "x"}');
    expect(() => loadExercises(dir)).toThrow(/broken-one\/exercise\.json: not valid JSON/);
    writeFileSync(join(dir, 'broken-one', 'exercise.json'), '{"title": {"en": "x"}}');
    expect(() => loadExercises(dir)).toThrow(/broken-one\/exercise\.json (\(root\)|\/title)/);
  });

  it('returns [] when the folder does not exist', () => {
    expect(loadExercises(join(tmpdir(), 'no-such-exercises-dir'))).toEqual([]);
  });
});
