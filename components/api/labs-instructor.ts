/**
 * The instructor's lab endpoints (with the instructor key): the gradebook, its CSV, overrides
 * and putting a failed submission back in the grading queue.
 * Each answer is checked against contract/labs.ts; the secret (instructor key or student token)
 * goes only in Authorization. N.B. BROWSER CODE.
 */
import type { Gradebook, OverrideRequest, SubmissionDetail, SubmissionSummary } from '../../contract/labs.ts';
import type { Locale } from '../i18n/index.ts';
import { Check as checkGradebook } from './guards/gradebook.generated.ts';
import { Check as checkDetail } from './guards/submission-detail.generated.ts';
import { Check as checkSummary } from './guards/submission-summary.generated.ts';
import { labPath, submissionPath } from './lab-paths.ts';
import { request } from './request.ts';

const isGradebook = (v: unknown): v is Gradebook => checkGradebook(v) === true;
const isDetail = (v: unknown): v is SubmissionDetail => checkDetail(v) === true;
const isSummary = (v: unknown): v is SubmissionSummary => checkSummary(v) === true;

/** GET /api/labs/:id/gradebook: every student's cells and every submission (instructor). */
export function fetchGradebook(labId: string, key: string, locale: Locale): Promise<Gradebook> {
  return request(labPath(labId, `/gradebook?locale=${locale}`), { secret: key, read: isGradebook });
}

/** GET /api/labs/:id/gradebook.csv: the gradebook as CSV text (instructor). */
export function fetchGradebookCsv(labId: string, key: string): Promise<string> {
  return request(labPath(labId, '/gradebook.csv'), { secret: key, read: 'text' });
}

/** POST …/submissions/:sid/override: sets (or with score null removes) the score that counts. */
export function overrideScore(
  labId: string,
  id: string,
  key: string,
  body: OverrideRequest,
): Promise<SubmissionDetail> {
  return request(submissionPath(labId, id, '/override'), { body, secret: key, read: isDetail });
}

/** POST …/submissions/:sid/requeue: puts a submission the grading queue gave up on back in it. */
export function requeueSubmission(labId: string, id: string, key: string): Promise<SubmissionSummary> {
  return request(submissionPath(labId, id, '/requeue'), { body: {}, secret: key, read: isSummary });
}
