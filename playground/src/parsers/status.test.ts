import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { RunResult, RunStatus } from '../../../contract/run.ts';
import type { RawOutcome, StepOutcome } from '../sandbox/plan/outcome.ts';
import { fixture, outcome, step } from './outcome-fixture.ts';
import { STATUS_PRECEDENCE, chooseStatus, classify } from './status.ts';
import { stopText } from '../../../components/i18n/run-texts.ts';

/** The stderr an English reader's terminal shows: the result's, then its stop worded. */
const terminal = (r: RunResult): string =>
  r.stderr + (r.stop ? stopText('en', r.stop.code, r.goroutines) : '');

const run = (o: Partial<StepOutcome>, extra: Partial<RawOutcome> = {}): RunResult =>
  classify(outcome('run', { run: step(o), ...extra }), 7);
const test = (stream: string, o: Partial<StepOutcome> = {}): RunResult =>
  classify(outcome('test', { run: step({ exitCode: 1, stdout: stream, ...o }) }));

describe('STATUS_PRECEDENCE', () => {
  it('lists every RunStatus exactly once', () => {
    const all = RunStatus.anyOf.map((s) => s.const);
    expect([...STATUS_PRECEDENCE].sort()).toEqual([...all].sort());
  });
  it('picks the earliest applicable verdict', () => {
    expect(chooseStatus(new Set(['ok', 'test_failed', 'race']))).toBe('race');
    expect(chooseStatus(new Set(['ok', 'race', 'concurrent_map']))).toBe('concurrent_map');
    expect(chooseStatus(new Set(['ok', 'timeout', 'deadlock']))).toBe('deadlock');
    expect(chooseStatus(new Set(['ok']))).toBe('ok');
  });
});

describe('classify: run', () => {
  it('ok, with timings', () => {
    const r = run({ stdout: 'hello\n' });
    expect(r).toMatchObject({ status: 'ok', exitCode: 0, stdout: 'hello\n', truncated: false });
    expect(r.message).toBeUndefined();
    expect(r.timings).toEqual({ queueMs: 7, buildMs: 100, runMs: 200, totalMs: 307 });
  });

  it('race (exit 66)', () => {
    const r = run({ exitCode: 66, stderr: fixture('race_counter.txt') });
    expect(r.status).toBe('race');
    expect(r.exitCode).toBe(66);
    expect(r.races).toHaveLength(1);
    expect(r.message).toBe(
      'Data race detected: 2 goroutines accessed the same memory without synchronization.',
    );
  });

  it('two races', () => {
    const r = run({ exitCode: 66, stderr: fixture('race_two.txt') });
    expect(r.races).toHaveLength(2);
    expect(r.message).toBe(
      '2 data races detected: goroutines accessed the same memory without synchronization (3 goroutines involved).',
    );
  });

  it('concurrent map under -race beats the race it also reports, keeping races[]', () => {
    const r = run({ exitCode: 2, stderr: fixture('concmap_writes_race.txt') });
    expect(r.status).toBe('concurrent_map');
    expect(r.races).toHaveLength(2);
    expect(r.goroutines.map((g) => g.id)).toEqual([21, 1, 19, 20, 22]);
    expect(r.message).toBe(
      'fatal error: concurrent map writes (main.go:9): two goroutines wrote to the same map at the same time without synchronization, so the Go runtime stopped the program.',
    );
  });

  it('concurrent map read and write, plain build', () => {
    const r = run({ exitCode: 2, stderr: fixture('concmap_readwrite_plain.txt') }, { race: false });
    expect(r.status).toBe('concurrent_map');
    expect(r.races).toEqual([]);
    expect(r.message).toContain('one goroutine read a map while another wrote to it');
  });

  it("deadlock from the runtime's detector (plain build)", () => {
    const r = run({ exitCode: 2, stderr: fixture('deadlock_chan.txt') }, { race: false });
    expect(r.status).toBe('deadlock');
    expect(r.exitCode).toBe(2);
    expect(r.goroutines).toEqual([
      { id: 1, state: 'chan send', frames: [{ func: 'main.main', file: 'main.go', line: 7 }] },
    ]);
    expect(r.message).toBe(
      'Deadlock: the only goroutine is blocked waiting for something only another goroutine could do: goroutine 1 (chan send at main.go:7).',
    );
  });

  it('deadlock from a stalled -race program whose dump is all blocked', () => {
    const r = run({ exitCode: 2, stalled: true, stderr: fixture('stall_abba.txt') });
    expect(r.status).toBe('deadlock');
    expect(r.exitCode).toBe(-1);
    expect(r.goroutines.map((g) => `${g.id}:${g.state}`)).toEqual([
      '1:sync.WaitGroup.Wait',
      '6:sync.Mutex.Lock',
      '7:sync.Mutex.Lock',
    ]);
  });

  it('a stalled program that is only sleeping is a timeout, not a deadlock', () => {
    const r = run({ exitCode: 2, stalled: true, stderr: fixture('stall_sleep.txt'), stdout: 'napping\n' });
    expect(r.status).toBe('timeout');
    expect(r.message).toBe(
      'The program stopped making progress and was stopped. Not a deadlock: goroutine 1 (sleep at main.go:10) could still make progress.',
    );
    expect(r.goroutines.map((g) => g.state)).toEqual(['sleep']);
  });

  it('wall-clock timeout without a dump', () => {
    const r = run({ exitCode: -1, signal: 'SIGKILL', timedOut: true, stdout: 'partial' });
    expect(r).toMatchObject({ status: 'timeout', exitCode: -1, stdout: 'partial' });
    expect(r.message).toBe('The program ran longer than the time limit and was stopped.');
  });

  it('panic, with the line', () => {
    const r = run({
      exitCode: 2,
      stdout: 'before\n',
      stderr: fixture('panic_custom.txt').replace('before\n', ''),
    });
    expect(r.status).toBe('panic');
    expect(r.message).toBe('The program panicked: boom (main.go:7).');
    expect(r.goroutines[0]?.id).toBe(1);
  });

  it('panic in a goroutine', () => {
    const r = run({ exitCode: 2, stderr: fixture('panic_goroutine.txt') });
    expect(r.message).toBe('The program panicked: worker failed (main.go:9).');
    expect(r.goroutines.map((g) => g.id)).toEqual([18, 1]);
  });

  it('other fatal errors count as panic', () => {
    const r = run({ exitCode: 2, stderr: fixture('unlock_unlocked.txt') });
    expect(r.status).toBe('panic');
    expect(r.message).toBe('Fatal error: sync: unlock of unlocked mutex (main.go:7).');
  });

  it('a race that then panics reports race', () => {
    const r = run({ exitCode: 2, stderr: fixture('race_counter.txt') + fixture('panic_custom.txt') });
    expect(r.status).toBe('race');
  });

  it('exit code', () => {
    const r = run({ exitCode: 3, stdout: 'bye\n' });
    expect(r).toMatchObject({
      status: 'exit_error',
      exitCode: 3,
      message: 'The program exited with status 3.',
    });
  });

  it('memory and output limits win over what was seen, which is still reported', () => {
    const mem = run({ exitCode: -1, memoryLimited: true, stderr: fixture('race_counter.txt') });
    expect(mem.status).toBe('memory_limit');
    expect(mem.races).toHaveLength(1);
    const out = run({ exitCode: -1, outputLimited: true, stdout: 'yyyy' });
    expect(out).toMatchObject({ status: 'output_limit', truncated: true, exitCode: -1 });
  });

  it('compile error: diagnostics from the build, nothing ran', () => {
    const r = classify(
      outcome('run', { build: step({ exitCode: 1, stderr: fixture('compile_multi.txt') }) }),
    );
    expect(r.status).toBe('compile_error');
    expect(r.diagnostics).toHaveLength(7);
    expect(r.stderr).toBe(fixture('compile_multi.txt'));
    expect(r.message).toBe('The code did not compile: 7 errors.');
  });

  it('compile error without positions quotes the go command', () => {
    const r = classify(
      outcome('run', { build: step({ exitCode: 1, stderr: 'go: go.mod requires go >= 1.99\n' }) }),
    );
    expect(r).toMatchObject({ status: 'compile_error', diagnostics: [] });
    expect(r.message).toBe('The code did not compile: go: go.mod requires go >= 1.99');
  });

  it('a build killed by the wall clock is a timeout, not a compile error', () => {
    const r = classify(outcome('run', { build: step({ exitCode: -1, timedOut: true }) }));
    expect(r.status).toBe('timeout');
  });

  it('refused jobs, marked where the refused code is', () => {
    const at = [
      { file: 'a.go', line: 3, column: 8 },
      { file: 'b.go', line: 6, column: 2 },
    ];
    const r = classify(
      outcome('run', {
        build: undefined,
        refused: { reason: 'cgo is not allowed.', code: 'cgo_refused', at },
      }),
    );
    expect(r).toMatchObject({
      status: 'compile_error',
      message: 'The code was not run: cgo is not allowed. (found in a.go, b.go)',
    });
    expect(r.diagnostics).toEqual(
      at.map((p) => ({ ...p, message: 'cgo is not allowed.', source: 'compiler', code: 'cgo_refused' })),
    );
  });
});

describe('classify: main called runtime.Goexit (runtime/testdata/testprog/deadlock.go shapes)', () => {
  const goexit = (shape: string, race: boolean): RunResult => {
    const files = { 'main.go': fixture(`goexit_${shape}.go`) };
    const stderr = fixture(`goexit_${shape}_${race ? 'race' : 'plain'}.txt`);
    return classify(outcome('run', { race, run: step({ exitCode: 2, stalled: race, stderr }) }), 0, files);
  };
  const NONE_LEFT: [string, number][] = [
    ['main', 13],
    ['inpanic', 13],
    ['recovered', 16],
    ['recoverbefore', 16],
    ['exit', 20],
  ];

  it.each(NONE_LEFT)('%s without -race: the runtime’s deadlock, Goexit line marked', (shape, line) => {
    const r = goexit(shape, false);
    expect(r).toMatchObject({ status: 'deadlock', exitCode: 2, goroutines: [] });
    expect(r.cause).toEqual({ code: 'main_goexit', at: [{ func: 'main.main', file: 'main.go', line }] });
    expect(r.message).toBe(
      `Deadlock: main called runtime.Goexit (main.go:${line}), so the program could only go on in other goroutines, and none was left to run.`,
    );
    expect(r.stderr).toContain('fatal error: no goroutines (main called runtime.Goexit) - deadlock!');
    expect(Value.Check(RunResult, r)).toBe(true);
  });

  it.each(NONE_LEFT)(
    '%s with -race: the watchdog’s stop is the same deadlock, not a timeout',
    (shape, line) => {
      const r = goexit(shape, true);
      expect(r).toMatchObject({ status: 'deadlock', exitCode: -1, goroutines: [] });
      expect(r.cause).toEqual({ code: 'main_goexit', at: [{ func: 'main.main', file: 'main.go', line }] });
      expect(r.message).toBe(
        `Deadlock: main called runtime.Goexit (main.go:${line}), so the program could only go on in other goroutines, and none was left to run.`,
      );
      expect(r.message).not.toContain('stopped making progress');
      // The dump is cut from stderr; the stop code stands for it, worded where it is shown.
      expect(r.stop).toEqual({ code: 'deadlock_no_goroutines' });
      expect(
        terminal(r).startsWith('fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n'),
      ).toBe(shape !== 'exit');
      expect(r.stderr).not.toContain('SIGQUIT');
      expect(Value.Check(RunResult, r)).toBe(true);
    },
  );

  it.each([false, true])(
    'another goroutine blocked forever (race %s): deadlock naming it and Goexit',
    (race) => {
      const r = goexit('blocked', race);
      expect(r.status).toBe('deadlock');
      expect(r.cause).toEqual({
        code: 'main_goexit',
        at: [{ func: 'main.main', file: 'main.go', line: 10 }],
      });
      expect(r.goroutines).toHaveLength(1);
      expect(r.goroutines[0]?.state).toBe('chan receive');
      expect(r.goroutines[0]?.frames.at(-1)).toEqual({ func: 'main.main.func1', file: 'main.go', line: 8 });
      expect(r.message).toMatch(
        /^Deadlock: main called runtime\.Goexit \(main\.go:10\), so the program could only go on in other goroutines, and every one left is blocked: goroutine \d+ \(chan receive at main\.go:8\)\.$/,
      );
    },
  );

  it('main gone and a timer pending: stopped by the wall clock, a timeout as without -race', () => {
    const stderr = fixture('goexit_main_race.txt');
    const r = run({ exitCode: -1, signal: 'SIGKILL', timedOut: true, stderr });
    expect(r.status).toBe('timeout');
    expect(r.cause).toBeUndefined();
  });

  it('an unrecovered panic after Goexit is a panic, with no Goexit cause', () => {
    const files = { 'main.go': fixture('goexit_panicafter.go') };
    const r = classify(
      outcome('run', {
        race: false,
        run: step({ exitCode: 2, stderr: fixture('goexit_panicafter_plain.txt') }),
      }),
      0,
      files,
    );
    expect(r.status).toBe('panic');
    expect(r.cause).toBeUndefined();
  });

  it('without the sources the verdict and message stand, with nothing to mark', () => {
    const r = classify(
      outcome('run', { race: false, run: step({ exitCode: 2, stderr: fixture('goexit_main_plain.txt') }) }),
    );
    expect(r.cause).toEqual({ code: 'main_goexit', at: [] });
    expect(r.message).toBe(
      'Deadlock: main called runtime.Goexit, so the program could only go on in other goroutines, and none was left to run.',
    );
  });

  it('ordinary deadlocks carry no cause', () => {
    expect(run({ exitCode: 2, stderr: fixture('deadlock_chan.txt') }, { race: false }).cause).toBeUndefined();
    expect(run({ exitCode: 2, stalled: true, stderr: fixture('stall_abba.txt') }).cause).toBeUndefined();
  });
});

describe('classify: test', () => {
  it('a race that makes a test fail reports race, with per-test results', () => {
    const r = test(fixture('test_mixed.txt'));
    expect(r.status).toBe('race');
    expect(r.tests).toHaveLength(8);
    expect(r.tests.filter((t) => t.race).map((t) => t.name)).toEqual(['TestRacy']);
    expect(r.races).toHaveLength(1);
    expect(r.stdout.startsWith('=== RUN   TestInc\n')).toBe(true);
  });

  it('failing tests without a race', () => {
    const stream = fixture('test_mixed.txt')
      .split('\n')
      .filter((l) => !l.includes('"TestRacy"'))
      .join('\n');
    const r = test(stream);
    expect(r.status).toBe('test_failed');
    expect(r.message).toBe('3 of 7 tests failed: TestWrong, TestTable, TestTable/two.');
  });

  it('a test blocked on a channel past -timeout: deadlock, the hung test marked timeout', () => {
    const r = test(fixture('test_hang.txt'));
    expect(r.status).toBe('deadlock');
    expect(r.tests.map((t) => `${t.name}:${t.status}`)).toEqual(['TestFirst:pass', 'TestHangs:timeout']);
    expect(r.goroutines.map((g) => g.id)).toEqual([1, 8]);
    expect(r.message).toContain('goroutine 8 (chan receive at hang_test.go:10)');
  });

  it('a test sleeping past -timeout is a timeout', () => {
    const r = test(fixture('test_hang.txt').replaceAll('[chan receive]', '[sleep]'));
    expect(r.status).toBe('timeout');
    expect(r.message).toBe('The tests did not finish within 2s; still running: TestHangs.');
  });

  it('a panicking test reports panic', () => {
    const r = test(fixture('test_panic.txt'));
    expect(r.status).toBe('panic');
    expect(r.message).toBe('The program panicked: assignment to entry in nil map (panic_test.go:9).');
  });

  it('build failure inside the JSON stream', () => {
    const r = test(fixture('test_compile.txt'));
    expect(r.status).toBe('compile_error');
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'bad_test.go:7:2',
      'bad_test.go:8:8',
    ]);
    expect(r.stderr.split('\n')[0]).toBe('# sandbox [sandbox.test]');
  });

  it('all passing', () => {
    const stream = fixture('test_mixed.txt').split('\n').slice(0, 5).join('\n');
    const r = test(stream, { exitCode: 0 });
    expect(r.status).toBe('ok');
    expect(r.tests.map((t) => `${t.name}:${t.status}`)).toEqual(['TestInc:pass']);
  });
});

describe('classify: vet and fmt', () => {
  it('vet findings', () => {
    const r = classify(outcome('vet', { build: step({ stdout: fixture('vet_findings.txt') }) }));
    expect(r.status).toBe('vet_findings');
    expect(r.diagnostics).toHaveLength(5);
    expect(r.message).toBe('go vet reported 5 problems.');
  });
  it('clean vet', () => {
    expect(classify(outcome('vet', { build: step({ stdout: fixture('vet_clean.txt') }) })).status).toBe('ok');
  });
  it('vet on code that does not compile', () => {
    const r = classify(outcome('vet', { build: step({ exitCode: 1, stderr: fixture('vet_builderr.txt') }) }));
    expect(r.status).toBe('compile_error');
    expect(r.diagnostics.map((d) => d.source)).toEqual(['compiler']);
  });
  it('fmt ok returns the files', () => {
    const r = classify(outcome('fmt', { filesAfterFormat: { 'main.go': 'package main\n' } }));
    expect(r).toMatchObject({ status: 'ok', files: { 'main.go': 'package main\n' } });
  });
  it('fmt with a syntax error', () => {
    const r = classify(outcome('fmt', { build: step({ exitCode: 2, stderr: fixture('fmt_syntax.txt') }) }));
    expect(r.status).toBe('compile_error');
    expect(r.files).toBeUndefined();
    expect(r.diagnostics).toHaveLength(3);
  });
});

describe('every classified fixture matches the RunResult schema', () => {
  it.each([
    'race_counter.txt',
    'race_map.txt',
    'concmap_iter_race.txt',
    'deadlock_abba.txt',
    'stall_rwmutex.txt',
    'nil_deref.txt',
    'index_oob.txt',
    'negative_wg.txt',
  ])('%s', (file) => {
    const r = run({ exitCode: 2, stalled: file.startsWith('stall'), stderr: fixture(file) });
    expect(Value.Check(RunResult, r)).toBe(true);
    expect(r.status).not.toBe('ok');
  });
});
