/**
 * RawOutcome → RunResult: the one place a verdict is chosen.
 *
 * Several verdicts often apply at once (a race that makes a test fail; a concurrent-map fatal
 * error that -race also reports as a race). The MOST INFORMATIVE wins, in STATUS_PRECEDENCE order,
 * while the evidence of every other verdict stays in the result (races[], tests[], goroutines[],
 * diagnostics[]). Why this order:
 *  1. compile_error: nothing ran (or the job was refused), so nothing else can be true.
 *  2. memory_limit, 3. output_limit: the sandbox cut the run short; whatever else was seen may be
 *     incomplete, and the learner must know first that the program did not end by itself.
 *  4. concurrent_map: the runtime's own, most specific account of the bug; under -race the same
 *     accesses also come out as race reports (kept in races[]).
 *  5. deadlock: the runtime's "all goroutines are asleep" or "no goroutines (main called
 *     runtime.Goexit)", or a stopped program whose dump shows every goroutine blocked on another,
 *     or none left after main called runtime.Goexit; it is why the program never finished.
 *  6. race: a data race usually explains the panics, failed tests and odd exit codes below it.
 *  7. panic: an unrecovered panic or another fatal error (e.g. unlock of unlocked mutex).
 *  8. timeout: the wall clock, the watchdog (dump NOT a deadlock), or a test's -timeout.
 *  9. test_failed, 10. vet_findings, 11. exit_error, 12. ok.
 */
import { STATUS_PRECEDENCE, type RunResult, type RunStatus } from '../../../contract/run.ts';

export { STATUS_PRECEDENCE };
import type { RawOutcome } from '../sandbox/plan/outcome.ts';
import { gatherEvidence, type Evidence } from './evidence.ts';
import { userGoroutines } from './goroutines.ts';
import { messageFor } from './messages.ts';
import { cutQuitDump, stopCode } from './dump-text.ts';
import { summaryFor } from './summary.ts';
import { traceResult } from './trace.ts';
import { formattedFiles } from './gofmt.ts';

/** Returns every verdict the evidence supports (ok always does). */
export function applicableStatuses(e: Evidence): Set<RunStatus> {
  const s = new Set<RunStatus>(['ok']);
  if (e.refused !== null || e.buildFailed) s.add('compile_error');
  if (e.memoryLimited) s.add('memory_limit');
  if (e.outputLimited) s.add('output_limit');
  if (e.fatal?.kind === 'concurrent_map') s.add('concurrent_map');
  if (e.fatal?.kind === 'deadlock' || e.stall?.deadlocked) s.add('deadlock');
  if (e.races.length > 0 || e.testRun?.tests.some((t) => t.race)) s.add('race');
  if (e.panic !== null || e.fatal?.kind === 'other') s.add('panic');
  const hung = e.testRun?.tests.some((t) => t.status === 'timeout') ?? false;
  if (e.timedOut || e.stalled || e.testTimeout !== null || hung) s.add('timeout');
  if (e.testRun?.tests.some((t) => t.status === 'fail')) s.add('test_failed');
  if (e.diagnostics.some((d) => d.source === 'vet')) s.add('vet_findings');
  if (e.exitCode !== 0) s.add('exit_error');
  return s;
}

/** Returns the winning verdict among those that apply. */
export function chooseStatus(applicable: ReadonlySet<RunStatus>): RunStatus {
  return STATUS_PRECEDENCE.find((st) => applicable.has(st)) ?? 'ok';
}

/** Returns the stdout/stderr to show: the failed build's, or the run's (tests as plain text). */
function outputs(o: RawOutcome, e: Evidence): { stdout: string; stderr: string } {
  if (o.action === 'test' && e.testRun) {
    const stderr = e.buildFailed ? e.buildText : (o.run?.stderr ?? '');
    return { stdout: e.testRun.text, stderr };
  }
  if (o.action === 'vet' || o.action === 'fmt' || !o.run) {
    // Nothing ran (failed build), or the step's stdout is already parsed (vet JSON → diagnostics,
    // gofmt → files): show the build step's own text.
    return {
      stdout: o.action === 'run' || o.action === 'test' ? (o.build?.stdout ?? '') : '',
      stderr: o.build?.stderr ?? '',
    };
  }
  return { stdout: o.run.stdout, stderr: o.run.stderr };
}

/**
 * Returns the RunResult of a RawOutcome. timings.queueMs is the caller's (the queue is not the
 * sandbox's business); totalMs = queueMs + buildMs + runMs. `files` are the job's sources, read
 * only for lines no output names (where main called runtime.Goexit).
 */
export function classify(
  o: RawOutcome,
  queueMs = 0,
  files: Readonly<Record<string, string>> = {},
): RunResult {
  const e = gatherEvidence(o, files);
  const status = chooseStatus(applicableStatuses(e));
  const message = messageFor(status, e);
  const summary = summaryFor(status, e);
  const { buildMs, runMs } = o.timings;
  const shown = outputs(o, e);
  const goroutines = userGoroutines(e.dump);
  const cause = status === 'deadlock' && e.mainGoexit ? 'main_goexit' : undefined;
  const stderr = cutQuitDump(shown.stderr);
  const result: RunResult = {
    status,
    exitCode: e.exitCode,
    stdout: shown.stdout,
    stderr: stderr.stderr,
    truncated: e.outputLimited,
    races: e.races,
    tests: e.testRun?.tests ?? [],
    diagnostics: e.diagnostics,
    goroutines,
    timings: { queueMs, buildMs, runMs, totalMs: queueMs + buildMs + runMs },
  };
  const formatted = o.action === 'fmt' ? formattedFiles(o.build, o.filesAfterFormat, o.workDir) : undefined;
  if (formatted && status === 'ok') result.files = formatted;
  if (message !== undefined) result.message = message;
  if (summary !== undefined) result.summary = summary;
  if (stderr.dumped) result.stop = { code: stopCode(status, goroutines, cause) };
  if (cause !== undefined) result.cause = { code: cause, at: e.goexitAt };
  const trace = traceResult(o.trace, status);
  if (trace !== undefined) result.trace = trace;
  return result;
}
