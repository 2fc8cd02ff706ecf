/**
 * The student's lab endpoints: the lab, joining it, the student's standing, submitting work.
 * Each answer is checked against contract/labs.ts; the secret (instructor key or student token)
 * goes only in Authorization. N.B. BROWSER CODE.
 */
import type {
  JoinRequest,
  Joined,
  LabView,
  StudentStanding,
  SubmissionSummary,
  SubmitRequest,
} from '../../contract/labs.ts';
import type { Locale } from '../i18n/index.ts';
import { Check as checkJoined } from './guards/joined.generated.ts';
import { Check as checkLab } from './guards/lab-view.generated.ts';
import { Check as checkStanding } from './guards/student-standing.generated.ts';
import { Check as checkSummary } from './guards/submission-summary.generated.ts';
import { labPath } from './lab-paths.ts';
import { request, type RetryPolicy } from './request.ts';

const isJoined = (v: unknown): v is Joined => checkJoined(v) === true;
const isLab = (v: unknown): v is LabView => checkLab(v) === true;
const isStanding = (v: unknown): v is StudentStanding => checkStanding(v) === true;
const isSummary = (v: unknown): v is SubmissionSummary => checkSummary(v) === true;

/** GET /api/labs/:id: the lab as anyone with its link sees it. */
export function fetchLab(labId: string, locale: Locale): Promise<LabView> {
  return request(labPath(labId, `?locale=${locale}`), { read: isLab });
}

/** POST /api/labs/:id/students: joins, and returns the student's token. */
export function joinLab(labId: string, body: JoinRequest): Promise<Joined> {
  return request(labPath(labId, '/students'), { body, read: isJoined });
}

/** GET /api/labs/:id/me: the student's own cells and submissions. */
export function fetchStanding(labId: string, token: string, locale: Locale): Promise<StudentStanding> {
  return request(labPath(labId, `/me?locale=${locale}`), { secret: token, read: isStanding });
}

/**
 * POST /api/labs/:id/submissions: stores the work and queues it for grading (202). The
 * Idempotency-Key (one per Submit click) makes sending it again after a dropped connection or a
 * dead replica store it once; `retry` says how often and tells the page when it does.
 */
export function submitWork(
  labId: string,
  token: string,
  body: SubmitRequest,
  idempotencyKey: string,
  retry: RetryPolicy,
): Promise<SubmissionSummary> {
  return request(labPath(labId, '/submissions'), {
    body,
    secret: token,
    idempotencyKey,
    retry,
    read: isSummary,
  });
}
