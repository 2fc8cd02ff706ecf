/**
 * Pure: the Go program scripts/synthetic-timeline.ts simulates — main starts workers that each loop
 * on a region around mu.Lock(); total += id; mu.Unlock() and sleep every tenth turn — and the
 * stacks its waits and wakes carry, pointing at its own lines as the converter's would.
 */
import type { TimelineFrame } from '../contract/timeline.ts';

/** Innermost frame first, as in the contract. */
export interface ProgramStacks {
  lock: TimelineFrame[];
  unlock: TimelineFrame[];
  sleep: TimelineFrame[];
  wait: TimelineFrame[];
  /** The go statement that starts each worker. */
  created: TimelineFrame;
}

/** The program; worker count filled in. Its lines are found by their text, not numbered by hand. */
export function program(workers: number): string {
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

/** The stacks the program's waits and wakes have, with its own lines. */
export function stacksOf(source: string): ProgramStacks {
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
  return {
    lock: [{ func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 }, ...inRegion('mu.Lock()')],
    unlock: [{ func: 'sync.(*Mutex).Unlock', file: 'sync/mutex.go', line: 65 }, ...inRegion('mu.Unlock()')],
    sleep: [
      { func: 'time.Sleep', file: 'runtime/time.go', line: 363 },
      { func: 'main.worker', file: 'main.go', line: lineOf(source, 'time.Sleep') },
    ],
    wait: [{ func: 'sync.(*WaitGroup).Wait', file: 'sync/waitgroup.go', line: 118 }, main('wg.Wait()')],
    created: main('go worker('),
  };
}
