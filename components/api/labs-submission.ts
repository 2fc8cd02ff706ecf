/**
 * One submission with its code and grade, for the student who sent it and the instructor:
 * GET /api/labs/:id/submissions/:sid.
 * Each answer is checked against contract/labs.ts; the secret (instructor key or student token)
 * goes only in Authorization. N.B. BROWSER CODE.
 */
import type { SubmissionDetail } from '../../contract/labs.ts';
import { Check as checkDetail } from './guards/submission-detail.generated.ts';
import { submissionPath } from './lab-paths.ts';
import { request } from './request.ts';

const isDetail = (v: unknown): v is SubmissionDetail => checkDetail(v) === true;

/** GET /api/labs/:id/submissions/:sid: one submission with its code and grade (student or instructor). */
export function fetchSubmission(labId: string, id: string, secret: string): Promise<SubmissionDetail> {
  return request(submissionPath(labId, id), { secret, read: isDetail });
}
