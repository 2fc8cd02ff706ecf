/**
 * The trace → timeline converter (playground/trace-timeline) built with the real Go, run as the
 * runner will run it: on the checked-in traces of real -race programs, on a cut trace, on garbage
 * and past its caps. Then the `run` wrapper end to end: a learner's program built with -race and
 * the wrapper's overlay, run to a panic, to a deadlock ended by SIGQUIT (as from the watchdog), to
 * os.Exit — the trace survives each, and the learner's line numbers are those of a plain build.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timeline, TimelineError } from '../../contract/timeline.ts';
import { TRACE_LDFLAGS, traceEnv, traceWrapper } from '../../playground/src/trace/wrapper.ts';
import { goOnPathHasFlightRecorder } from '../older-go.ts';

const run = promisify(execFile);
const MODULE = resolve(import.meta.dirname, '../../playground/trace-timeline');
const TESTDATA = join(MODULE, 'testdata');
const capture = JSON.parse(readFileSync(join(TESTDATA, 'capture.json'), 'utf8')) as {
  srcDir: string;
  goroot: string;
};
const traces = readdirSync(TESTDATA)
  .filter((n) => n.endsWith('.trace'))
  .sort();

let work: string;
let converter: string;
let goroot: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'trace-timeline-'));
  converter = join(work, 'trace-timeline');
  await run('go', ['build', '-o', converter, '.'], { cwd: MODULE });
  goroot = (await run('go', ['env', 'GOROOT'])).stdout.trim();
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the converter module', () => {
  it('passes its own Go tests: the folding rules and the golden timelines of the checked-in traces', async () => {
    // go test exits non-zero on a failing test or a golden that no longer matches.
    const { stdout } = await run('go', ['test', '-count=1', './...'], { cwd: MODULE });
    expect(stdout).toMatch(/^ok\s+lockstep\/tracetimeline\/timeline\b/m);
  }, 240_000);
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the converter; input is a file path, or bytes for its standard input. */
function convert(args: string[], input?: Buffer): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(converter, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.stdin.on('error', () => {}); // it may exit (usage) before reading its input
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

const STRIP = ['-strip', capture.srcDir, '-strip', capture.goroot];

function timelineOf(r: Ran): Timeline {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const timeline: unknown = JSON.parse(r.stdout);
  expect([...Value.Errors(Timeline, timeline)].map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  return timeline as Timeline;
}

function errorOf(r: Ran, code: number): TimelineError {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  const error: unknown = JSON.parse(lines[0]!);
  expect(Value.Check(TimelineError, error)).toBe(true);
  return error as TimelineError;
}

describe('the converter on captured traces', () => {
  it.each(traces)(
    '%s gives a timeline the contract accepts, with learner files named as written',
    async (name) => {
      const timeline = timelineOf(await convert([...STRIP, join(TESTDATA, name)]));
      expect(timeline.truncated).toBeNull();
      const files = timeline.spans.flatMap((s) => (s.stack ?? []).map((f) => f.file));
      expect(files.some((f) => f === 'main.go' || f.endsWith('_test.go'))).toBe(true);
      expect(files.filter((f) => f.startsWith('/'))).toEqual([]);
    },
  );

  it('reads standard input as well as a file', async () => {
    const file = join(TESTDATA, 'mutex.trace');
    const fromFile = timelineOf(await convert([...STRIP, file]));
    const fromStdin = timelineOf(await convert([...STRIP], readFileSync(file)));
    expect(fromStdin).toEqual(fromFile);
  });

  it('shows three goroutines waiting in mu.Lock() and who woke each', async () => {
    const timeline = timelineOf(await convert([...STRIP, join(TESTDATA, 'mutex.trace')]));
    const waits = timeline.spans.filter((s) => s.reason === 'mutex');
    expect(waits).toHaveLength(3);
    for (const wait of waits) {
      expect(wait.stack?.find((f) => f.file === 'main.go')?.line).toBe(26);
      expect(wait.wokenBy?.stack.some((f) => f.func === 'sync.(*Mutex).Unlock')).toBe(true);
    }
  });
});

describe('the converter on bad input', () => {
  it('marks a trace cut mid-way, as a killed program leaves it, and keeps what was read', async () => {
    const whole = readFileSync(join(TESTDATA, 'deadlock.trace'));
    const cut = join(work, 'cut.trace');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
    const timeline = timelineOf(await convert([...STRIP, cut]));
    expect(timeline.truncated?.cause).toBe('trace_cut');
    expect(timeline.spans.length).toBeGreaterThan(0);
  });

  it('refuses garbage and an empty input with a code and exit status 3, promptly', async () => {
    const garbage = join(work, 'garbage.trace');
    writeFileSync(garbage, Buffer.alloc(1 << 20, 0xa5));
    expect(errorOf(await convert([garbage]), 3).error).toBe('not_a_trace');
    expect(errorOf(await convert([], Buffer.alloc(0)), 3).error).toBe('not_a_trace');
    // A valid header with nothing after it.
    expect(errorOf(await convert([], Buffer.from('go 1.26 trace\0\0\0')), 3).error).toBe('malformed_trace');
  });

  it('keeps its caps: input, output bytes and events', async () => {
    const file = join(TESTDATA, 'rwmutex.trace');
    expect(errorOf(await convert(['-max-input-bytes', '1000', file]), 4).error).toBe('input_too_large');
    const small = await convert([...STRIP, '-max-bytes', '4096', file]);
    expect(small.stdout.length).toBeLessThanOrEqual(4096);
    expect(timelineOf(small).truncated?.cause).toBe('max_bytes');
    const few = timelineOf(await convert([...STRIP, '-max-events', '40', file]));
    expect(few.truncated).toEqual({ afterEvents: 40, cause: 'max_events' });
  });

  it('gives up with a code when its input never ends, instead of hanging', async () => {
    const ran = await new Promise<Ran>((done) => {
      const child = spawn(converter, ['-timeout', '300ms'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // A trace header, then nothing: standard input stays open until the converter is gone.
      child.stdin.write('go 1.26 trace\0\0\0');
      child.on('close', (code) => {
        child.stdin.destroy();
        done({ code, stdout: '', stderr });
      });
    });
    expect(errorOf(ran, 5).error).toBe('timeout');
  });

  it('answers a bad flag or a missing file with a code', async () => {
    expect(errorOf(await convert(['-max-bytes', '10']), 2).error).toBe('usage');
    expect(errorOf(await convert(['-no-such-flag']), 2).error).toBe('usage');
    expect(errorOf(await convert([join(work, 'absent.trace')]), 6).error).toBe('io');
  });
});

/** Builds main.go with -race, plain or with the trace wrapper; returns the binary's path. */
async function build(dir: string, source: string, traced: boolean, mode?: string): Promise<string> {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  const files = { 'main.go': source, 'go.mod': 'module prog\n\ngo 1.24\n' };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(src, name), text);
  const out = join(dir, traced ? 'traced' : 'plain');
  const args = ['build', '-race', '-o', out];
  if (traced) {
    const wrapper = traceWrapper(files, src, join(dir, 'generated.go'));
    if (mode) expect(wrapper.mode).toBe(mode);
    writeFileSync(join(dir, 'generated.go'), wrapper.source);
    writeFileSync(join(dir, 'overlay.json'), JSON.stringify(wrapper.overlay));
    args.push(`-overlay=${join(dir, 'overlay.json')}`, `-ldflags=${TRACE_LDFLAGS.join(' ')}`);
  }
  await run('go', [...args, '.'], { cwd: src });
  return out;
}

/** Runs a program as the sandbox does; SIGQUIT once it has printed `quitAfter`. */
function execute(binary: string, env: Record<string, string>, quitAfter?: string): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(binary, [], {
      env: { HOME: '/tmp', PATH: '/usr/bin:/bin', GORACE: 'atexit_sleep_ms=0', GOTRACEBACK: 'all', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (quitAfter && stdout.includes(quitAfter)) child.kill('SIGQUIT');
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the run wrapper, end to end with -race', () => {
  const PANIC = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			fmt.Println("worker", i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	var m map[string]int
	m["boom"] = 1
}
`;

  it('keeps the trace of a panicking program, and its panic names the same lines as a plain build', async () => {
    const dir = join(work, 'panic');
    const [plain, traced] = await Promise.all([build(dir, PANIC, false), build(dir, PANIC, true)]);
    const tracePath = join(dir, 'trace.out');
    const withTrace = await execute(traced, traceEnv(tracePath));
    const without = await execute(plain, {});
    expect(withTrace.code).toBe(2);
    const lines = (r: Ran) => [...r.stderr.matchAll(/main\.go:(\d+)/g)].map((m) => Number(m[1]));
    expect(lines(withTrace)[0]).toBe(22);
    expect(lines(withTrace)[0]).toBe(lines(without)[0]);
    const timeline = timelineOf(
      await convert(['-strip', `${join(dir, 'src')}/`, '-strip', `${goroot}/src/`, tracePath]),
    );
    expect(timeline.goroutines.map((g) => g.startFunc)).toContain('main.main.func1');
  });

  it('keeps the trace of a deadlock stopped by SIGQUIT, and the goroutine dump still comes', async () => {
    const source = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
}
`;
    const dir = join(work, 'deadlock');
    const binary = await build(dir, source, true);
    const tracePath = join(dir, 'trace.out');
    const ran = await execute(binary, traceEnv(tracePath), 'locked once');
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('SIGQUIT');
    expect(ran.stderr).not.toContain('DATA RACE'); // the wrapper's own handler is race-free
    expect(ran.stderr).toMatch(/\ngoroutine 1 [^\n]*\[[^\n]*\]:\n[\s\S]*main\.go:1[12]/);
    const timeline = timelineOf(await convert(['-strip', `${join(dir, 'src')}/`, tracePath]));
    const last = timeline.spans.filter((s) => s.g === 1).at(-1);
    // The wait may already have begun or not when SIGQUIT came; if it had, it is the mutex at line 12.
    if (last?.state === 'waiting') {
      expect(last.reason).toBe('mutex');
      expect(last.stack?.find((f) => f.file === 'main.go')?.line).toBe(12);
    }
  });

  // Go 1.24 has no flight recorder: such a program runs untraced (older-go-trace.test.ts).
  it.skipIf(!goOnPathHasFlightRecorder())(
    'leaves trace.Start to a program that calls it, and still records (flight mode)',
    async () => {
      const source = `package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
)

func main() {
	f, err := os.Create(os.TempDir() + "/own.trace")
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		fmt.Println("trace.Start failed:", err)
		return
	}
	trace.Log(context.Background(), "mine", "hello")
	trace.Stop()
	f.Close()
	fmt.Println("own trace written")
}
`;
      const dir = join(work, 'own');
      const binary = await build(dir, source, true, 'flight');
      const tracePath = join(dir, 'trace.out');
      const ran = await execute(binary, { ...traceEnv(tracePath), TMPDIR: dir });
      expect(ran.stdout).toBe('own trace written\n');
      expect(ran.code).toBe(0);
      const own = timelineOf(await convert([join(dir, 'own.trace')]));
      expect(own.logs.map((l) => l.message)).toEqual(['hello']);
      const ours = timelineOf(await convert([tracePath]));
      expect(ours.logs.map((l) => l.message)).toEqual(['hello']);
    },
  );

  it('keeps the trace through os.Exit with a non-zero code, and hides the wrapper from the program', async () => {
    const source = `package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Getenv("LOCKSTEP_TRACE") == "")
	os.Exit(3)
}
`;
    const dir = join(work, 'exit');
    const binary = await build(dir, source, true);
    const tracePath = join(dir, 'trace.out');
    const ran = await execute(binary, traceEnv(tracePath));
    expect(ran.code).toBe(3);
    expect(ran.stdout).toBe('true\n');
    const timeline = timelineOf(await convert([tracePath]));
    expect(timeline.goroutines.map((g) => g.id)).toEqual([1]);
    expect(timeline.hiddenGoroutines).toBeGreaterThan(0);
  });
});
