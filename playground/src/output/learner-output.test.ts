import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../contract/run.ts';
import { classify } from '../parsers/status.ts';
import type { RawOutcome, StepOutcome } from '../sandbox/plan/outcome.ts';
import { step as stepOf } from '../parsers/outcome-fixture.ts';
import { OutputCollector, type StreamName } from '../sandbox/plan/output.ts';
import { outputTruncatedMarker } from '../sandbox/plan/limits.ts';
import { LearnerOutput, type OutputPiece } from './learner-output.ts';
import { stopText } from '../../../components/i18n/run-texts.ts';
import { stripWorkDir } from './work-dir.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../parsers/testdata/${name}`, import.meta.url), 'utf8');

/** The run step's pipes as bytes, in the order they are read. */
type Reads = { stream: StreamName; bytes: Buffer }[];

/**
 * What the learner's terminal receives when the step's output is read in `reads`: through the
 * sandbox's collector and the pipeline, as the runner wires them; and the result (classified and
 * stripped as the runner does) the stream must agree with. `shown` is the text pieces; `terminal`
 * adds the stopped piece as an English reader's terminal words it (components/i18n/run-texts.ts).
 */
function play(
  action: 'run' | 'test',
  reads: Reads,
  step: Partial<StepOutcome> = {},
  known?: RunResult,
  limitBytes = 1 << 20,
) {
  const output = new LearnerOutput(action);
  const shown: Record<StreamName, string> = { stdout: '', stderr: '' };
  const stopped: Extract<OutputPiece, { stopped: unknown }>[] = [];
  const pushes: number[] = [];
  const take = (p: OutputPiece): void => {
    if ('stopped' in p) stopped.push(p);
    else shown[p.stream] += p.data;
  };
  const collector = new OutputCollector(limitBytes, (stream, text) => {
    output.push(stream, text).forEach(take);
    pushes.push(shown.stdout.length);
  });
  for (const r of reads) collector.push(r.stream, r.bytes);
  collector.flush();
  const result = known ?? classified(action, collector, step);
  output.end(result).forEach(take);
  const terminal = shown.stderr + stopped.map((p) => stopText('en', p.stopped, p.goroutines)).join('');
  return { shown, stopped, terminal, result, pushes };
}

/** The result of the collected output, classified and stripped as the runner does. */
function classified(
  action: 'run' | 'test',
  collector: OutputCollector,
  step: Partial<StepOutcome>,
): RunResult {
  const outcome: RawOutcome = {
    action,
    race: true,
    workDir: '/sandbox/src',
    build: { ...stepOf(), durationMs: 1 },
    cachedBinary: false,
    timings: { buildMs: 1, runMs: 1 },
    run: {
      ...stepOf(),
      stdout: collector.text('stdout'),
      stderr: collector.text('stderr'),
      outputLimited: collector.overflowed,
      ...step,
    },
  };
  const result = classify(outcome);
  return { ...result, stdout: stripWorkDir(result.stdout), stderr: stripWorkDir(result.stderr) };
}

/** One stream's bytes read in two pieces, cut at `cut`. */
function cutAt(stream: StreamName, bytes: Buffer, cut: number): Reads {
  return [
    { stream, bytes: bytes.subarray(0, cut) },
    { stream, bytes: bytes.subarray(cut) },
  ];
}

describe('LearnerOutput', () => {
  it('Test: streams the go test -v text, paths stripped, equal to the result at every cut', () => {
    const bytes = Buffer.from(fixture('test_mixed.txt'));
    const whole = play('test', [{ stream: 'stdout', bytes }]);
    expect(whole.shown.stdout).toContain('=== RUN   TestInc\n--- PASS: TestInc (0.00s)\n');
    expect(whole.shown.stdout).toContain('--- FAIL: TestWrong (0.00s)\n');
    expect(whole.shown.stdout).toContain('counter.go:');
    expect(whole.shown.stdout).not.toMatch(/\{"Time":|"Action"|\/sandbox\/src\//);
    for (let cut = 0; cut <= bytes.length; cut++) {
      // The result does not depend on how the pipe was read; the stream must not either.
      const { shown } = play('test', cutAt('stdout', bytes, cut), {}, whole.result);
      if (shown.stdout !== whole.result.stdout)
        expect({ cut, shown: shown.stdout }).toEqual({ cut, shown: whole.result.stdout });
    }
  });

  it('Test: cut by the output limit at any byte, it shows what was printed and the marker, no JSON', () => {
    const bytes = Buffer.from(fixture('test_mixed.txt'));
    for (let limit = 1; limit < bytes.length; limit++) {
      const { shown, result } = play('test', [{ stream: 'stdout', bytes }], {}, undefined, limit);
      if (shown.stdout !== result.stdout || /\{"|"Action"/.test(shown.stdout))
        expect({ limit, shown: shown.stdout }).toEqual({ limit, shown: result.stdout });
      // The marker ends the text on a line of its own (blank lines carry nothing in -v text).
      const marker = outputTruncatedMarker(limit).trimStart();
      expect(shown.stdout.endsWith(marker)).toBe(true);
      expect(`\n${shown.stdout.slice(0, -marker.length)}`.endsWith('\n')).toBe(true);
    }
  });

  it('Test: the text is given as the binary writes it, not at the end', () => {
    const lines = fixture('test_mixed.txt').split('\n');
    const reads = lines.map((line) => ({ stream: 'stdout' as const, bytes: Buffer.from(`${line}\n`) }));
    const { shown, pushes } = play('test', reads);
    // Every line's text was out before the run ended: nothing was left for end().
    expect(pushes.at(-1)).toBe(shown.stdout.length);
    expect(pushes.filter((n, i) => n > (pushes[i - 1] ?? 0)).length).toBeGreaterThan(10);
  });

  it('Run: stderr ends with the account of a stopped program instead of the raw SIGQUIT dump, at every cut', () => {
    const bytes = Buffer.from(`waiting for the lock\n${fixture('stall_mutex.txt')}`);
    const stalled = { exitCode: 2, stalled: true };
    const { shown, stopped, terminal, result } = play('run', [{ stream: 'stderr', bytes }], stalled);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const cutPlay = play('run', cutAt('stderr', bytes, cut), stalled, result);
      const cutShown = cutPlay.shown.stderr;
      if (cutShown !== result.stderr) expect({ cut, cutShown }).toEqual({ cut, cutShown: result.stderr });
      expect(cutPlay.stopped).toEqual(stopped);
    }
    expect(result.status).toBe('deadlock');
    // The text pieces are the result's stderr; the stopped piece is its stop, with its goroutines.
    expect(shown.stderr).toBe('waiting for the lock\n');
    expect(stopped).toEqual([{ stopped: result.stop!.code, goroutines: result.goroutines }]);
    expect(result.goroutines.length).toBeGreaterThan(0);
    expect(terminal).toMatch(/^waiting for the lock\nfatal error: all goroutines are asleep/);
    expect(terminal).toContain('[sync.Mutex.Lock]');
    expect(terminal).not.toContain('gp=0x');
  });

  it('Run and Test: no stopped piece when the sandbox did not stop the program', () => {
    const bytes = Buffer.from(fixture('test_mixed.txt'));
    expect(play('test', [{ stream: 'stdout', bytes }]).stopped).toEqual([]);
    expect(play('run', [{ stream: 'stderr', bytes: Buffer.from('panic: boom\n') }]).stopped).toEqual([]);
  });

  it('Run: stdout and stderr interleaved, multi-byte characters cut anywhere', () => {
    const out = Buffer.from('你好 /sandbox/src/main.go\n');
    const err = Buffer.from('警告 /sandbox/src/x.go:3\n');
    for (let cut = 0; cut <= out.length; cut++) {
      const reads: Reads = [
        { stream: 'stdout', bytes: out.subarray(0, cut) },
        { stream: 'stderr', bytes: err.subarray(0, cut) },
        { stream: 'stdout', bytes: out.subarray(cut) },
        { stream: 'stderr', bytes: err.subarray(cut) },
      ];
      const { shown } = play('run', reads);
      expect(shown).toEqual({ stdout: '你好 main.go\n', stderr: '警告 x.go:3\n' });
    }
  });

  it('finish: gives the result as learners see it, paths removed once, and the same text as the stream', () => {
    const output = new LearnerOutput('run');
    let streamed = '';
    const take = (p: OutputPiece): void => {
      if (!('stopped' in p) && p.stream === 'stderr') streamed += p.data;
    };
    const raw = '/sandbox/src/main.go:7: boom\n';
    output.push('stderr', raw.slice(0, 9)).forEach(take);
    output.push('stderr', raw.slice(9)).forEach(take);
    const collector = new OutputCollector(1 << 20, () => undefined);
    collector.push('stderr', Buffer.from(raw));
    collector.push('stdout', Buffer.from('at /sandbox/src/a.go\n'));
    collector.flush();
    const { stdout, stderr, ...rest } = classified('run', collector, {});
    const classifiedRaw = { ...rest, stdout: 'at /sandbox/src/a.go\n', stderr: raw };
    const { result, pieces } = output.finish(classifiedRaw);
    pieces.forEach(take);
    expect(result).toEqual({ ...classifiedRaw, stdout, stderr });
    expect(result.stdout).toBe('at a.go\n');
    expect(result.stderr).toBe('main.go:7: boom\n');
    expect(streamed).toBe(result.stderr);
  });
});
