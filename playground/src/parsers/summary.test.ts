import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../contract/run.ts';
import type { RawOutcome, StepOutcome } from '../sandbox/plan/outcome.ts';
import { fixture, outcome, step } from './outcome-fixture.ts';
import { classify } from './status.ts';

const run = (o: Partial<StepOutcome>, extra: Partial<RawOutcome> = {}): RunResult =>
  classify(outcome('run', { run: step(o), ...extra }));
const test = (stream: string): RunResult =>
  classify(outcome('test', { run: step({ exitCode: 1, stdout: stream }) }));

describe('summaryFor: a code and its facts, no prose', () => {
  it('ok has none', () => {
    expect(run({ stdout: 'hi\n' }).summary).toBeUndefined();
  });

  it('races: one, or how many and how many goroutines', () => {
    expect(run({ exitCode: 66, stderr: fixture('race_counter.txt') }).summary).toEqual({
      code: 'race.one',
      params: { goroutines: 2 },
    });
    expect(run({ exitCode: 66, stderr: fixture('race_two.txt') }).summary).toEqual({
      code: 'race.many',
      params: { races: 2, goroutines: 3 },
    });
  });

  it('concurrent map: the kind picks the code, the runtime text is a fact', () => {
    expect(run({ exitCode: 2, stderr: fixture('concmap_writes_race.txt') }).summary).toEqual({
      code: 'concurrent_map.writes',
      params: { value: 'concurrent map writes' },
    });
    const rw = run({ exitCode: 2, stderr: fixture('concmap_readwrite_plain.txt') }, { race: false });
    expect(rw.summary?.code).toBe('concurrent_map.read_write');
  });

  it('deadlocks: how many goroutines are blocked (they are listed in goroutines)', () => {
    const plain = run({ exitCode: 2, stderr: fixture('deadlock_chan.txt') }, { race: false });
    expect(plain.summary).toEqual({ code: 'deadlock.blocked', params: { count: 1 } });
    const stalled = run({ exitCode: 2, stalled: true, stderr: fixture('stall_abba.txt') });
    expect(stalled.summary).toEqual({ code: 'deadlock.blocked', params: { count: 3 } });
    expect(stalled.stop).toEqual({ code: 'deadlock' });
  });

  it('main called runtime.Goexit: where, and whether any goroutine is left blocked', () => {
    const goexit = (shape: string): RunResult =>
      classify(
        outcome('run', {
          run: step({ exitCode: 2, stalled: true, stderr: fixture(`goexit_${shape}_race.txt`) }),
        }),
        0,
        { 'main.go': fixture(`goexit_${shape}.go`) },
      );
    expect(goexit('main').summary).toEqual({ code: 'deadlock.goexit', params: { at: 'main.go:13' } });
    expect(goexit('blocked').summary).toEqual({
      code: 'deadlock.goexit.blocked',
      params: { at: 'main.go:10', count: 1 },
    });
  });

  it('timeouts: stalled, the wall clock, a test binary’s -timeout with the tests still running', () => {
    const sleeping = run({ exitCode: 2, stalled: true, stderr: fixture('stall_sleep.txt') });
    expect(sleeping.summary).toEqual({ code: 'timeout.stalled', params: {} });
    expect(sleeping.stop).toEqual({ code: 'stopped' });
    expect(run({ exitCode: -1, timedOut: true }).summary).toEqual({ code: 'timeout.limit', params: {} });
    const hung = test(fixture('test_hang.txt').replaceAll('[chan receive]', '[sleep]'));
    expect(hung.summary).toEqual({
      code: 'timeout.tests.running',
      params: { after: '2s', names: 'TestHangs' },
    });
  });

  it('panics and fatal errors: the value, and the line when there is one', () => {
    const p = run({ exitCode: 2, stderr: fixture('panic_goroutine.txt') });
    expect(p.summary).toEqual({ code: 'panic.at', params: { value: 'worker failed', at: 'main.go:9' } });
    const f = run({ exitCode: 2, stderr: fixture('unlock_unlocked.txt') });
    expect(f.summary).toEqual({
      code: 'fatal.at',
      params: { value: 'sync: unlock of unlocked mutex', at: 'main.go:7' },
    });
  });

  it('tests, vet, exit codes and limits', () => {
    const stream = fixture('test_mixed.txt')
      .split('\n')
      .filter((l) => !l.includes('"TestRacy"'))
      .join('\n');
    expect(test(stream).summary).toEqual({
      code: 'test_failed',
      params: { failed: 3, total: 7, names: 'TestWrong, TestTable, TestTable/two' },
    });
    const vet = classify(outcome('vet', { build: step({ stdout: fixture('vet_findings.txt') }) }));
    expect(vet.summary).toEqual({ code: 'vet_findings', params: { count: 5 } });
    expect(run({ exitCode: 3 }).summary).toEqual({ code: 'exit_error', params: { code: 3 } });
    expect(run({ exitCode: -1, memoryLimited: true }).summary).toEqual({ code: 'memory_limit', params: {} });
  });

  it('compile errors: how many, or the go command’s own first line', () => {
    const many = classify(
      outcome('run', { build: step({ exitCode: 1, stderr: fixture('compile_multi.txt') }) }),
    );
    expect(many.summary).toEqual({ code: 'compile.errors', params: { count: 7 } });
    const gomod = classify(
      outcome('run', { build: step({ exitCode: 1, stderr: 'go: go.mod requires go >= 1.99\n' }) }),
    );
    expect(gomod.summary).toEqual({
      code: 'compile.failed.detail',
      params: { detail: 'go: go.mod requires go >= 1.99' },
    });
  });
});
