/**
 * Use case: the instructor acts on one submission: overrides its score (or clears the override),
 * or puts it back in the grading queue after it failed to grade.
 */
import type { SubmissionDetail, SubmissionSummary } from '../../../contract/labs.ts';
import { RequestError } from '../errors.ts';
import { noSuchSubmission, type LabCaller, type LabContext } from './service-context.ts';
import { submissionDetail } from './standing.ts';

export async function requeue(
  ctx: LabContext,
  caller: LabCaller,
  submissionId: string,
): Promise<SubmissionSummary> {
  const l = ctx.instructorOnly(caller);
  if (!(await ctx.store.queue.requeue(l.id, submissionId))) {
    const s = await ctx.store.submission(l.id, submissionId);
    if (!s) throw noSuchSubmission();
    throw new RequestError(
      409,
      'not_failed',
      `Only a submission that failed to grade can be re-queued; this one is ${s.state}.`,
      { state: s.state },
    );
  }
  const s = (await ctx.store.submission(l.id, submissionId))!;
  return ctx.live(s, (await ctx.studentIdOf(l)).get(s.studentRow) ?? '');
}

export async function override(
  ctx: LabContext,
  caller: LabCaller,
  submissionId: string,
  score: number | null,
  comment: string,
): Promise<SubmissionDetail> {
  const l = ctx.instructorOnly(caller);
  const s = await ctx.store.submission(l.id, submissionId);
  if (!s) throw noSuchSubmission();
  if (score !== null && score > (s.grade?.maxScore ?? s.maxScore))
    throw new RequestError(400, 'score_above_max', `The score cannot exceed the maximum, ${s.maxScore}.`, {
      maxScore: s.maxScore,
    });
  await ctx.store.setOverride(
    l.id,
    submissionId,
    score === null ? null : { score, comment: comment.trim(), at: ctx.now().toISOString() },
  );
  return submissionDetail(ctx, caller, submissionId);
}
