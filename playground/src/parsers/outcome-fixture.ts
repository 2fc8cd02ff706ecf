/**
 * Test helpers (no I/O besides reading captured fixtures): sandbox outcomes to classify, with
 * defaults for everything a test does not care about.
 */
import { readFileSync } from 'node:fs';
import { SANDBOX_SRC } from '../sandbox/plan/bwrap-args.ts';
import type { RawOutcome, StepOutcome } from '../sandbox/plan/outcome.ts';

/** A captured fixture from testdata/. */
export const fixture = (name: string): string =>
  readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

/** A step that exited 0 with no output, overridden by `o`. */
export function step(o: Partial<StepOutcome> = {}): StepOutcome {
  return {
    exitCode: 0,
    signal: null,
    stdout: '',
    stderr: '',
    outputLimited: false,
    timedOut: false,
    memoryLimited: false,
    stalled: false,
    durationMs: 5,
    ...o,
  };
}

/** An outcome of `action` with a successful build, overridden by `o`. */
export function outcome(action: RawOutcome['action'], o: Partial<RawOutcome> = {}): RawOutcome {
  return {
    action,
    race: true,
    workDir: SANDBOX_SRC,
    build: step(),
    cachedBinary: false,
    timings: { buildMs: 100, runMs: 200 },
    ...o,
  };
}
