/**
 * The lab endpoints (/api/labs): one typed function per endpoint, each answer checked against
 * contract/labs.ts. The secret is the instructor key or the student token; the server only ever
 * sees it in Authorization. N.B. BROWSER CODE.
 */
import type {
  CreatedLab,
  Gradebook,
  JoinRequest,
  Joined,
  LabSettings,
  LabView,
  OverrideRequest,
  StudentStanding,
  SubmissionDetail,
  SubmissionSummary,
  SubmitRequest,
} from '../../contract/labs.ts';
import type { Locale } from '../i18n/index.ts';
import { Check as checkCreated } from './guards/created-lab.generated.ts';
import { Check as checkGradebook } from './guards/gradebook.generated.ts';
import { Check as checkJoined } from './guards/joined.generated.ts';
import { Check as checkLab } from './guards/lab-view.generated.ts';
import { Check as checkStanding } from './guards/student-standing.generated.ts';
import { Check as checkDetail } from './guards/submission-detail.generated.ts';
import { Check as checkSummary } from './guards/submission-summary.generated.ts';
import { request, type RetryPolicy } from './request.ts';

const isCreated = (v: unknown): v is CreatedLab => checkCreated(v) === true;
const isGradebook = (v: unknown): v is Gradebook => checkGradebook(v) === true;
const isJoined = (v: unknown): v is Joined => checkJoined(v) === true;
const isLab = (v: unknown): v is LabView => checkLab(v) === true;
const isStanding = (v: unknown): v is StudentStanding => checkStanding(v) === true;
const isDetail = (v: unknown): v is SubmissionDetail => checkDetail(v) === true;
const isSummary = (v: unknown): v is SubmissionSummary => checkSummary(v) === true;

const lab = (labId: string, rest = '') => `/api/labs/${encodeURIComponent(labId)}${rest}`;
const submission = (labId: string, id: string, rest = '') =>
  lab(labId, `/submissions/${encodeURIComponent(id)}${rest}`);

/** POST /api/labs: a new lab and its instructor key (shown once). */
export function createLab(settings: LabSettings, locale: Locale): Promise<CreatedLab> {
  return request(`/api/labs?locale=${locale}`, { body: settings, read: isCreated });
}

/** GET /api/labs/:id: the lab as anyone with its link sees it. */
export function fetchLab(labId: string, locale: Locale): Promise<LabView> {
  return request(lab(labId, `?locale=${locale}`), { read: isLab });
}

/** POST /api/labs/:id/students: joins, and returns the student's token. */
export function joinLab(labId: string, body: JoinRequest): Promise<Joined> {
  return request(lab(labId, '/students'), { body, read: isJoined });
}

/** GET /api/labs/:id/me: the student's own cells and submissions. */
export function fetchStanding(labId: string, token: string, locale: Locale): Promise<StudentStanding> {
  return request(lab(labId, `/me?locale=${locale}`), { secret: token, read: isStanding });
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
  return request(lab(labId, '/submissions'), { body, secret: token, idempotencyKey, retry, read: isSummary });
}

/** GET /api/labs/:id/submissions/:sid: one submission with its code and grade (student or instructor). */
export function fetchSubmission(labId: string, id: string, secret: string): Promise<SubmissionDetail> {
  return request(submission(labId, id), { secret, read: isDetail });
}

/** GET /api/labs/:id/gradebook: every student's cells and every submission (instructor). */
export function fetchGradebook(labId: string, key: string, locale: Locale): Promise<Gradebook> {
  return request(lab(labId, `/gradebook?locale=${locale}`), { secret: key, read: isGradebook });
}

/** GET /api/labs/:id/gradebook.csv: the gradebook as CSV text (instructor). */
export function fetchGradebookCsv(labId: string, key: string): Promise<string> {
  return request(lab(labId, '/gradebook.csv'), { secret: key, read: 'text' });
}

/** POST …/submissions/:sid/override: sets (or with score null removes) the score that counts. */
export function overrideScore(
  labId: string,
  id: string,
  key: string,
  body: OverrideRequest,
): Promise<SubmissionDetail> {
  return request(submission(labId, id, '/override'), { body, secret: key, read: isDetail });
}

/** POST …/submissions/:sid/requeue: puts a submission the grading queue gave up on back in it. */
export function requeueSubmission(labId: string, id: string, key: string): Promise<SubmissionSummary> {
  return request(submission(labId, id, '/requeue'), { body: {}, secret: key, read: isSummary });
}
