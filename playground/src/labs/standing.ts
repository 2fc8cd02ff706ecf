/**
 * Use case: reading one's own work. A student sees their standing in the lab; a student or the
 * instructor opens one submission with its files and result.
 */
import type { Locale } from '../../../contract/grade.ts';
import type { StudentStanding, SubmissionDetail } from '../../../contract/labs.ts';
import { RequestError } from '../errors.ts';
import { noSuchSubmission, studentView, type LabCaller, type LabContext } from './service-context.ts';

export async function standing(ctx: LabContext, caller: LabCaller, locale: Locale): Promise<StudentStanding> {
  if (caller.role !== 'student')
    throw new RequestError(403, 'forbidden', 'This is a student’s own view.', { role: 'student' });
  const subs = await ctx.store.submissions(caller.lab.id, caller.student.row);
  const studentId = caller.student.studentId;
  return {
    lab: ctx.toView(caller.lab, locale),
    student: studentView(caller.student),
    cells: ctx.cells(caller.lab, subs),
    submissions: await Promise.all(subs.map((s) => ctx.live(s, studentId))),
  };
}

export async function submissionDetail(
  ctx: LabContext,
  caller: LabCaller,
  submissionId: string,
): Promise<SubmissionDetail> {
  const s = await ctx.store.submission(caller.lab.id, submissionId);
  // A student asking for someone else's submission learns nothing, not even that it exists.
  if (!s || (caller.role === 'student' && s.studentRow !== caller.student.row)) throw noSuchSubmission();
  const studentId =
    caller.role === 'student'
      ? caller.student.studentId
      : (await ctx.studentIdOf(caller.lab)).get(s.studentRow);
  return ctx.detail(s, studentId ?? '');
}
