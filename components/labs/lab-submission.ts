/**
 * One Submit click of a lab exercise, from sending to the grade. The server acknowledges a
 * submission at once (202, queued) and grades it later. Each click gets its own Idempotency-Key,
 * sent again if the connection drops or a replica dies before the answer, so a retry never
 * stores the work twice. Then the submission is asked for its state every POLL_MS, and the
 * exercise's live status line says where it stands (number N in the queue, grading, graded, or
 * could not be graded). N.B. BROWSER CODE.
 */
import type { SubmissionDetail, SubmissionSummary } from '../../contract/labs.ts';
import { t, type Locale } from '../i18n/index.ts';
import { submitWork } from '../api/labs-student.ts';
import { fetchSubmission } from '../api/labs-submission.ts';
import { ApiError, CLIENT_CODES } from '../api/api-error.ts';
import { apiErrorText } from '../api/error-text.ts';
import type { ExerciseSubmitter } from '../exercise/exercise-element.ts';
import { stateText } from './lab-history.ts';

/** How often a pending submission is asked for its state (the API documents this interval). */
const POLL_MS = 1_000;
/** Sends of one Submit click before giving up when the server cannot be reached; 1 s, 2 s, 4 s between. */
const SEND_TRIES = 4;
const FIRST_RESEND_PAUSE_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A new Idempotency-Key: one per Submit click. */
function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether a failed poll only pauses the updates: the submission is stored either way. */
function passing(error: unknown): boolean {
  return error instanceof ApiError && (error.code === CLIENT_CODES.unreachable || error.status >= 500);
}

export interface SubmissionContext {
  labId: string;
  token: string;
  exerciseId: string;
  /** Called when the submission is stored and again when its grading ends (the history redraws). */
  changed: () => void;
}

/** The ExerciseSubmitter of one lab exercise: sends the files and follows the submission to its grade. */
export function labSubmitter(ctx: SubmissionContext): ExerciseSubmitter {
  return async (files, locale: Locale, progress) => {
    const failed = (error: unknown) => ({
      ok: false as const,
      message: t(locale, 'lab.error', { message: apiErrorText(locale, error) }),
    });
    progress(t(locale, 'lab.submitting'));
    let state: SubmissionSummary;
    try {
      state = await submitWork(
        ctx.labId,
        ctx.token,
        { exerciseId: ctx.exerciseId, files, locale },
        idempotencyKey(),
        {
          tries: SEND_TRIES,
          firstPauseMs: FIRST_RESEND_PAUSE_MS,
          onRetry: () => progress(t(locale, 'lab.state.resend')),
        },
      );
    } catch (error) {
      return failed(error);
    }
    ctx.changed();
    for (;;) {
      if (state.state === 'failed') {
        ctx.changed();
        return { ok: false, message: stateText(state, locale) };
      }
      if (state.state === 'graded' && 'result' in state && state.result)
        return { ok: true, grade: (state as SubmissionDetail).result! };
      progress(stateText(state, locale));
      await sleep(POLL_MS);
      try {
        state = await fetchSubmission(ctx.labId, state.id, ctx.token);
      } catch (error) {
        if (!passing(error)) return failed(error);
      }
    }
  };
}
