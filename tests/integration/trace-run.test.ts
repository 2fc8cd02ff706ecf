/**
 * trace: true against the real runner (HTTP and the stream): the wrapper's overlay for run, go
 * test -c + -test.trace for test, the converter in its own sandbox, the result's trace. Line
 * numbers of the learner's files are those of an untraced run.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRequest, RunResult } from '../../contract/run.ts';
import { StreamMessage } from '../../contract/stream.ts';
import type { Timeline } from '../../contract/timeline.ts';
import { mainProgram, startRunner, type Runner } from './harness.ts';

const PROGRAMS = resolve(import.meta.dirname, '../../playground/trace-timeline/testdata/programs');
const program = (name: string, file = 'main.go'): string => readFileSync(join(PROGRAMS, name, file), 'utf8');

let runner: Runner;

let base: string;

beforeAll(async () => {
  runner = await startRunner({ LOCKSTEP_RUN_TIMEOUT_MS: '8000', LOCKSTEP_TEST_TIMEOUT_MS: '10000' });
  await runner.waitWarm();
  await runner.app.listen({ port: 0, host: '127.0.0.1' });
  const address = runner.app.server.address();
  base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 300_000);
afterAll(async () => runner?.close());

function timelineOf(body: RunResult): Timeline {
  expect(body.trace).toBeDefined();
  if (!body.trace || !('timeline' in body.trace))
    throw new Error(`no timeline: ${JSON.stringify(body.trace)}`);
  return body.trace.timeline;
}

const lineIn = (stack: { file: string; line: number }[] | undefined, file: string): number | undefined =>
  stack?.find((f) => f.file === file)?.line;

describe('trace: true for run', () => {
  it('times the three goroutines on one mutex: waits at mu.Lock(), woken at mu.Unlock()', async () => {
    const { statusCode, body } = await runner.run({ ...mainProgram(program('mutex')), trace: true });
    expect(statusCode).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.stdout.match(/has the lock/g)).toHaveLength(3);
    const timeline = timelineOf(body);
    const waits = timeline.spans.filter((s) => s.reason === 'mutex');
    expect(waits.length).toBeGreaterThanOrEqual(3);
    for (const wait of waits) {
      expect(lineIn(wait.stack, 'main.go')).toBe(26);
      const waker = lineIn(wait.wokenBy?.stack, 'main.go');
      // main's mu.Unlock() (line 20) or a worker's (line 29).
      expect([20, 29]).toContain(waker);
    }
    // The learner's paths are stripped: no frame names the sandbox's directories.
    const files = timeline.spans.flatMap((s) => (s.stack ?? []).map((f) => f.file));
    expect(files.filter((f) => f.startsWith('/'))).toEqual([]);
  }, 120_000);

  it('says in health that tracing is available once the converter is built', async () => {
    const { body } = await runner.run({ ...mainProgram(program('mutex')), trace: true });
    expect(body.status).toBe('ok');
    expect((await runner.health()).tracing).toEqual({ available: true, converter: 'ready' });
  }, 120_000);

  it('cuts a long timeline at 200 KB of JSON and says so (issue #18: the budget of a timeline)', async () => {
    // 20,000 round trips on unbuffered channels: each blocks both goroutines, ~80,000 events.
    const source =
      'package main\n\nfunc main() {\n\tping, pong := make(chan int), make(chan int)\n\tgo func() {\n\t\tfor v := range ping {\n\t\t\tpong <- v + 1\n\t\t}\n\t}()\n\ttotal := 0\n\tfor i := 0; i < 20000; i++ {\n\t\tping <- i\n\t\ttotal += <-pong\n\t}\n\tprintln(total)\n}\n';
    const { statusCode, body } = await runner.run({
      action: 'run',
      files: { 'main.go': source },
      trace: true,
    });
    expect(statusCode).toBe(200);
    expect(body.status).toBe('ok');
    const timeline = timelineOf(body);
    expect(timeline.truncated?.cause).toBe('max_bytes');
    expect(Buffer.byteLength(JSON.stringify(timeline))).toBeLessThanOrEqual(200_000);
    // Cut, not emptied: the first part of the run is there, both goroutines waiting on their channels.
    const channelWaits = timeline.spans.filter((s) => s.reason === 'chan_send' || s.reason === 'chan_recv');
    expect(channelWaits.length).toBeGreaterThan(100);
  }, 120_000);

  it('answers without trace when none was asked', async () => {
    const { body } = await runner.run(mainProgram(program('mutex')));
    expect(body.status).toBe('ok');
    expect(body).not.toHaveProperty('trace');
  }, 120_000);

  it('keeps the timeline of a program that panics', async () => {
    const source =
      'package main\n\nimport "time"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { time.Sleep(5 * time.Millisecond); ch <- 1 }()\n\t<-ch\n\tpanic("boom")\n}\n';
    const { body } = await runner.run({ ...mainProgram(source), trace: true });
    expect(body.status).toBe('panic');
    const timeline = timelineOf(body);
    const recv = timeline.spans.find((s) => s.reason === 'chan_recv' && lineIn(s.stack, 'main.go') === 8);
    expect(recv).toBeDefined();
  }, 120_000);

  it('keeps the timeline of a program that ends with os.Exit(3)', async () => {
    const source =
      'package main\n\nimport (\n\t"os"\n\t"sync"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done() }()\n\twg.Wait()\n\tos.Exit(3)\n}\n';
    const { body } = await runner.run({ ...mainProgram(source), trace: true });
    expect(body.exitCode).toBe(3);
    const timeline = timelineOf(body);
    expect(timeline.goroutines.some((g) => g.id === 1)).toBe(true);
  }, 120_000);

  it('says not_built for a compile error', async () => {
    const { body } = await runner.run({ ...mainProgram('package main\n\nfunc main() { x }\n'), trace: true });
    expect(body.status).toBe('compile_error');
    expect(body.trace).toEqual({ missing: 'not_built' });
  }, 120_000);

  it('answers missing with the converter code when the program overwrites its trace with garbage', async () => {
    // The wrapper names the file in LOCKSTEP_TRACE and unsets it before main; the learner finds
    // the file by its well-known place instead, as a hostile program would.
    const source = `package main

import "os"

func main() {
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = 0xa5
	}
	if err := os.WriteFile("/sandbox/trace/trace.out", junk, 0o644); err != nil {
		panic(err)
	}
	os.Exit(0)
}
`;
    const { body } = await runner.run({ ...mainProgram(source), trace: true });
    expect(body.status).toBe('ok');
    expect(body.trace).toHaveProperty('missing');
    // The converter's own verdict on the garbage, not its time limit (a hang would end as a timeout code).
    expect(['not_a_trace', 'malformed_trace']).toContain((body.trace as { missing: string }).missing);
  }, 120_000);

  it('lets the program write its trace file only: nothing else in the trace dir', async () => {
    const source = `package main

import (
	"fmt"
	"os"
)

func main() {
	err := os.WriteFile("/sandbox/trace/other", []byte("x"), 0o644)
	fmt.Println(err != nil)
}
`;
    const { body } = await runner.run({ ...mainProgram(source), trace: true });
    expect(body.status).toBe('ok');
    expect(body.stdout).toBe('true\n');
    timelineOf(body);
  }, 120_000);

  it("leaves a race's lines as they are untraced", async () => {
    const racy = `package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
`;
    const plain = (await runner.run(mainProgram(racy))).body;
    const traced = (await runner.run({ ...mainProgram(racy), trace: true })).body;
    expect(plain.status).toBe('race');
    expect(traced.status).toBe('race');
    const lines = (r: RunResult) => r.races.map((race) => race.accesses.map((a) => a.stack[0]));
    expect(lines(traced)).toEqual(lines(plain));
    timelineOf(traced);
  }, 120_000);

  it('keeps the timeline of a deadlock and lists the same goroutines as untraced', async () => {
    const source = program('deadlock');
    const plain = (await runner.run(mainProgram(source))).body;
    const traced = (await runner.run({ ...mainProgram(source), trace: true })).body;
    expect(plain.status).toBe('deadlock');
    expect(traced.status).toBe('deadlock');
    const shape = (r: RunResult) => r.goroutines.map((g) => [g.state, g.frames.map((f) => f.func)]);
    expect(shape(traced)).toEqual(shape(plain));
    const timeline = timelineOf(traced);
    expect(timeline.spans.some((s) => s.reason === 'mutex' && lineIn(s.stack, 'main.go') === 15)).toBe(true);
  }, 120_000);

  it('refuses trace for fmt and vet with a code', async () => {
    for (const action of ['fmt', 'vet'] as const) {
      const { statusCode, json } = await runner.post({
        files: { 'main.go': 'package main\n\nfunc main() {}\n' },
        action,
        trace: true,
      });
      expect(statusCode).toBe(400);
      expect(json).toMatchObject({ error: 'trace_not_for_action', params: { action } });
    }
  }, 120_000);
});

describe('trace: true for test', () => {
  it("records the test binary's trace: the workers wait on the test's mutex", async () => {
    const { body } = await runner.run({
      files: { 'workers_test.go': program('gotest', 'workers_test.go') },
      action: 'test',
      trace: true,
    });
    expect(body.status).toBe('ok');
    expect(body.tests.map((t) => [t.name, t.status])).toEqual([['TestWorkers', 'pass']]);
    const timeline = timelineOf(body);
    const waits = timeline.spans.filter((s) => s.reason === 'mutex');
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const wait of waits) expect(lineIn(wait.stack, 'workers_test.go')).toBe(18);
  }, 120_000);
});

describe('trace: true over the stream', () => {
  /** The stream's messages for one request, each checked against the published contract. */
  function stream(request: RunRequest): Promise<StreamMessage[]> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base}/api/run/stream?client=trace-run`);
      const messages: StreamMessage[] = [];
      ws.onopen = () => ws.send(JSON.stringify(request));
      ws.onmessage = (event) => messages.push(JSON.parse(String(event.data)) as StreamMessage);
      ws.onerror = () => reject(new Error('websocket error'));
      ws.onclose = () => {
        const invalid = messages.filter((m) => !Value.Check(StreamMessage, m));
        if (invalid.length > 0) reject(new Error(`messages off the contract: ${JSON.stringify(invalid)}`));
        else resolve(messages);
      };
    });
  }

  it('carries the timeline in the final result', async () => {
    const messages = await stream({ ...mainProgram(program('mutex')), trace: true });
    const last = messages.at(-1);
    if (last?.type !== 'result') throw new Error(`no result: ${JSON.stringify(last)}`);
    expect(last.result.status).toBe('ok');
    const waits = timelineOf(last.result).spans.filter((s) => s.reason === 'mutex');
    expect(waits.length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
