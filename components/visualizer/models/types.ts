// Shared types for the visualizer's pure models. Every model is a plain-data state machine:
// `step(state, event) -> { state, narration, effects }`, no classes, no timers, no I/O.
// States are JSON-safe (numbers, strings, booleans, null, arrays, plain objects) so a scenario can be
// shared by URL at a given step, compared in tests with toEqual, and rendered without adapters.

/** A goroutine id as shown in Go tracebacks, written `G1`, `G2`, … (goroutine 1 is main). */
export type GoroutineId = string;

/** JSON-safe scalar used in narration parameters. */
export type Param = string | number | boolean;

/**
 * One sentence of narration as a model emits it: a code and its facts. The words are the browser's:
 * each model folder has narration-en.ts and narration-zh.ts, keyed alike, and i18n/narrate.ts picks one.
 * `K` is the model's key union (the keys of its narration-en.ts), so a model cannot emit an unknown key.
 */
export interface Narration<K extends string = string> {
  key: K;
  params: Record<string, Param>;
}

/**
 * Wait reasons exactly as printed in goroutine dumps, from `waitReasonStrings` in
 * src/runtime/runtime2.go (Go 1.24+). Only the ones the models use are listed.
 */
export type WaitReason =
  | 'sync.Mutex.Lock'
  | 'sync.RWMutex.RLock'
  | 'sync.RWMutex.Lock'
  | 'sync.WaitGroup.Wait'
  | 'sync.Cond.Wait'
  | 'chan send'
  | 'chan receive'
  | 'chan send (nil chan)'
  | 'chan receive (nil chan)'
  | 'select'
  | 'select (no cases)'
  | 'semacquire'
  | 'sleep';

/** How a simulated program died: runtime `fatal` (unrecoverable), a `panic`, or the global deadlock check. */
export interface Failure {
  kind: 'fatal' | 'panic' | 'deadlock';
  /** The message without its prefix, e.g. `sync: unlock of unlocked mutex`. */
  message: string;
  /** The first line Go prints, e.g. `fatal error: sync: unlock of unlocked mutex`. */
  printed: string;
  goroutine: GoroutineId | null;
}

/**
 * Side effects a model reports so a scenario driver can forward them to other models
 * (park/ready for a scheduler, release/acquire for the happens-before model). Models never apply them to each other.
 */
export type Effect =
  | { kind: 'park'; goroutine: GoroutineId; reason: WaitReason }
  | { kind: 'ready'; goroutine: GoroutineId; by: GoroutineId | null; handoff: boolean }
  | { kind: 'release'; goroutine: GoroutineId; sync: string; merge: boolean }
  | { kind: 'acquire'; goroutine: GoroutineId; sync: string }
  | { kind: 'failure'; failure: Failure };

/** The result of one transition. */
export interface StepResult<S> {
  state: S;
  narration: Narration[];
  effects: Effect[];
}

/**
 * A choice the "you are the scheduler" UI can offer: which goroutine steps next, and what that step
 * does as a code + params (`mutex.label.cas`). The label's words sit in the model's narration tables
 * beside its sentences, so `K` makes a label missing from either language a compile error.
 */
export interface EnabledEvent<E, K extends string = string> {
  goroutine: GoroutineId | null;
  event: E;
  label: Narration<K>;
}

/** Static metadata a model exports for the UI (title, Go versions it is faithful to, cited sources). */
export interface ModelInfo {
  id: string;
  title: string;
  /** The Go versions whose source this model follows, e.g. `Go 1.24+` or `Go ≤ 1.23`. */
  goVersions: string;
  /** Go source files and functions the rules come from. */
  sources: string[];
  /** Deliberate simplifications, in plain English, shown in the UI's "about this model" panel. */
  simplifications: string[];
}

/** Builds a narration entry. */
export function say<K extends string>(key: K, params: Record<string, Param> = {}): Narration<K> {
  return { key, params };
}

/** Returns a function that appends a narration entry to `out` (keeps step functions short). */
export function teller<K extends string>(out: Narration[]): (key: K, params?: Record<string, Param>) => void {
  return (key, params = {}) => {
    out.push(say(key, params));
  };
}

/** Builds a Failure with the exact first line Go prints for it. */
export function failure(kind: Failure['kind'], message: string, goroutine: GoroutineId | null): Failure {
  const printed =
    kind === 'fatal'
      ? `fatal error: ${message}`
      : kind === 'panic'
        ? `panic: ${message}`
        : `fatal error: ${message}`;
  return { kind, message, printed, goroutine };
}

/** Wraps a JS number to a Go int32 (two's complement), as atomic.AddInt32 and CompareAndSwapInt32 see it. */
export function int32(n: number): number {
  return n | 0;
}

/** Replaces the element at `index` in a readonly array, returning a new array (immutability helper). */
export function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  return items.map((item, i) => (i === index ? value : item));
}

/** Builds the Error thrown when a scenario asks a model for an impossible step (a scenario bug, not Go's). */
export function usageError(message: string): Error {
  const error = new Error(message);
  error.name = 'ModelUsageError';
  return error;
}
