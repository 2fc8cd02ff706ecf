// sync.RWMutex as a step-by-step state machine, following src/sync/rwmutex.go (Go 1.24+): RLock, RUnlock,
// rUnlockSlow, Lock, Unlock, with readerCount/readerWait as atomic.Int32, rwmutexMaxReaders = 1 << 30,
// and the two runtime semaphores writerSem/readerSem (sema.ts). Writer preference: once a writer subtracts
// rwmutexMaxReaders, readerCount is negative and every new RLock parks — which is why recursive read locking
// and RLock→Lock upgrades deadlock.

import { cansemacquire, newSema, semaEnqueue, semrelease, type Sema } from './sema.ts';
import {
  failure,
  int32,
  replaceAt,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type Failure,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type StepResult,
  type WaitReason,
} from './types.ts';

/** rwmutex.go: const rwmutexMaxReaders = 1 << 30. */
export const rwmutexMaxReaders = 1 << 30;

/** One call in a goroutine's program; `work` is a no-op step. */
export type RWOp = 'rlock' | 'runlock' | 'lock' | 'unlock' | 'work';

/** Where a goroutine is inside the algorithm. */
export type RWPc =
  | 'start'
  | 'rlockSem'
  | 'runlockSlow'
  | 'lockAnnounce'
  | 'lockWait'
  | 'unlockRelease'
  | 'unlockW'
  | 'parked'
  | 'woken'
  | 'done';

/** A goroutine and its program of RWMutex calls. */
export interface RWGoroutine {
  id: GoroutineId;
  program: RWOp[];
  ip: number;
  pc: RWPc;
  /** The local `r` of RUnlock/Lock/Unlock. */
  r: number;
  /** Read locks this goroutine currently holds (bookkeeping; Go does not track owners). */
  readHeld: number;
  writeHeld: boolean;
  blockedOn: 'w' | 'readerSem' | 'writerSem' | null;
}

/** The writer-exclusion Mutex `w`, shown simplified (see mutex.ts for its real algorithm). */
export interface WriterLock {
  locked: boolean;
  holder: GoroutineId | null;
  waiters: GoroutineId[];
}

/** The whole RWMutex scenario. */
export interface RWMutexState {
  model: 'rwmutex';
  readerCount: number;
  readerWait: number;
  w: WriterLock;
  writerSem: Sema;
  readerSem: Sema;
  goroutines: RWGoroutine[];
  failure: Failure | null;
}

/** Advance one goroutine by one micro-step. */
export type RWMutexEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const rwmutexInfo: ModelInfo = {
  id: 'rwmutex',
  title: 'sync.RWMutex',
  goVersions: 'Go 1.24+',
  sources: [
    'src/sync/rwmutex.go: RLock, RUnlock, rUnlockSlow, Lock, Unlock',
    'src/runtime/sema.go: semacquire1, semrelease1',
  ],
  simplifications: [
    'The inner writer Mutex w is a simple lock with a FIFO queue and direct handoff; mutex.ts models its real algorithm.',
    "Unlock's loop of runtime_Semrelease(&rw.readerSem) calls runs as one step.",
    'TryLock/TryRLock are not modelled.',
  ],
};

/** A fresh scenario with one goroutine per program. */
export function newRWMutexState(programs: Record<GoroutineId, RWOp[]>): RWMutexState {
  return {
    model: 'rwmutex',
    readerCount: 0,
    readerWait: 0,
    w: { locked: false, holder: null, waiters: [] },
    writerSem: newSema(),
    readerSem: newSema(),
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length > 0 ? 'start' : 'done',
      r: 0,
      readHeld: 0,
      writeHeld: false,
      blockedOn: null,
    })),
    failure: null,
  };
}

/** readerCount shown as a learner reads it: `2 − 2^30` while a writer is pending. */
export function describeReaderCount(readerCount: number): {
  value: number;
  writerPending: boolean;
  readers: number;
  text: string;
} {
  const writerPending = readerCount < 0;
  const readers = writerPending ? readerCount + rwmutexMaxReaders : readerCount;
  return {
    value: readerCount,
    writerPending,
    readers,
    text: writerPending ? `${readers} − 2^30` : `${readers}`,
  };
}

const reasonFor = {
  w: 'sync.Mutex.Lock',
  readerSem: 'sync.RWMutex.RLock',
  writerSem: 'sync.RWMutex.Lock',
} as const;

/** Applies one event and returns the new state, narration and effects. */
export function stepRWMutex(state: RWMutexState, event: RWMutexEvent): StepResult<RWMutexState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  if (!found || found.pc === 'parked' || found.pc === 'done') throw usageError(`${event.g} cannot step now`);
  let s = state;
  let g: RWGoroutine = found;
  const id = g.id;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  const rc = (v: number): string => describeReaderCount(v).text;
  const finish = (patch: Partial<RWGoroutine> = {}): void => {
    const ip = g.ip + 1;
    g = { ...g, ...patch, ip, pc: ip < g.program.length ? 'start' : 'done', blockedOn: null };
  };
  const park = (on: 'w' | 'readerSem' | 'writerSem'): void => {
    const reason: WaitReason = reasonFor[on];
    g = { ...g, pc: 'parked', blockedOn: on };
    fx.push({ kind: 'park', goroutine: id, reason });
  };
  const wake = (target: GoroutineId, patch: Partial<RWGoroutine>): void => {
    s = {
      ...s,
      goroutines: s.goroutines.map((x) => (x.id === target ? { ...x, pc: 'woken', ...patch } : x)),
    };
    fx.push({ kind: 'ready', goroutine: target, by: id, handoff: false });
  };
  const die = (message: string, key: string): void => {
    const f = failure('fatal', message, id);
    s = { ...s, failure: f };
    g = { ...g, pc: 'done' };
    fx.push({ kind: 'failure', failure: f });
    tell(key, `${id}: ${f.printed}`, { g: id });
  };
  const readAcquired = (): void => {
    fx.push({ kind: 'acquire', goroutine: id, sync: 'rw.readerSem' }); // race.Acquire(&rw.readerSem)
    finish({ readHeld: g.readHeld + 1 });
  };
  const writeAcquired = (): void => {
    fx.push(
      { kind: 'acquire', goroutine: id, sync: 'rw.readerSem' },
      { kind: 'acquire', goroutine: id, sync: 'rw.writerSem' },
    );
    finish({ writeHeld: true });
  };
  const op = g.program[g.ip];

  if (g.pc === 'start' && op === 'rlock') {
    // RLock: `if rw.readerCount.Add(1) < 0 { runtime_SemacquireRWMutexR(&rw.readerSem, false, 0) }`.
    const v = int32(s.readerCount + 1);
    s = { ...s, readerCount: v };
    if (v < 0) {
      g = { ...g, pc: 'rlockSem' };
      tell(
        'rw.rlock.pending',
        `${id}: RLock adds 1 → readerCount = ${rc(v)} < 0: a writer is pending, so ${id} must wait.`,
        { g: id, readerCount: v },
      );
    } else {
      tell('rw.rlock.ok', `${id}: RLock adds 1 → readerCount = ${v}; it reads.`, { g: id, readerCount: v });
      readAcquired();
    }
  } else if (g.pc === 'rlockSem') {
    // runtime_SemacquireRWMutexR(&rw.readerSem, false, 0) → semacquire1: take a count or park.
    const got = cansemacquire(s.readerSem);
    if (got) {
      s = { ...s, readerSem: got };
      readAcquired();
    } else {
      s = { ...s, readerSem: semaEnqueue(s.readerSem, id, false) };
      park('readerSem');
      tell('rw.rlock.parked', `${id} parks on readerSem until the writer unlocks [sync.RWMutex.RLock].`, {
        g: id,
      });
    }
  } else if (g.pc === 'start' && op === 'runlock') {
    // RUnlock: `if r := rw.readerCount.Add(-1); r < 0 { rw.rUnlockSlow(r) }`.
    fx.push({ kind: 'release', goroutine: id, sync: 'rw.writerSem', merge: true }); // race.ReleaseMerge(&rw.writerSem)
    const r = int32(s.readerCount - 1);
    s = { ...s, readerCount: r };
    g = { ...g, r, readHeld: Math.max(0, g.readHeld - 1) };
    if (r < 0) {
      g = { ...g, pc: 'runlockSlow' };
      tell(
        'rw.runlock.slow',
        `${id}: RUnlock → readerCount = ${rc(r)} < 0: a writer is pending, take the slow path.`,
        { g: id, readerCount: r },
      );
    } else {
      tell('rw.runlock.ok', `${id}: RUnlock → readerCount = ${r}.`, { g: id, readerCount: r });
      finish();
    }
  } else if (g.pc === 'runlockSlow') {
    // rUnlockSlow: fatal if it was not read-locked; `if rw.readerWait.Add(-1) == 0 { Semrelease(&rw.writerSem) }`.
    if (g.r + 1 === 0 || g.r + 1 === -rwmutexMaxReaders) {
      die('sync: RUnlock of unlocked RWMutex', 'rw.runlock.fatal');
    } else {
      const wait = int32(s.readerWait - 1);
      s = { ...s, readerWait: wait };
      if (wait === 0) {
        const rel = semrelease(s.writerSem, false);
        s = { ...s, writerSem: rel.sema };
        if (rel.woken) wake(rel.woken, {});
        tell(
          'rw.runlock.lastReader',
          `${id} is the last departing reader (readerWait = 0): it wakes the writer.`,
          { g: id, woken: rel.woken ?? '' },
        );
      } else {
        tell(
          'rw.runlock.departing',
          `${id} leaves; the writer still waits for ${wait} reader(s) (readerWait = ${wait}).`,
          { g: id, readerWait: wait },
        );
      }
      finish();
    }
  } else if (g.pc === 'start' && op === 'lock') {
    // Lock: `rw.w.Lock()` first resolves competition with other writers.
    if (!s.w.locked) {
      s = { ...s, w: { ...s.w, locked: true, holder: id } };
      g = { ...g, pc: 'lockAnnounce' };
      tell('rw.lock.w', `${id}: Lock takes the writer mutex w.`, { g: id });
    } else {
      s = { ...s, w: { ...s.w, waiters: [...s.w.waiters, id] } };
      park('w');
      tell(
        'rw.lock.wBlocked',
        `${id}: Lock waits for writer mutex w (held by ${s.w.holder}); status waiting [sync.Mutex.Lock].`,
        { g: id, holder: s.w.holder ?? '' },
      );
    }
  } else if (g.pc === 'lockAnnounce') {
    // `r := rw.readerCount.Add(-rwmutexMaxReaders) + rwmutexMaxReaders` announces the pending writer.
    const v = int32(s.readerCount - rwmutexMaxReaders);
    const r = v + rwmutexMaxReaders;
    s = { ...s, readerCount: v };
    if (r !== 0) {
      g = { ...g, r, pc: 'lockWait' };
      tell(
        'rw.lock.announce',
        `${id} subtracts 2^30: readerCount = ${rc(v)}. New readers will now block; ${r} active reader(s) must leave.`,
        { g: id, readerCount: v, r },
      );
    } else {
      tell(
        'rw.lock.acquired',
        `${id} subtracts 2^30: readerCount = ${rc(v)}; no active readers, it owns the write lock.`,
        { g: id, readerCount: v },
      );
      writeAcquired();
    }
  } else if (g.pc === 'lockWait') {
    // `if r != 0 && rw.readerWait.Add(r) != 0 { runtime_SemacquireRWMutex(&rw.writerSem, false, 0) }`.
    const wait = int32(s.readerWait + g.r);
    s = { ...s, readerWait: wait };
    const got = wait === 0 ? null : cansemacquire(s.writerSem);
    if (wait === 0) {
      tell(
        'rw.lock.readersGone',
        `${id}: readerWait += ${g.r} gives 0: the readers already left; it owns the write lock.`,
        { g: id },
      );
      writeAcquired();
    } else if (got) {
      s = { ...s, writerSem: got };
      writeAcquired();
    } else {
      s = { ...s, writerSem: semaEnqueue(s.writerSem, id, false) };
      park('writerSem');
      tell(
        'rw.lock.wait',
        `${id}: readerWait = ${wait}; it parks on writerSem until the last reader leaves [sync.RWMutex.Lock].`,
        { g: id, readerWait: wait },
      );
    }
  } else if (g.pc === 'woken') {
    // Back from semacquire1 (or from w's handoff): consume the semaphore count and continue.
    const on = g.blockedOn;
    if (on === 'w') {
      g = { ...g, pc: 'lockAnnounce', blockedOn: null };
      tell('rw.lock.wHandoff', `${id} now holds the writer mutex w.`, { g: id });
    } else {
      const sem = on === 'readerSem' ? s.readerSem : s.writerSem;
      const got = cansemacquire(sem);
      if (!got || on === null) throw usageError(`${id} woke without a semaphore count`);
      s = on === 'readerSem' ? { ...s, readerSem: got } : { ...s, writerSem: got };
      tell(
        `rw.woken.${on}`,
        on === 'readerSem'
          ? `${id} wakes: the writer finished, its RLock returns.`
          : `${id} wakes: all readers left, it owns the write lock.`,
        { g: id },
      );
      if (on === 'readerSem') readAcquired();
      else writeAcquired();
    }
  } else if (g.pc === 'start' && op === 'unlock') {
    // Unlock: `r := rw.readerCount.Add(rwmutexMaxReaders)`; `if r >= rwmutexMaxReaders { fatal(...) }`.
    fx.push({ kind: 'release', goroutine: id, sync: 'rw.readerSem', merge: false }); // race.Release(&rw.readerSem)
    const r = int32(s.readerCount + rwmutexMaxReaders);
    s = { ...s, readerCount: r };
    if (r >= rwmutexMaxReaders) {
      die('sync: Unlock of unlocked RWMutex', 'rw.unlock.fatal');
    } else {
      g = { ...g, r, pc: 'unlockRelease', writeHeld: false };
      tell(
        'rw.unlock.announce',
        `${id}: Unlock adds 2^30 back: readerCount = ${r} (${r} reader(s) were blocked).`,
        { g: id, readerCount: r },
      );
    }
  } else if (g.pc === 'unlockRelease') {
    // `for i := 0; i < int(r); i++ { runtime_Semrelease(&rw.readerSem, false, 0) }`.
    const woken: GoroutineId[] = [];
    for (let i = 0; i < g.r; i++) {
      const rel = semrelease(s.readerSem, false);
      s = { ...s, readerSem: rel.sema };
      if (rel.woken) woken.push(rel.woken);
    }
    for (const w of woken) wake(w, {});
    g = { ...g, pc: 'unlockW' };
    tell(
      'rw.unlock.release',
      `${id} releases readerSem ${g.r} time(s)${woken.length ? `, waking ${woken.join(', ')}` : ''}.`,
      { g: id, count: g.r, woken: woken.join(',') },
    );
  } else if (g.pc === 'unlockW') {
    // `rw.w.Unlock()` lets the next writer proceed.
    const [next, ...rest] = s.w.waiters;
    s = {
      ...s,
      w: next ? { locked: true, holder: next, waiters: rest } : { locked: false, holder: null, waiters: [] },
    };
    if (next) wake(next, { blockedOn: 'w' });
    tell('rw.unlock.w', `${id} unlocks the writer mutex w${next ? `; ${next} gets it` : ''}.`, {
      g: id,
      next: next ?? '',
    });
    finish();
  } else if (g.pc === 'start' && op === 'work') {
    tell('rw.work', `${id} runs one step of ordinary code.`, { g: id });
    finish();
  } else {
    throw usageError(`${id} has no step at ${g.pc}`);
  }
  return { state: { ...s, goroutines: replaceAt(s.goroutines, index, g) }, narration: n, effects: fx };
}

/** The micro-steps that can run now. */
export function rwmutexEnabledEvents(state: RWMutexState): EnabledEvent<RWMutexEvent>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g) => g.pc !== 'parked' && g.pc !== 'done')
    .map((g) => {
      const what = g.pc === 'start' ? (g.program[g.ip] ?? 'done') : g.pc;
      return {
        goroutine: g.id,
        event: { type: 'step', g: g.id },
        label: `${g.id}: ${what}`,
        key: `rw.label.${what}`,
      };
    });
}

/** True when every unfinished goroutine is parked. */
export function rwmutexIsDeadlocked(state: RWMutexState): boolean {
  const live = state.goroutines.filter((g) => g.pc !== 'done');
  return !state.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}

/** Explains a deadlock in learner terms and classifies it (recursive RLock, RLock→Lock upgrade, other). */
export function explainRWDeadlock(
  state: RWMutexState,
): { kind: 'recursive-rlock' | 'lock-upgrade' | 'other'; narration: Narration[] } | null {
  if (!rwmutexIsDeadlocked(state)) return null;
  const n: Narration[] = [];
  const tell = teller(n);
  let kind: 'recursive-rlock' | 'lock-upgrade' | 'other' = 'other';
  const pendingWriter = state.goroutines.find((g) => g.blockedOn === 'writerSem');
  for (const g of state.goroutines.filter((x) => x.pc === 'parked')) {
    if (g.blockedOn === 'readerSem') {
      const holds = g.readHeld > 0 ? ` while it already holds ${g.readHeld} read lock(s)` : '';
      if (g.readHeld > 0 && pendingWriter) kind = 'recursive-rlock';
      tell(
        'rw.deadlock.reader',
        `${g.id} waits in RLock behind pending writer ${pendingWriter?.id ?? '?'}${holds}.`,
        { g: g.id, writer: pendingWriter?.id ?? '', readHeld: g.readHeld },
      );
    } else if (g.blockedOn === 'writerSem') {
      if (g.readHeld > 0 && kind === 'other') kind = 'lock-upgrade';
      const holders = state.goroutines.filter((x) => x.readHeld > 0).map((x) => x.id);
      tell(
        'rw.deadlock.writer',
        `${g.id} waits in Lock for reader(s) ${holders.join(', ')} to call RUnlock (readerWait = ${state.readerWait}).`,
        { g: g.id, readers: holders.join(','), readerWait: state.readerWait },
      );
    } else {
      tell('rw.deadlock.w', `${g.id} waits for writer mutex w held by ${state.w.holder ?? '?'}.`, {
        g: g.id,
        holder: state.w.holder ?? '',
      });
    }
  }
  tell(
    'rw.deadlock.summary',
    'No goroutine can proceed: fatal error: all goroutines are asleep - deadlock!',
    {},
  );
  return { kind, narration: n };
}
