/**
 * Where an exercise Check stands, as a pure transition over the grade stream's messages, and the
 * words of the exercise's live status line for it: waiting (with its place in line), checking,
 * graded, or failed with a code the page words in its own language. No I/O, no timers.
 */
import type { GradeResult } from '../../contract/grade.ts';
import type { GradeStreamMessage } from '../../contract/grade-stream.ts';
import { errorText, t, type Locale } from '../i18n/index.ts';
import { isErrorCode } from '../../contract/errors.ts';

export type CheckState =
  | { kind: 'checking' }
  | { kind: 'waiting'; position: number }
  | { kind: 'graded'; grade: GradeResult }
  | {
      kind: 'failed';
      code: string;
      message: string;
      params?: Readonly<Record<string, unknown>> | undefined;
      retryAfterS?: number | undefined;
    };

export type FailedCheck = Extract<CheckState, { kind: 'failed' }>;

/** Before any message: the request is on its way. */
export const CHECK_STARTED: CheckState = { kind: 'checking' };

/** The socket could not open or closed before the grade. */
export const CHECK_UNREACHABLE: FailedCheck = { kind: 'failed', code: 'unreachable', message: '' };

/** The server sent a message off the contract. */
export const CHECK_INVALID: FailedCheck = { kind: 'failed', code: 'invalid_message', message: '' };

/** Returns true once the Check has its answer (nothing after it changes the state). */
export function isSettled(state: CheckState): boolean {
  return state.kind === 'graded' || state.kind === 'failed';
}

/** Returns the state after a message; a settled Check stays as it is. */
export function reduceCheck(state: CheckState, message: GradeStreamMessage): CheckState {
  if (isSettled(state)) return state;
  switch (message.type) {
    case 'queued':
      return { kind: 'waiting', position: message.position };
    case 'phase':
      // "queued" is the queue taking the run: a place in line follows only if it has to wait.
      if (message.phase === 'queued') return state;
      return { kind: 'checking' };
    case 'grade':
      return { kind: 'graded', grade: message.result };
    case 'error':
      return {
        kind: 'failed',
        code: message.error,
        message: message.message,
        params: message.params,
        retryAfterS: message.retryAfterS,
      };
  }
}

/** Returns the status line for a Check that is not graded (a grade has its own words). */
export function checkStatusText(state: Exclude<CheckState, { kind: 'graded' }>, locale: Locale): string {
  switch (state.kind) {
    case 'checking':
      return t(locale, 'ex.checking');
    case 'waiting':
      return t(locale, 'ex.queued', { position: state.position });
    case 'failed':
      if (state.code === 'unreachable')
        return t(locale, 'ex.error', { message: t(locale, 'ex.unreachable') });
      if (state.code === 'invalid_message') return t(locale, 'ex.invalidMessage');
      // The queue has no room for this tab, or none at all: its retry advice, in these words.
      if (state.code === 'queue_full' || state.code === 'rate_limited')
        return t(locale, 'ex.busy', { seconds: state.retryAfterS ?? 5 });
      // The server's message is English for API users; the page words the code itself.
      return t(locale, 'ex.error', {
        message: isErrorCode(state.code)
          ? errorText(locale, { code: state.code, params: state.params })
          : state.code,
      });
  }
}
