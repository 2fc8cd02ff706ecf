/**
 * Use case: a student submits an exercise. The submission is checked (policy, file names,
 * sandbox limits), stored queued for grading and acknowledged at once; the grading worker grades
 * it later through the queue (grading-worker.ts).
 */
import type { Locale } from '../../../contract/grade.ts';
import type { SubmissionSummary } from '../../../contract/labs.ts';
import type { Exercise, Files } from '../../../contract/exercise/types.ts';
import { submissionFiles } from '../grading/submission.ts';
import { newEndTestName, withEndTest } from '../grading/end-test.ts';
import { RequestError } from '../errors.ts';
import type { Limits } from '../sandbox/plan/limits.ts';
import { validateJob } from '../sandbox/plan/validate.ts';
import { decideSubmission, labPhase, type SubmissionDecision } from './policy.ts';
import { newId } from './secrets.ts';
import { exerciseMaxScore, type LabCaller, type LabContext } from './service-context.ts';

export interface SubmitRequest {
  exerciseId: string;
  files: Files;
  locale?: Locale | undefined;
}

export interface SubmitOptions {
  idempotencyKey?: string | undefined;
}

export async function submit(
  ctx: LabContext,
  caller: LabCaller,
  request: SubmitRequest,
  options: SubmitOptions,
): Promise<{ submission: SubmissionSummary; replayed: boolean }> {
  if (caller.role !== 'student')
    throw new RequestError(403, 'forbidden', 'Submissions come from students; join the lab as one.', {
      role: 'student',
    });
  const { lab: l, student } = caller;
  const exercise = ctx.exercises.get(request.exerciseId);
  if (!exercise || !l.exercises.includes(request.exerciseId))
    throw new RequestError(
      404,
      'exercise_not_in_lab',
      `Exercise "${request.exerciseId}" is not part of this lab.`,
      {
        exerciseId: request.exerciseId,
      },
    );
  // A retry of a Submit whose answer was lost gets the stored submission back, even when the
  // retry itself comes after the due date or the last attempt: what counts is when it was received.
  if (options.idempotencyKey !== undefined) {
    const earlier = await ctx.store.submissionByKey(student.row, options.idempotencyKey);
    if (earlier) return { submission: await ctx.live(earlier, student.studentId), replayed: true };
  }
  // The receipt time: the due date and the late policy judge it, however long grading waits.
  const receivedAt = ctx.now();
  const before = decideSubmission(l, receivedAt, await ctx.store.attempts(l.id, student.row, exercise.id));
  // attempts_exhausted is decided again, atomically, when storing (two racing retries of one
  // key that took the last attempt must both find it there).
  if (!before.accept && before.code !== 'attempts_exhausted') throw refusal(before);
  const locale = request.locale ?? 'en';
  checkGradable(exercise, request.files, ctx.limits);
  const added = await ctx.store.addSubmission(
    {
      id: newId(),
      labId: l.id,
      studentRow: student.row,
      exerciseId: exercise.id,
      files: request.files,
      submittedAt: receivedAt.toISOString(),
      late: labPhase(l, receivedAt) === 'late',
      locale,
      idempotencyKey: options.idempotencyKey ?? null,
      state: 'queued',
      maxScore: exerciseMaxScore(exercise),
      grade: null,
      failure: null,
      gradingAttempts: 0,
      override: null,
    },
    l.attemptLimit,
  );
  if (added.outcome === 'limit')
    throw new RequestError(
      403,
      'attempts_exhausted',
      `You have used all ${l.attemptLimit} attempts for this exercise.`,
      { limit: l.attemptLimit ?? 0 },
    );
  return {
    submission: await ctx.live(added.submission, student.studentId),
    replayed: added.outcome === 'existing',
  };
}

/**
 * Files the grader would refuse are refused now, with a 400, and nothing is stored: names it
 * does not take, and a package over the sandbox's limits (256 KiB of source counts bytes, so
 * text within the request's 256 Ki characters can still be too large once encoded).
 */
function checkGradable(exercise: Exercise, files: Files, limits: Limits): void {
  const graded = withEndTest(submissionFiles(exercise, files), newEndTestName());
  // Throws the sandbox's own 400 (a SandboxInputError is a RequestError with its code and params).
  validateJob({ files: graded, action: 'test', race: exercise.grading.race }, limits);
}

/** The 403 of a submission the lab's policy refuses, with the date or the limit it names. */
function refusal(decision: Extract<SubmissionDecision, { accept: false }>): RequestError {
  switch (decision.code) {
    case 'not_open':
      return new RequestError(403, 'not_open', decision.message, { opensAt: decision.opensAt });
    case 'closed':
      return new RequestError(403, 'closed', decision.message, { dueAt: decision.dueAt });
    case 'attempts_exhausted':
      return new RequestError(403, 'attempts_exhausted', decision.message, { limit: decision.limit });
  }
}
