// A simplified Go scheduler (src/runtime/proc.go): goroutines (runnable/running/waiting/dead) on GOMAXPROCS Ps,
// each P with a `runnext` slot and a local run queue, plus the global run queue; park/ready transitions driven
// by the primitives' effects, timers for time.Sleep, and checkdead's global deadlock check.
//
// Simplifications (documented for learners): no Ms/threads, syscalls, netpoller or GC; a local runq is
// unbounded (real: 256 entries, runqputslow spills half to the global queue); work stealing takes half of the
// first non-empty victim queue, else a victim's runnext (real: random victim order, 4 tries); timers live in one
// list and a fired timer readies its goroutine onto the global queue (real: per-P timer heaps, goready onto
// the P that ran the timer).

import {
  failure,
  say,
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

/** proc.go goroutine states, as a learner sees them (_Grunnable, _Grunning, _Gwaiting, _Gdead). */
export type GStatus = 'runnable' | 'running' | 'waiting' | 'dead';

/** One goroutine. */
export interface SchedG {
  id: GoroutineId;
  status: GStatus;
  waitReason: WaitReason | null;
  /** For `sleep`: the logical time (ns) its timer fires. */
  wakeAt: number | null;
  main: boolean;
}

/** One P (processor): the goroutine it runs, its runnext slot and its local run queue. */
export interface SchedP {
  id: string;
  curg: GoroutineId | null;
  runnext: GoroutineId | null;
  runq: GoroutineId[];
  schedtick: number;
}

/** The whole scheduler. */
export interface SchedulerState {
  model: 'scheduler';
  now: number;
  ps: SchedP[];
  globrunq: GoroutineId[];
  goroutines: SchedG[];
  /** main returned: the program exited, other goroutines are simply gone. */
  exited: boolean;
  failure: Failure | null;
}

/** Scheduler transitions; park/ready usually come from a primitive's effects (see applyEffect). */
export type SchedulerEvent =
  | { type: 'go'; parent: GoroutineId; g: GoroutineId }
  | { type: 'schedule'; p: string }
  | { type: 'park'; g: GoroutineId; reason: WaitReason }
  | { type: 'ready'; g: GoroutineId; by: GoroutineId | null }
  | { type: 'gosched'; g: GoroutineId }
  | { type: 'sleep'; g: GoroutineId; ns: number }
  | { type: 'tick'; ns: number }
  | { type: 'exit'; g: GoroutineId };

/** Metadata for the UI. */
export const schedulerInfo: ModelInfo = {
  id: 'scheduler',
  title: 'Goroutine scheduler',
  goVersions: 'Go 1.24+',
  sources: [
    'src/runtime/proc.go: newproc, schedule, findRunnable, runqput, runqget, globrunqget, runqsteal, gopark, goready, goschedImpl, checkdead',
    'src/runtime/runtime2.go: waitReasonStrings',
  ],
  simplifications: [
    'No Ms, syscalls, netpoller or GC workers.',
    'Local run queues are unbounded; stealing takes half of the first non-empty victim queue.',
    'Fired timers put their goroutine on the global run queue.',
    'Global deadlock = nothing running or runnable, no pending timer, main not finished.',
  ],
};

/** A program at start: main goroutine G1 running on P0, `gomaxprocs` Ps. */
export function newSchedulerState(gomaxprocs = 1, now = 0): SchedulerState {
  const ps: SchedP[] = Array.from({ length: gomaxprocs }, (_, i) => ({
    id: `P${i}`,
    curg: null,
    runnext: null,
    runq: [],
    schedtick: 0,
  }));
  ps[0] = { ...ps[0]!, curg: 'G1' };
  return {
    model: 'scheduler',
    now,
    ps,
    globrunq: [],
    goroutines: [{ id: 'G1', status: 'running', waitReason: null, wakeAt: null, main: true }],
    exited: false,
    failure: null,
  };
}

const setG = (s: SchedulerState, id: GoroutineId, patch: Partial<SchedG>): SchedulerState => ({
  ...s,
  goroutines: s.goroutines.map((g) => (g.id === id ? { ...g, ...patch } : g)),
});
const setP = (s: SchedulerState, id: string, patch: Partial<SchedP>): SchedulerState => ({
  ...s,
  ps: s.ps.map((p) => (p.id === id ? { ...p, ...patch } : p)),
});
const pOf = (s: SchedulerState, g: GoroutineId): SchedP | undefined => s.ps.find((p) => p.curg === g);

/** proc.go runqput(pp, gp, next=true): gp takes runnext; the previous runnext is kicked to the local queue's tail. */
function runqputNext(s: SchedulerState, p: SchedP, g: GoroutineId): SchedulerState {
  return setP(s, p.id, { runnext: g, runq: p.runnext ? [...p.runq, p.runnext] : p.runq });
}

function requireG(s: SchedulerState, id: GoroutineId, status: GStatus): SchedG {
  const g = s.goroutines.find((x) => x.id === id);
  if (!g || g.status !== status) throw usageError(`${id} is not ${status}`);
  return g;
}

/** Applies one scheduler event, then runs checkdead. */
export function stepScheduler(state: SchedulerState, event: SchedulerEvent): StepResult<SchedulerState> {
  if (state.failure || state.exited) throw usageError('the program is over');
  let s = state;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  if (event.type === 'go') {
    // newproc: the new goroutine goes into the creating P's runnext (runqput(pp, newg, true)).
    requireG(s, event.parent, 'running');
    if (s.goroutines.some((g) => g.id === event.g)) throw usageError(`${event.g} exists`);
    const p = pOf(s, event.parent)!;
    s = {
      ...s,
      goroutines: [
        ...s.goroutines,
        { id: event.g, status: 'runnable', waitReason: null, wakeAt: null, main: false },
      ],
    };
    s = runqputNext(s, p, event.g);
    tell('sched.go', `${event.parent} starts ${event.g}; it waits in ${p.id}'s runnext slot.`, {
      parent: event.parent,
      g: event.g,
      p: p.id,
    });
  } else if (event.type === 'schedule') {
    const r = findRunnable(s, event.p);
    s = r.state;
    n.push(...r.narration);
  } else if (event.type === 'park' || event.type === 'sleep') {
    // gopark: running → waiting with a reason; the P drops it and calls schedule().
    requireG(s, event.g, 'running');
    const p = pOf(s, event.g)!;
    const reason: WaitReason = event.type === 'park' ? event.reason : 'sleep';
    const wakeAt = event.type === 'sleep' ? s.now + event.ns : null;
    s = setP(setG(s, event.g, { status: 'waiting', waitReason: reason, wakeAt }), p.id, { curg: null });
    tell('sched.park', `${event.g} parks [${reason}]; ${p.id} is free to run something else.`, {
      g: event.g,
      reason,
      p: p.id,
    });
  } else if (event.type === 'ready') {
    // goready → ready(gp, next=true): waiting → runnable into the readying goroutine's P runnext.
    requireG(s, event.g, 'waiting');
    s = setG(s, event.g, { status: 'runnable', waitReason: null, wakeAt: null });
    const p = event.by ? pOf(s, event.by) : undefined;
    if (p) s = runqputNext(s, p, event.g);
    else s = { ...s, globrunq: [...s.globrunq, event.g] };
    tell('sched.ready', `${event.g} becomes runnable (${p ? `${p.id}'s runnext` : 'global run queue'}).`, {
      g: event.g,
      where: p?.id ?? 'global',
    });
  } else if (event.type === 'gosched') {
    // goschedImpl (Gosched and async preemption): running → runnable onto the global run queue.
    requireG(s, event.g, 'running');
    const p = pOf(s, event.g)!;
    s = setP(setG(s, event.g, { status: 'runnable' }), p.id, { curg: null });
    s = { ...s, globrunq: [...s.globrunq, event.g] };
    tell('sched.gosched', `${event.g} yields ${p.id} and joins the global run queue.`, {
      g: event.g,
      p: p.id,
    });
  } else if (event.type === 'tick') {
    s = { ...s, now: s.now + event.ns };
    for (const g of s.goroutines.filter((x) => x.wakeAt !== null && x.wakeAt <= s.now)) {
      s = setG(s, g.id, { status: 'runnable', waitReason: null, wakeAt: null });
      s = { ...s, globrunq: [...s.globrunq, g.id] };
      tell('sched.timer', `${g.id}'s timer fires; it is runnable again.`, { g: g.id });
    }
  } else {
    // goexit: running → dead. When main returns, the whole program exits (runtime.main calls exit(0)).
    const g = requireG(s, event.g, 'running');
    s = setP(setG(s, event.g, { status: 'dead', waitReason: null }), pOf(s, event.g)!.id, { curg: null });
    if (g.main) s = { ...s, exited: true };
    tell(
      g.main ? 'sched.exit.main' : 'sched.exit',
      g.main ? 'main returns: the program exits, other goroutines vanish.' : `${event.g} finishes.`,
      { g: event.g },
    );
  }
  const dead = checkdead(s);
  if (dead) {
    s = { ...s, failure: dead };
    fx.push({ kind: 'failure', failure: dead });
    tell('sched.deadlock', dead.printed, {});
  }
  return { state: s, narration: n, effects: fx };
}

/** proc.go schedule → findRunnable: 1/61 global first, runnext, local runq, global runq, steal half. */
function findRunnable(s: SchedulerState, pid: string): { state: SchedulerState; narration: Narration[] } {
  const p = s.ps.find((x) => x.id === pid);
  if (!p || p.curg) throw usageError(`${pid} is not idle`);
  const run = (st: SchedulerState, g: GoroutineId, from: string, patch: Partial<SchedP>) => ({
    state: setG(setP(st, pid, { ...patch, curg: g, schedtick: p.schedtick + 1 }), g, {
      status: 'running' as const,
    }),
    narration: [say('sched.run', `${pid} runs ${g} (taken from ${from}).`, { p: pid, g, from })],
  });
  const [gHead, ...gRest] = s.globrunq;
  if (p.schedtick % 61 === 0 && p.schedtick > 0 && gHead)
    return run({ ...s, globrunq: gRest }, gHead, 'the global queue (fairness check every 61 ticks)', {});
  if (p.runnext) return run(s, p.runnext, 'runnext', { runnext: null });
  const [lHead, ...lRest] = p.runq;
  if (lHead) return run(s, lHead, 'its local run queue', { runq: lRest });
  if (gHead) return run({ ...s, globrunq: gRest }, gHead, 'the global run queue', {});
  const victim = s.ps.find((x) => x.id !== pid && x.runq.length > 0);
  if (victim) {
    const take = Math.ceil(victim.runq.length / 2);
    const [first, ...others] = victim.runq.slice(0, take);
    const st = setP(s, victim.id, { runq: victim.runq.slice(take) });
    return run(st, first!, `${victim.id} by work stealing`, { runq: [...p.runq, ...others] });
  }
  // runqgrab with stealRunNextG (the last steal attempt) may take a victim's runnext.
  const nextVictim = s.ps.find((x) => x.id !== pid && x.runnext);
  if (nextVictim?.runnext) {
    const st = setP(s, nextVictim.id, { runnext: null });
    return run(st, nextVictim.runnext, `${nextVictim.id}'s runnext by work stealing`, {});
  }
  return { state: s, narration: [say('sched.idle', `${pid} finds no work and stays idle.`, { p: pid })] };
}

/** proc.go checkdead: nothing running or runnable and no timers pending → the global-deadlock fatal error. */
export function checkdead(s: SchedulerState): Failure | null {
  if (s.exited || s.failure) return null;
  const busy = s.goroutines.some((g) => g.status === 'running' || g.status === 'runnable');
  const timers = s.goroutines.some((g) => g.wakeAt !== null);
  return busy || timers ? null : failure('deadlock', 'all goroutines are asleep - deadlock!', null);
}

/** True once checkdead fired. */
export function schedulerIsDeadlocked(s: SchedulerState): boolean {
  return s.failure?.kind === 'deadlock';
}

/** Scheduling choices now: an idle P picking work, or advancing the clock to the next timer when all sleep. */
export function schedulerEnabledEvents(s: SchedulerState): EnabledEvent<SchedulerEvent>[] {
  if (s.failure || s.exited) return [];
  const anyWork = s.globrunq.length > 0 || s.ps.some((p) => p.runq.length > 0);
  const out: EnabledEvent<SchedulerEvent>[] = s.ps
    .filter((p) => !p.curg && (p.runnext || p.runq.length > 0 || anyWork))
    .map((p) => ({
      goroutine: null,
      event: { type: 'schedule', p: p.id },
      label: `${p.id}: schedule()`,
      key: 'sched.label.schedule',
    }));
  const next = Math.min(...s.goroutines.map((g) => g.wakeAt ?? Infinity));
  if (!s.goroutines.some((g) => g.status === 'running' || g.status === 'runnable') && Number.isFinite(next)) {
    out.push({
      goroutine: null,
      event: { type: 'tick', ns: next - s.now },
      label: `advance the clock to ${next} ns`,
      key: 'sched.label.tick',
    });
  }
  return out;
}

/** Forwards a primitive's effect (park/ready/failure) to the scheduler; other effects leave it unchanged. */
export function applyEffect(s: SchedulerState, effect: Effect): StepResult<SchedulerState> {
  if (effect.kind === 'park')
    return stepScheduler(s, { type: 'park', g: effect.goroutine, reason: effect.reason });
  if (effect.kind === 'ready') return stepScheduler(s, { type: 'ready', g: effect.goroutine, by: effect.by });
  if (effect.kind === 'failure')
    return { state: { ...s, failure: effect.failure }, narration: [], effects: [] };
  return { state: s, narration: [], effects: [] };
}

/** A goroutine dump in Go's traceback header format, e.g. `goroutine 2 [sync.Mutex.Lock]:`. */
export function goroutineDump(s: SchedulerState): string[] {
  return s.goroutines
    .filter((g) => g.status !== 'dead')
    .map((g) => `goroutine ${g.id.replace(/^G/, '')} [${g.status === 'waiting' ? g.waitReason : g.status}]:`);
}
