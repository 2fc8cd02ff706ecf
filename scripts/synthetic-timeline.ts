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
import type { Span, Timeline, TimelineFrame, TimelineRegion, Waker } from '../contract/timeline.ts';

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

/** The program; worker count filled in. Its lines are found by their text, not numbered by hand. */
function program(workers: number): string {
  return `package main

import (
\t"context"
\t"fmt"
\t"runtime/trace"
\t"sync"
\t"time"
)

var (
\tmu    sync.Mutex
\ttotal int
)

func worker(ctx context.Context, id int, wg *sync.WaitGroup) {
\tdefer wg.Done()
\tfor i := 0; ; i++ {
\t\ttrace.WithRegion(ctx, "update", func() {
\t\t\tmu.Lock()
\t\t\ttotal += id
\t\t\tmu.Unlock()
\t\t})
\t\tif i%10 == 9 {
\t\t\ttime.Sleep(time.Millisecond)
\t\t}
\t}
}

func main() {
\tctx := context.Background()
\tvar wg sync.WaitGroup
\tfor id := 1; id <= ${workers}; id++ {
\t\twg.Add(1)
\t\tgo worker(ctx, id, &wg)
\t}
\twg.Wait()
\tfmt.Println(total)
}
`;
}

/** The 1-based line of the first line of source containing text. */
function lineOf(source: string, text: string): number {
  const index = source.split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`synthetic program lacks ${text}`);
  return index + 1;
}

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

/** Events of a timeline as this module counts them: spans, region starts and ends seen. */
export function timelineEvents(timeline: Timeline): number {
  return (
    timeline.spans.length +
    timeline.regions.filter((r) => r.start !== null).length +
    timeline.regions.filter((r) => r.end !== null).length
  );
}

export function syntheticTimeline(options: SyntheticOptions): SyntheticTimeline {
  const workers = (options.goroutines ?? 20) - 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > WORKERS_MAX)
    throw new Error(`goroutines must be 2..${WORKERS_MAX + 1}`);
  const startUp = 1 + 2 * workers;
  if (!Number.isInteger(options.events) || options.events < startUp)
    throw new Error(`events must be an integer ≥ ${startUp} for ${workers + 1} goroutines`);
  const source = program(workers);
  const main = (line: string): TimelineFrame => ({
    func: 'main.main',
    file: 'main.go',
    line: lineOf(source, line),
  });
  const inRegion = (line: string): TimelineFrame[] => [
    { func: 'main.worker.func1', file: 'main.go', line: lineOf(source, line) },
    { func: 'runtime/trace.WithRegion', file: 'runtime/trace/annotation.go', line: 141 },
    { func: 'main.worker', file: 'main.go', line: lineOf(source, 'trace.WithRegion') },
  ];
  const lockStack = [
    { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
    ...inRegion('mu.Lock()'),
  ];
  const unlockStack = [
    { func: 'sync.(*Mutex).Unlock', file: 'sync/mutex.go', line: 65 },
    ...inRegion('mu.Unlock()'),
  ];
  const sleepStack = [
    { func: 'time.Sleep', file: 'runtime/time.go', line: 363 },
    { func: 'main.worker', file: 'main.go', line: lineOf(source, 'time.Sleep') },
  ];
  const waitStack = [
    { func: 'sync.(*WaitGroup).Wait', file: 'sync/waitgroup.go', line: 118 },
    main('wg.Wait()'),
  ];
  const created = main('go worker(');

  const rand = random(options.seed ?? 1);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo));
  const ids = Array.from({ length: workers }, (_, i) => 20 + i);
  const spans: Span[] = [];
  const regions: TimelineRegion[] = [];
  const open = new Map<number, Open>();
  const openRegion = new Map<number, TimelineRegion>();
  const turns = new Map<number, number>();
  const waiters: number[] = [];
  let owner: number | null = null;
  let events = 0;
  let endNs = 0;
  const queue: Due[] = [];
  let seq = 0;
  const at = (t: number, g: number, kind: Kind) => queue.push({ t, seq: seq++, g, kind });

  /** One event: returns false once the budget is spent, and nothing more is recorded. */
  const event = (t: number): boolean => {
    if (events >= options.events) return false;
    events++;
    endNs = Math.max(endNs, t);
    return true;
  };
  /** The state change of g at t: its open span ends (with who woke it), the next one begins. */
  const become = (g: number, t: number, next: Omit<Open, 'g' | 'start'>, wokenBy?: Waker): boolean => {
    if (!event(t)) return false;
    const was = open.get(g);
    if (was) spans.push({ ...was, end: t, ...(wokenBy ? { wokenBy } : {}) });
    open.set(g, { g, start: t, ...next });
    return true;
  };
  const regionStart = (g: number, t: number): boolean => {
    if (!event(t)) return false;
    const region = { g, type: 'update', task: 0, start: t, end: null };
    regions.push(region);
    openRegion.set(g, region);
    return true;
  };
  const regionEnd = (g: number, t: number): boolean => {
    if (!event(t)) return false;
    openRegion.get(g)!.end = t;
    openRegion.delete(g);
    return true;
  };

  // main starts every worker (each is runnable until a thread takes it), then waits in wg.Wait.
  become(1, 0, { state: 'running' });
  let t = 0;
  for (const g of ids) {
    t += between(300, 900);
    become(g, t, { state: 'runnable' });
    at(t + between(500, 3000), g, 'start');
  }
  at(t + between(100, 400), 1, 'running');

  const steps: Record<Kind, (due: Due) => boolean> = {
    running: (d) => become(d.g, d.t, { state: 'waiting', reason: 'waitgroup', stack: waitStack }),
    start: (d) =>
      become(d.g, d.t, { state: 'running' }) && (at(d.t + between(2000, 20_000), d.g, 'lock'), true),
    woken: (d) =>
      become(d.g, d.t, { state: 'running' }) && (at(d.t + between(2000, 20_000), d.g, 'lock'), true),
    lock: (d) => {
      if (!regionStart(d.g, d.t)) return false;
      if (owner === null) {
        owner = d.g;
        at(d.t + between(800, 3000), d.g, 'unlock');
        return true;
      }
      waiters.push(d.g);
      return become(d.g, d.t, { state: 'waiting', reason: 'mutex', stack: lockStack });
    },
    acquired: (d) =>
      become(d.g, d.t, { state: 'running' }) && (at(d.t + between(800, 3000), d.g, 'unlock'), true),
    unlock: (d) => {
      owner = null;
      const next = waiters.shift();
      if (next !== undefined) {
        // The waiter is handed the lock: runnable from the Unlock until a thread runs it.
        owner = next;
        if (!become(next, d.t, { state: 'runnable' }, { g: d.g, stack: unlockStack })) return false;
        at(d.t + between(300, 2500), next, 'acquired');
      }
      at(d.t + between(50, 200), d.g, 'leave');
      return true;
    },
    leave: (d) => {
      if (!regionEnd(d.g, d.t)) return false;
      const turn = (turns.get(d.g) ?? 0) + 1;
      turns.set(d.g, turn);
      // Every tenth turn: time.Sleep(time.Millisecond).
      at(
        d.t + (turn % 10 === 0 ? between(100, 400) : between(2000, 20_000)),
        d.g,
        turn % 10 === 0 ? 'sleep' : 'lock',
      );
      return true;
    },
    sleep: (d) => {
      if (!become(d.g, d.t, { state: 'waiting', reason: 'sleep', stack: sleepStack })) return false;
      at(d.t + 1_000_000 + between(0, 50_000), d.g, 'wake');
      return true;
    },
    // A timer ends the sleep: no goroutine woke it, so no wokenBy.
    wake: (d) =>
      become(d.g, d.t, { state: 'runnable' }) && (at(d.t + between(300, 2500), d.g, 'woken'), true),
  };
  while (queue.length > 0 && events < options.events) {
    let first = 0;
    for (let i = 1; i < queue.length; i++) {
      const [a, b] = [queue[i]!, queue[first]!];
      if (a.t < b.t || (a.t === b.t && a.seq < b.seq)) first = i;
    }
    const [due] = queue.splice(first, 1);
    if (!steps[due!.kind](due!)) break;
  }
  // What is still open runs to the end of the trace, as the converter writes it.
  for (const span of open.values()) spans.push({ ...span, end: Math.max(endNs, span.start) });
  spans.sort((a, b) => a.start - b.start || a.g - b.g);
  return {
    timeline: {
      version: 1,
      endNs,
      goroutines: [
        { id: 1, startFunc: 'main.main', created: null },
        ...ids.map((id) => ({ id, startFunc: 'main.worker', created })),
      ],
      spans,
      regions,
      tasks: [],
      logs: [],
      gc: [],
      hiddenGoroutines: 4,
      truncated: null,
    },
    files: { 'main.go': source },
  };
}
