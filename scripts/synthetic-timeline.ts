/**
 * Pure: a generated timeline (contract/timeline.ts) of a believable Go program, for bench:page's
 * timeline row. Twenty goroutines — main and nineteen workers that each loop on
 * `trace.WithRegion(ctx, "update", …)` around `mu.Lock(); total += id; mu.Unlock()` and sleep every
 * tenth turn — simulated on a seeded clock, so the timeline has what a real trace of that program
 * has: mutex waits woken by the holder's Unlock, wake latency (runnable), sleeps without a waker,
 * regions, main waiting in wg.Wait, spans still open at the end. The program's source comes with
 * it, so the view finds the learner's lines the stacks name.
 *
 * The size is counted in events: one per span (each span starts with a state change) and one per
 * region start and end seen. The simulation stops at exactly the number asked for, as the
 * converter's event cap would cut a trace.
 */
import type { Span, Timeline, TimelineRegion, Waker } from '../contract/timeline.ts';
import { program, stacksOf, type ProgramStacks } from './synthetic-program.ts';

export interface SyntheticOptions {
  /** Events in the timeline (at least the start-up: 1 + 2 per worker). */
  events: number;
  /** Goroutines, main included (default 20). */
  goroutines?: number;
  /** The clock's seed: the same seed gives the same timeline. */
  seed?: number;
}

export interface SyntheticTimeline {
  timeline: Timeline;
  /** The program the timeline is of, as a playground would hold it. */
  files: Record<string, string>;
}

const WORKERS_MAX = 500;

/** mulberry32: a small seeded generator, enough for durations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Open = Omit<Span, 'end'>;
type Kind = 'start' | 'lock' | 'acquired' | 'unlock' | 'leave' | 'sleep' | 'wake' | 'woken' | 'running';
interface Due {
  t: number;
  seq: number;
  g: number;
  kind: Kind;
}

/**
 * Events of a timeline, counted as bench:page and bench:timelines count them: one per span (each
 * starts with a state change), one per region or task start and end seen, one per log, two per GC
 * phase. (The converter's own count, truncated.afterEvents, also holds events it leaves out.)
 */
export function timelineEvents(timeline: Timeline): number {
  const seen = (xs: readonly { start: number | null; end: number | null }[]) =>
    xs.filter((x) => x.start !== null).length + xs.filter((x) => x.end !== null).length;
  return (
    timeline.spans.length +
    seen(timeline.regions) +
    seen(timeline.tasks) +
    timeline.logs.length +
    2 * timeline.gc.length
  );
}

/** What the trace records, up to a budget of events: every call returns false once it is spent. */
class Recorder {
  readonly spans: Span[] = [];
  readonly regions: TimelineRegion[] = [];
  endNs = 0;
  events = 0;
  private readonly open = new Map<number, Open>();
  private readonly openRegion = new Map<number, TimelineRegion>();
  private readonly budget: number;
  constructor(budget: number) {
    this.budget = budget;
  }

  private event(t: number): boolean {
    if (this.events >= this.budget) return false;
    this.events++;
    this.endNs = Math.max(this.endNs, t);
    return true;
  }

  /** The state change of g at t: its open span ends (with who woke it), the next one begins. */
  become(g: number, t: number, next: Omit<Open, 'g' | 'start'>, wokenBy?: Waker): boolean {
    if (!this.event(t)) return false;
    const was = this.open.get(g);
    if (was) this.spans.push({ ...was, end: t, ...(wokenBy ? { wokenBy } : {}) });
    this.open.set(g, { g, start: t, ...next });
    return true;
  }

  regionStart(g: number, t: number): boolean {
    if (!this.event(t)) return false;
    const region = { g, type: 'update', task: 0, start: t, end: null };
    this.regions.push(region);
    this.openRegion.set(g, region);
    return true;
  }

  regionEnd(g: number, t: number): boolean {
    if (!this.event(t)) return false;
    this.openRegion.get(g)!.end = t;
    this.openRegion.delete(g);
    return true;
  }

  /** The spans in start order; what is still open runs to the end, as the converter writes it. */
  finish(): Span[] {
    const spans = [
      ...this.spans,
      ...[...this.open.values()].map((s) => ({ ...s, end: Math.max(this.endNs, s.start) })),
    ];
    return spans.sort((a, b) => a.start - b.start || a.g - b.g);
  }
}

/** The simulated clock: what happens next, in time order (ties in the order they were planned). */
class Clock {
  private readonly queue: Due[] = [];
  private seq = 0;
  at(t: number, g: number, kind: Kind): void {
    this.queue.push({ t, seq: this.seq++, g, kind });
  }
  next(): Due | undefined {
    let first = 0;
    for (let i = 1; i < this.queue.length; i++) {
      const [a, b] = [this.queue[i]!, this.queue[first]!];
      if (a.t < b.t || (a.t === b.t && a.seq < b.seq)) first = i;
    }
    return this.queue.splice(first, 1)[0];
  }
}

/** What each planned moment does in the program: one mutex, handed to the first waiter on Unlock. */
function programSteps(
  rec: Recorder,
  clock: Clock,
  stacks: ProgramStacks,
  between: (lo: number, hi: number) => number,
): Record<Kind, (due: Due) => boolean> {
  const waiters: number[] = [];
  const turns = new Map<number, number>();
  let owner: number | null = null;
  const run = (d: Due, then: Kind, lo: number, hi: number) =>
    rec.become(d.g, d.t, { state: 'running' }) && (clock.at(d.t + between(lo, hi), d.g, then), true);
  return {
    running: (d) => rec.become(d.g, d.t, { state: 'waiting', reason: 'waitgroup', stack: stacks.wait }),
    start: (d) => run(d, 'lock', 2000, 20_000),
    woken: (d) => run(d, 'lock', 2000, 20_000),
    acquired: (d) => run(d, 'unlock', 800, 3000),
    lock: (d) => {
      if (!rec.regionStart(d.g, d.t)) return false;
      if (owner === null) {
        owner = d.g;
        clock.at(d.t + between(800, 3000), d.g, 'unlock');
        return true;
      }
      waiters.push(d.g);
      return rec.become(d.g, d.t, { state: 'waiting', reason: 'mutex', stack: stacks.lock });
    },
    unlock: (d) => {
      owner = waiters.shift() ?? null;
      if (owner !== null) {
        // The waiter is handed the lock: runnable from the Unlock until a thread runs it.
        if (!rec.become(owner, d.t, { state: 'runnable' }, { g: d.g, stack: stacks.unlock })) return false;
        clock.at(d.t + between(300, 2500), owner, 'acquired');
      }
      clock.at(d.t + between(50, 200), d.g, 'leave');
      return true;
    },
    leave: (d) => {
      if (!rec.regionEnd(d.g, d.t)) return false;
      const turn = (turns.get(d.g) ?? 0) + 1;
      turns.set(d.g, turn);
      // Every tenth turn: time.Sleep(time.Millisecond).
      if (turn % 10 === 0) clock.at(d.t + between(100, 400), d.g, 'sleep');
      else clock.at(d.t + between(2000, 20_000), d.g, 'lock');
      return true;
    },
    sleep: (d) => {
      if (!rec.become(d.g, d.t, { state: 'waiting', reason: 'sleep', stack: stacks.sleep })) return false;
      clock.at(d.t + 1_000_000 + between(0, 50_000), d.g, 'wake');
      return true;
    },
    // A timer ends the sleep: no goroutine woke it, so no wokenBy.
    wake: (d) =>
      rec.become(d.g, d.t, { state: 'runnable' }) && (clock.at(d.t + between(300, 2500), d.g, 'woken'), true),
  };
}

export function syntheticTimeline(options: SyntheticOptions): SyntheticTimeline {
  const workers = (options.goroutines ?? 20) - 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > WORKERS_MAX)
    throw new Error(`goroutines must be 2..${WORKERS_MAX + 1}`);
  const startUp = 1 + 2 * workers;
  if (!Number.isInteger(options.events) || options.events < startUp)
    throw new Error(`events must be an integer ≥ ${startUp} for ${workers + 1} goroutines`);
  const source = program(workers);
  const stacks = stacksOf(source);
  const rand = random(options.seed ?? 1);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo));
  const rec = new Recorder(options.events);
  const clock = new Clock();
  const ids = Array.from({ length: workers }, (_, i) => 20 + i);

  // main starts every worker (each is runnable until a thread takes it), then waits in wg.Wait.
  rec.become(1, 0, { state: 'running' });
  let t = 0;
  for (const g of ids) {
    t += between(300, 900);
    rec.become(g, t, { state: 'runnable' });
    clock.at(t + between(500, 3000), g, 'start');
  }
  clock.at(t + between(100, 400), 1, 'running');
  const steps = programSteps(rec, clock, stacks, between);
  for (let due = clock.next(); due && steps[due.kind](due); due = clock.next());

  return {
    timeline: {
      version: 1,
      endNs: rec.endNs,
      goroutines: [
        { id: 1, startFunc: 'main.main', created: null },
        ...ids.map((id) => ({ id, startFunc: 'main.worker', created: stacks.created })),
      ],
      spans: rec.finish(),
      regions: rec.regions,
      tasks: [],
      logs: [],
      gc: [],
      hiddenGoroutines: 4,
      truncated: null,
    },
    files: { 'main.go': source },
  };
}
