/**
 * The lifecycle of one run as the playground shows it, as a pure transition function:
 * idle → connecting → queued → building → running → done | failed | stopped.
 * Time is passed in, so the status line can be computed and tested without timers.
 */
import type { RunResult } from '../../contract/run.ts';
import type { StreamMessage } from '../../contract/stream.ts';
import { errorText, t, type Locale } from '../i18n/index.ts';
import { isErrorCode } from '../../contract/errors.ts';

export type RunPhase =
  'idle' | 'connecting' | 'queued' | 'building' | 'running' | 'done' | 'failed' | 'stopped';

export interface RunState {
  phase: RunPhase;
  race: boolean;
  position: number;
  startedAt: number;
  endedAt: number;
  result: RunResult | null;
  error: {
    code: string;
    message: string;
    params?: Readonly<Record<string, unknown>> | undefined;
    retryAfterS?: number | undefined;
  } | null;
}

export type RunEvent =
  | { type: 'start'; at: number; race: boolean }
  | { type: 'message'; at: number; message: StreamMessage }
  | { type: 'stop'; at: number }
  | { type: 'unreachable'; at: number }
  /** The server sent a message off the contract: the run ends, the client cannot read it. */
  | { type: 'invalid'; at: number };

export const INITIAL_RUN: RunState = {
  phase: 'idle',
  race: true,
  position: 0,
  startedAt: 0,
  endedAt: 0,
  result: null,
  error: null,
};

/** Returns true while a run is in flight (Run is disabled, Stop enabled). */
export function isBusy(state: RunState): boolean {
  return (
    state.phase === 'connecting' ||
    state.phase === 'queued' ||
    state.phase === 'building' ||
    state.phase === 'running'
  );
}

/** Returns the next state; events that do not apply in a phase are ignored. */
export function reduceRun(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'start':
      return { ...INITIAL_RUN, phase: 'connecting', race: event.race, startedAt: event.at };
    case 'stop':
      return isBusy(state) ? { ...state, phase: 'stopped', endedAt: event.at } : state;
    case 'unreachable':
      return isBusy(state)
        ? { ...state, phase: 'failed', endedAt: event.at, error: { code: 'unreachable', message: '' } }
        : state;
    case 'invalid':
      return isBusy(state)
        ? { ...state, phase: 'failed', endedAt: event.at, error: { code: 'invalid_message', message: '' } }
        : state;
    case 'message': {
      if (!isBusy(state)) return state;
      const m = event.message;
      switch (m.type) {
        case 'queued':
          return { ...state, phase: 'queued', position: m.position };
        case 'phase':
          return { ...state, phase: m.phase === 'queued' ? 'queued' : m.phase };
        case 'output':
        case 'stopped':
          return state.phase === 'running' ? state : { ...state, phase: 'running' };
        case 'result':
          return { ...state, phase: 'done', endedAt: event.at, result: m.result };
        case 'error':
          return {
            ...state,
            phase: 'failed',
            endedAt: event.at,
            error: { code: m.error, message: m.message, params: m.params, retryAfterS: m.retryAfterS },
          };
      }
    }
  }
  return state;
}

/** Returns the status line for the current state. */
export function statusText(state: RunState, locale: Locale, now: number): string {
  const seconds = (((state.endedAt || now) - state.startedAt) / 1000).toFixed(1);
  switch (state.phase) {
    case 'idle':
      return t(locale, 'pg.status.idle');
    case 'connecting':
      return t(locale, 'pg.status.connecting');
    case 'queued':
      // The server says "queued" as it accepts the job; a position follows only if it must wait.
      return state.position > 0
        ? t(locale, 'pg.status.queued', { position: state.position })
        : t(locale, 'pg.status.starting');
    case 'building':
      return `${t(locale, state.race ? 'pg.status.building' : 'pg.status.building.norace')} ${t(locale, 'pg.status.elapsed', { seconds })}`;
    case 'running':
      return `${t(locale, 'pg.status.running')} ${t(locale, 'pg.status.elapsed', { seconds })}`;
    case 'stopped':
      return t(locale, 'pg.status.stopped');
    case 'done':
      return `${t(locale, `pg.verdict.${state.result!.status}`)} · ${t(locale, 'pg.status.done', { seconds })}`;
    case 'failed': {
      const e = state.error!;
      if (e.code === 'unreachable') return t(locale, 'pg.unreachable');
      if (e.code === 'invalid_message') return t(locale, 'pg.invalidMessage');
      // The server's message is English for API users; the page words the code itself.
      const words = isErrorCode(e.code) ? errorText(locale, { code: e.code, params: e.params }) : e.code;
      if (e.code === 'runner_unavailable') return words;
      if (e.code === 'queue_full' || e.code === 'rate_limited')
        return t(locale, 'pg.busy', { seconds: e.retryAfterS ?? 5 });
      return t(locale, 'pg.error', { message: words });
    }
  }
}
