import { describe, expect, it } from 'vitest';
import { RequestError } from '../errors.ts';
import { exercise } from '../../../contract/exercise/fixture.ts';
import { editableStarter, solutionFiles, submissionFiles } from './submission.ts';

/** Returns the RequestError submissionFiles throws for these learner files. */
function refusal(files: Record<string, string>): RequestError {
  try {
    submissionFiles(exercise(), files);
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('submissionFiles', () => {
  it("merges the learner's files over the starter, with the tests and go.mod from the exercise", () => {
    const ex = exercise();
    const files = submissionFiles(ex, { 'c.go': 'package c // mine' });
    expect(files).toEqual({
      'go.mod': ex.starter['go.mod'],
      'c.go': 'package c // mine',
      'c_test.go': ex.tests['c_test.go'],
      'hidden_test.go': ex.hidden['hidden_test.go'],
    });
  });

  it('fills in editable files the learner left out', () => {
    expect(submissionFiles(exercise(), {})['c.go']).toBe(exercise().starter['c.go']);
  });

  it.each([['hidden_test.go'], ['c_test.go'], ['extra.go'], ['notes.txt']])(
    'refuses %s with a 400 listing the files allowed',
    (name) => {
      const e = refusal({ [name]: 'package c\n\nfunc TestHidden(t *testing.T) {}\n' });
      expect(e.statusCode).toBe(400);
      expect(e.code).toBe('file_not_allowed');
      expect(e.message).toBe(`"${name}" is not a file of this exercise; you may send: c.go.`);
      expect(e.params).toEqual({ file: name, allowed: ['c.go'] });
    },
  );

  it('accepts an unchanged go.mod and refuses a changed one', () => {
    const ex = exercise();
    expect(() => submissionFiles(ex, { 'go.mod': ex.starter['go.mod'] ?? '' })).not.toThrow();
    expect(refusal({ 'go.mod': 'module evil\n' })).toMatchObject({
      statusCode: 400,
      code: 'file_read_only',
      params: { file: 'go.mod', allowed: ['c.go'] },
    });
  });

  it('refuses //go:embed, which could copy a hidden test into the binary', () => {
    const e = refusal({
      'c.go': 'package c\n\nimport _ "embed"\n\n//go:embed hidden_test.go\nvar s string\n',
    });
    expect(e).toMatchObject({ statusCode: 400, code: 'embed_not_allowed', params: { file: 'c.go' } });
  });
  // The words, in both locales, are the browser's: components/i18n/error-text.test.ts.
});

describe('editableStarter / solutionFiles', () => {
  it('returns what a learner would send: the starter, or the reference solution', () => {
    const ex = exercise();
    expect(editableStarter(ex)).toEqual({ 'c.go': ex.starter['c.go'] });
    expect(solutionFiles(ex)).toEqual({ 'c.go': ex.solution['c.go'] });
  });
});
