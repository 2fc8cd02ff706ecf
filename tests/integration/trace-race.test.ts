/**
 * A race report joined to the trace of the same run, against the real runner: the race detector
 * numbers goroutines its own way (the main goroutine is 0, the others ThreadSanitizer's ids), so
 * the timeline finds each access's goroutine by the go statement that created it and the
 * function it started with (components/timeline/race-marks.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../contract/run.ts';
import type { Timeline } from '../../contract/timeline.ts';
import { buildModel } from '../../components/timeline/model.ts';
import { raceMarks } from '../../components/timeline/race-marks.ts';
import { mainProgram, startRunner, type Runner } from './harness.ts';

// Extra goroutines start first, so the trace's ids and the race detector's usually drift apart
// (they can meet by chance; the main goroutine's never do: the report calls it 0).
const RACY = `package main

import (
	"fmt"
	"sync"
	"time"
)

var hits int

func idle(wg *sync.WaitGroup) { defer wg.Done(); time.Sleep(time.Millisecond) }

func writer(done chan<- bool) {
	hits++
	done <- true
}

func main() {
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go idle(&wg)
	}
	wg.Wait()
	done := make(chan bool)
	go writer(done)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(hits)
	<-done
}
`;

let runner: Runner;
beforeAll(async () => {
  runner = await startRunner({ LOCKSTEP_RUN_TIMEOUT_MS: '8000' });
  await runner.waitWarm();
}, 300_000);
afterAll(async () => runner?.close());

function timelineOf(body: RunResult): Timeline {
  if (!body.trace || !('timeline' in body.trace))
    throw new Error(`no timeline: ${JSON.stringify(body.trace)}`);
  return body.trace.timeline;
}

describe('race accesses on the timeline of the same run', () => {
  it('puts the write on the writer’s lane and the read on main’s, whatever numbers the report uses', async () => {
    const { statusCode, body } = await runner.run({ ...mainProgram(RACY), trace: true });
    expect(statusCode).toBe(200);
    expect(body.status).toBe('race');
    const timeline = timelineOf(body);
    const model = buildModel(timeline, { files: { 'main.go': RACY } });
    const marks = raceMarks(model, body.races);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    const writerG = timeline.goroutines.find((g) => g.startFunc === 'main.writer')!.id;
    const lineOf = (text: string) => RACY.split('\n').findIndex((l) => l.includes(text)) + 1;
    const write = marks.find((m) => m.at?.line === lineOf('hits++'))!;
    const read = marks.find((m) => m.at?.line === lineOf('fmt.Println(hits)'))!;
    expect(write).toMatchObject({ g: writerG, candidates: [writerG] });
    // The report calls main 0, never a goroutine id: matching by id could not place this one.
    expect(read).toMatchObject({ reportG: 0, g: 1 });
  }, 120_000);
});
