/**
 * Instructor labs: create, join, submit (stored and acknowledged at once, then graded by the
 * grading worker through the queue: grading-worker.ts), the student's own standing, the
 * gradebook, overrides, re-queueing a submission that failed to grade. Each use case has its own
 * file; this one is the interface the routes use and puts them together over one shared context
 * (service-context.ts). Policy lives in policy.ts, storage behind LabStore; the clock is passed
 * in, so tests drive time directly.
 */
import type { Locale } from '../../../contract/grade.ts';
import type {
  CreatedLab,
  Gradebook,
  JoinRequest,
  Joined,
  LabView,
  StudentStanding,
  SubmissionDetail,
  SubmissionSummary,
} from '../../../contract/labs.ts';
import { gradebook, gradebookAsCsv } from './gradebook.ts';
import { override, requeue } from './instructor-actions.ts';
import { authenticate, joinLab } from './lab-access.ts';
import { createLab, viewLab } from './lab-setup.ts';
import { createLabContext, type LabCaller, type LabServiceDeps } from './service-context.ts';
import { standing, submissionDetail } from './standing.ts';
import { submit, type SubmitOptions, type SubmitRequest } from './submit.ts';
import type { LabSettings } from './types.ts';

export type { LabCaller, LabServiceDeps } from './service-context.ts';

export interface LabService {
  create(settings: LabSettings, locale: Locale): Promise<CreatedLab>;
  view(labId: string, locale: Locale): Promise<LabView>;
  join(labId: string, request: JoinRequest): Promise<Joined>;
  /** Resolves a bearer secret for this lab; rejects with 401 when it is neither key nor token. */
  authenticate(labId: string, secret: string | null): Promise<LabCaller>;
  /**
   * Stores the submission, queued for grading, and returns it at once; with an idempotency key
   * the student already used, returns the earlier one instead (`replayed`).
   */
  submit(
    caller: LabCaller,
    request: SubmitRequest,
    options: SubmitOptions,
  ): Promise<{ submission: SubmissionSummary; replayed: boolean }>;
  /** Instructor: puts a submission that failed to grade back in the queue. */
  requeue(caller: LabCaller, submissionId: string): Promise<SubmissionSummary>;
  standing(caller: LabCaller, locale: Locale): Promise<StudentStanding>;
  submission(caller: LabCaller, submissionId: string): Promise<SubmissionDetail>;
  gradebook(caller: LabCaller, locale: Locale): Promise<Gradebook>;
  csv(caller: LabCaller): Promise<string>;
  override(
    caller: LabCaller,
    submissionId: string,
    score: number | null,
    comment: string,
  ): Promise<SubmissionDetail>;
}

export function createLabService(deps: LabServiceDeps): LabService {
  const ctx = createLabContext(deps);
  return {
    create: (settings, locale) => createLab(ctx, settings, locale),
    view: (labId, locale) => viewLab(ctx, labId, locale),
    join: (labId, request) => joinLab(ctx, labId, request),
    authenticate: (labId, secret) => authenticate(ctx, labId, secret),
    submit: (caller, request, options) => submit(ctx, caller, request, options),
    requeue: (caller, submissionId) => requeue(ctx, caller, submissionId),
    standing: (caller, locale) => standing(ctx, caller, locale),
    submission: (caller, submissionId) => submissionDetail(ctx, caller, submissionId),
    gradebook: (caller, locale) => gradebook(ctx, caller, locale),
    csv: (caller) => gradebookAsCsv(ctx, caller),
    override: (caller, submissionId, score, comment) => override(ctx, caller, submissionId, score, comment),
  };
}
