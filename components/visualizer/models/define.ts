/**
 * What a model folder hands the registry: the pure driver (step, enabled events, deadlock, failure),
 * how a scenario builds its first state and is validated, its state panel and its narration in each locale.
 * Adding a model = adding a folder whose index.ts exports one ModelDef, plus one line in registry.ts.
 */
import type { Lane, PredictField, Predicate, Scenario } from '../engine/types.ts';
import type { Template } from '../i18n/format.ts';
import type { RenderCtx } from '../render/context.ts';
import type { ScenarioSchema } from '../scenario/schema-kit.ts';
import type { Locale } from '../../i18n/index.ts';
import type { EnabledEvent, Failure, ModelInfo, StepResult } from './types.ts';

/** The uniform interface every model offers, so the engine can treat every model the same way. */
export interface ModelDriver<S, E> {
  info: ModelInfo;
  step: (state: S, event: E) => StepResult<S>;
  /** Goroutine steps that can run now; empty for models driven by free-form events. */
  enabledEvents: (state: S) => EnabledEvent<E>[];
  isDeadlocked: (state: S) => boolean;
  failure: (state: S) => Failure | null;
}

/** A model as the visualizer uses it. */
export interface ModelDef<S, E, K extends string = string> extends ModelDriver<S, E> {
  /**
   * `stepped`: the model steps its own goroutines (`{type:'step', g}`); `events`: each lane carries
   * events applied in program order (wait-for, happens-before, false sharing, legacy sync.Map).
   */
  drive: 'stepped' | 'events';
  /** The scenario's `initial` options and the element type of a lane's `program` (checked at build time). */
  schema: ScenarioSchema;
  /** The state before any move, from the lanes' programs and `initial`. */
  init: (scenario: Scenario) => S;
  /** The state panel after the current step. N.B. runs in the browser only. */
  view: (ctx: RenderCtx, state: S) => HTMLElement[];
  /**
   * Narration templates by locale and narration key: the model emits `{ key, params }` only, and
   * i18n/narrate.ts renders it with these. `K` (the keys of the model's narration-en.ts) makes a key
   * missing from either locale a compile error.
   */
  narration: Narrations<K>;
  /** An event of an event-driven model written as the Go call it stands for. */
  eventText?: (locale: Locale, event: E) => string;
  /**
   * Where a stepped model's goroutine is (op index, pc, blocked or not, what it holds); null when the
   * model does not know the lane. Event-driven models without it: the lane's next event.
   */
  cursor?: (state: S, lane: Lane, eventsDone: number) => LanePos | null;
  /**
   * The model's own scenario predicates (e.g. `starving` for the mutex); engine/predicates.ts answers
   * the ones every model shares (deadlock, fatal, panic, allDone) and false for a kind a model lacks.
   */
  predicates?: Partial<Record<Predicate['kind'], (state: S, p: Predicate) => boolean>>;
  /** The state fields a "predict the state" level may ask for, read from the state. */
  predict?: Partial<Record<PredictField, (state: S) => number>>;
  /** Inputs a field needs beyond a plain number (the mutex's bit toggles). N.B. runs in the browser only. */
  predictInput?: Partial<Record<PredictField, PredictInput>>;
  /** Why the program deadlocked, in the page's language; null falls back to Go's one-line message. */
  deadlockNotes?: (locale: Locale, state: S) => string[] | null;
  /** An event-driven lane that is blocked and cannot take its next event (wait-for's queued goroutines). */
  isWaiting?: (state: S, g: string) => boolean;
  /** The model has a clock that scripts may advance with `{ "tick": ns }` moves. */
  clock?: boolean;
  /** A clock model's current time in ns (the engine offers learner ticks only up to the scenario's limit). */
  clockNow?: (state: S) => number;
  /**
   * Whether advancing the clock can change anything now: the engine offers learner ticks only then, so a
   * level's state space stays small (the mutex: while some goroutine has queued and so has a waitStartTime).
   */
  clockMatters?: (state: S) => boolean;
  /** The model reads a spin environment (`initial.spinEnv`) that a scenario's `spin` choices may set. */
  spinEnv?: boolean;
}

/** A "predict the state" input: its elements, its value, and the value written as the learner reads it. */
export interface PredictInputView {
  el: HTMLElement;
  read: () => number;
  describe: (v: number) => string;
}
/** Builds a predict input; `changed` is called on every edit. */
export type PredictInput = (t: RenderCtx['t'], changed: () => void) => PredictInputView;

/** One narration table per locale, with the same keys. */
export type Narrations<K extends string = string> = Record<Locale, Record<K, Template>>;

/**
 * A lane's status: `ready` can step, `blocked` waits (reason as in goroutine dumps), `done` finished,
 * `failed` crashed the program, `stopped` was still running when another goroutine crashed it.
 */
export type LaneStatus = 'ready' | 'blocked' | 'done' | 'failed' | 'stopped';

/**
 * A lock a goroutine holds, as a fact: `read` marks a shared (RLock) hold, which the page words in its
 * own language (i18n/held.ts), so no model writes "(read)" into a Chinese page.
 */
export interface HeldLock {
  lock: string;
  read?: boolean;
}

/** Where a goroutine is in its program, as a model reports it (the engine maps it to a code line). */
export interface LanePos {
  ip: number | null;
  pc: string;
  status: LaneStatus;
  reason: string | null;
  holds: HeldLock[];
  /** A private value, e.g. the register in the counter++ model. */
  register: number | null;
  /** sync.Mutex lockSlow's locals while the goroutine is inside lockSlow (parked in it included), else null. */
  lockSlow: LockSlowLocals | null;
  /** A goroutine that must run before this one can (the mutex handoff's runnext on a single P), else null. */
  runsAfter: string | null;
}

/** The locals of internal/sync/mutex.go lockSlow a lane shows, as facts (the page words them). */
export interface LockSlowLocals {
  starving: boolean;
  /** runtime_nanotime() when it first queued; 0 = has not queued yet. */
  waitStartTime: number;
  awoke: boolean;
  iter: number;
  /** Whether it queues (or, parked, queued) at the front of m.sema: `queueLifo := waitStartTime != 0`. */
  queueLifo: boolean;
}

/** A LanePos: `done` when pc is, else ready, unless `extra` says otherwise. */
export function lanePos(ip: number | null, pc: string, extra: Partial<LanePos> = {}): LanePos {
  return {
    ip,
    pc,
    status: pc === 'done' ? 'done' : 'ready',
    reason: null,
    holds: [],
    register: null,
    lockSlow: null,
    runsAfter: null,
    ...extra,
  };
}

/** An event-driven lane after `n` of its events: on the next one, or done after the last. */
export function eventLanePos(lane: Lane, n: number, extra: Partial<LanePos> = {}): LanePos {
  const total = lane.program?.length ?? 0;
  return lanePos(n >= total ? null : n, n >= total ? 'done' : 'start', extra);
}

/** Every lane's program, by goroutine id (the schema already checked the element type). */
export function programs<T>(s: Scenario): Record<string, T[]> {
  return Object.fromEntries(s.goroutines.map((g) => [g.id, (g.program ?? []) as T[]]));
}

export const none = (): never[] => [];
export const never = (): boolean => false;
export const noFailure = (): null => null;
export const failureOf = (s: { failure: Failure | null }): Failure | null => s.failure;
