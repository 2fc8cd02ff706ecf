import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StepOutcome } from '../sandbox/plan/outcome.ts';
import { traceResult } from './trace.ts';

const step = (over: Partial<StepOutcome>): StepOutcome => ({
  exitCode: 0,
  signal: null,
  stdout: '',
  stderr: '',
  outputLimited: false,
  timedOut: false,
  memoryLimited: false,
  stalled: false,
  durationMs: 5,
  ...over,
});
// A golden timeline of the converter's own tests: a real converter output.
const GOLDEN = readFileSync(resolve(import.meta.dirname, '../../trace-timeline/testdata/mutex.json'), 'utf8');

describe('traceResult', () => {
  it('is absent when no trace was asked, and passes the sandbox missing codes through', () => {
    expect(traceResult(undefined)).toBeUndefined();
    expect(traceResult({ missing: 'no_trace' })).toEqual({ missing: 'no_trace' });
    expect(traceResult({ missing: 'not_built' })).toEqual({ missing: 'not_built' });
  });

  it('answers a timeline the contract accepts', () => {
    const result = traceResult({ converter: step({ stdout: GOLDEN }) });
    expect(result).toEqual({ timeline: JSON.parse(GOLDEN) });
  });

  it("keeps the watcher's stop as a cut when the program went on, and drops it in a deadlock", () => {
    const stopped = { ...JSON.parse(GOLDEN), truncated: { afterEvents: 40, cause: 'stopped_all_waiting' } };
    const raw = { converter: step({ stdout: JSON.stringify(stopped) }) };
    expect(traceResult(raw, 'ok')).toEqual({ timeline: stopped });
    expect(traceResult(raw, 'timeout')).toEqual({ timeline: stopped });
    expect(traceResult(raw, 'deadlock')).toEqual({ timeline: { ...stopped, truncated: null } });
    // Another cause is a cut whatever the verdict.
    const cut = { ...stopped, truncated: { afterEvents: 40, cause: 'trace_cut' } };
    expect(traceResult({ converter: step({ stdout: JSON.stringify(cut) }) }, 'deadlock')).toEqual({
      timeline: cut,
    });
  });

  it('refuses JSON that is not a timeline', () => {
    const notTimeline = JSON.stringify({ version: 1, spans: 'x' });
    expect(traceResult({ converter: step({ stdout: notTimeline }) })).toEqual({ missing: 'malformed_trace' });
    expect(traceResult({ converter: step({ stdout: '{"cut' }) })).toEqual({ missing: 'malformed_trace' });
  });

  it("takes the converter's error code from its last stderr line", () => {
    const stderr = '{"error":"not_a_trace","detail":"bad header"}\n';
    expect(traceResult({ converter: step({ exitCode: 3, stderr }) })).toEqual({ missing: 'not_a_trace' });
    const unknown = '{"error":"something_else","detail":"x"}';
    expect(traceResult({ converter: step({ exitCode: 3, stderr: unknown }) })).toEqual({
      missing: 'malformed_trace',
    });
    expect(traceResult({ converter: step({ exitCode: -1, signal: 'SIGSEGV' }) })).toEqual({
      missing: 'malformed_trace',
    });
  });

  it("names the sandbox's limits by the converter's codes", () => {
    expect(traceResult({ converter: step({ exitCode: -1, timedOut: true }) })).toEqual({
      missing: 'timeout',
    });
    expect(traceResult({ converter: step({ exitCode: -1, outputLimited: true }) })).toEqual({
      missing: 'output_too_large',
    });
    expect(traceResult({ converter: step({ exitCode: -1, memoryLimited: true }) })).toEqual({
      missing: 'input_too_large',
    });
  });
});
