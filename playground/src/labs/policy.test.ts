import { describe, expect, it } from 'vitest';
import {
  decideSubmission,
  finalScore,
  gradebookCell,
  labPhase,
  settingsProblems,
  settingsProblemsEnglish,
} from './policy.ts';
import type { LabSettings, Submission } from './types.ts';

const settings = (over: Partial<LabSettings> = {}): LabSettings => ({
  title: 'Week 1',
  exercises: ['a'],
  opensAt: '2026-01-01T00:00:00.000Z',
  dueAt: '2026-01-08T00:00:00.000Z',
  latePolicy: 'penalty',
  latePenaltyPercent: 25,
  hints: true,
  solutions: false,
  attemptLimit: 2,
  ...over,
});
const at = (iso: string) => new Date(iso);

/** A graded submission (finalScore given), or one in another state (state given, no grade). */
function submission(over: Partial<Submission> & { finalScore?: number; score?: number }): Submission {
  const { finalScore: final = 0, score = final, ...rest } = over;
  const graded = (over.state ?? 'graded') === 'graded';
  return {
    id: 's',
    labId: 'L',
    studentRow: 1,
    exerciseId: 'a',
    files: {},
    submittedAt: '2026-01-02T00:00:00.000Z',
    late: false,
    locale: 'en',
    idempotencyKey: null,
    state: 'graded',
    maxScore: 10,
    grade: graded
      ? {
          score,
          maxScore: 10,
          finalScore: final,
          verdict: 'fail',
          status: 'test_failed',
          result: {} as NonNullable<Submission['grade']>['result'],
          gradedAt: '2026-01-02T00:00:01.000Z',
        }
      : null,
    failure: null,
    gradingAttempts: graded ? 1 : 0,
    override: null,
    ...rest,
  };
}

describe('lab policy', () => {
  it('knows the phase: before opening, open up to and including the due instant, then late or closed', () => {
    expect(labPhase(settings(), at('2025-12-31T23:59:59Z'))).toBe('upcoming');
    expect(labPhase(settings(), at('2026-01-01T00:00:00Z'))).toBe('open');
    expect(labPhase(settings(), at('2026-01-08T00:00:00Z'))).toBe('open');
    expect(labPhase(settings(), at('2026-01-08T00:00:01Z'))).toBe('late');
    expect(labPhase(settings({ latePolicy: 'reject' }), at('2026-01-08T00:00:01Z'))).toBe('closed');
  });

  it('refuses work before opening, after a rejecting due date and beyond the attempt limit', () => {
    expect(decideSubmission(settings(), at('2025-12-01T00:00:00Z'), 0)).toMatchObject({
      accept: false,
      code: 'not_open',
    });
    expect(decideSubmission(settings({ latePolicy: 'reject' }), at('2026-02-01T00:00:00Z'), 0)).toMatchObject(
      {
        accept: false,
        code: 'closed',
      },
    );
    expect(decideSubmission(settings(), at('2026-01-02T00:00:00Z'), 2)).toMatchObject({
      accept: false,
      code: 'attempts_exhausted',
    });
    expect(decideSubmission(settings(), at('2026-01-02T00:00:00Z'), 1)).toEqual({
      accept: true,
      late: false,
    });
    expect(decideSubmission(settings({ attemptLimit: null }), at('2026-02-01T00:00:00Z'), 99)).toEqual({
      accept: true,
      late: true,
    });
  });

  it('applies the late penalty only to late work under the penalty policy, rounding down', () => {
    expect(finalScore(settings(), 10, false)).toBe(10);
    expect(finalScore(settings(), 10, true)).toBe(7);
    expect(finalScore(settings({ latePolicy: 'accept' }), 10, true)).toBe(10);
    expect(finalScore(settings({ latePenaltyPercent: 100 }), 10, true)).toBe(0);
  });

  it('reports settings that make no sense', () => {
    const known = new Set(['a', 'b']);
    const problems = (over: Partial<LabSettings>) => settingsProblems(settings(over), known);
    expect(problems({})).toEqual({ problems: [], unknownExercises: [] });
    expect(problems({ title: '  ', exercises: [] }).problems).toEqual(['no_title', 'no_exercises']);
    const twice = problems({ exercises: ['a', 'zzz', 'a'] });
    expect(twice).toEqual({
      problems: ['unknown_exercises', 'duplicate_exercise'],
      unknownExercises: ['zzz'],
    });
    expect(settingsProblemsEnglish(twice)).toMatch(/zzz.*twice/);
    expect(problems({ dueAt: '2025-01-01T00:00:00Z' }).problems).toEqual(['due_before_opening']);
    expect(settingsProblemsEnglish(problems({ dueAt: '2025-01-01T00:00:00Z' }))).toBe(
      'The due date must come after the opening date.',
    );
    expect(problems({ opensAt: 'soon' }).problems).toEqual(['bad_opens_at']);
    expect(settingsProblemsEnglish(problems({ opensAt: 'soon' }))).toBe('The opening date is not a date.');
  });

  it('takes the best counted score (earliest among equals), with overrides winning, and counts attempts', () => {
    const subs = [
      submission({ id: 'x3', submittedAt: '2026-01-03T00:00:00Z', finalScore: 10, score: 10, late: false }),
      submission({ id: 'x1', submittedAt: '2026-01-01T00:00:00Z', finalScore: 4 }),
      submission({ id: 'x4', submittedAt: '2026-01-09T00:00:00Z', finalScore: 10, late: true }),
      submission({ id: 'other', exerciseId: 'b', finalScore: 10 }),
    ];
    const cell = gradebookCell('a', subs);
    expect(cell).toMatchObject({
      attempts: 3,
      score: 10,
      maxScore: 10,
      bestSubmissionId: 'x3',
      late: false,
      anyLate: true,
      lastSubmittedAt: '2026-01-09T00:00:00Z',
      overridden: false,
    });
    const overridden = gradebookCell('a', [
      ...subs,
      submission({
        id: 'x2',
        submittedAt: '2026-01-02T00:00:00Z',
        finalScore: 2,
        override: { score: 12, comment: 'ok', at: 'x' },
      }),
    ]);
    expect(overridden).toMatchObject({ score: 12, bestSubmissionId: 'x2', overridden: true, attempts: 4 });
    expect(gradebookCell('b', [])).toMatchObject({ attempts: 0, score: null, bestSubmissionId: null });
  });

  it('counts ungraded submissions as attempts but not as scores, and tells pending from failed', () => {
    const cell = gradebookCell('a', [
      submission({ id: 'q', state: 'queued' }),
      submission({ id: 'g', state: 'grading' }),
      submission({ id: 'f', state: 'failed', failure: 'runner_unavailable' }),
    ]);
    expect(cell).toMatchObject({ attempts: 3, pending: 2, failed: 1, score: null, bestSubmissionId: null });
    const graded = gradebookCell('a', [
      submission({ id: 'q', state: 'queued' }),
      submission({ id: 'ok', finalScore: 0 }),
    ]);
    // A graded zero still counts: the student has a score, not a blank.
    expect(graded).toMatchObject({ attempts: 2, pending: 1, failed: 0, score: 0, bestSubmissionId: 'ok' });
  });
});
