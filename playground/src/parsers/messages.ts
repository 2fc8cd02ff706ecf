/**
 * The plain-language `message` of each non-ok verdict: one or two English sentences a learner can
 * act on, naming the line where it helps. Built only from parsed evidence.
 */
import type { RunStatus } from '../../../contract/run.ts';
import { describeGoroutine } from './deadlock.ts';
import type { Evidence } from './evidence.ts';
import { describeConcurrentMap } from './fatal.ts';
import { firstUserFrame } from './frames.ts';
import type { ParsedGoroutine } from './goroutines.ts';
import { raceGoroutineCount } from './race.ts';

/** Returns " (main.go:7)" for the first learner frame of the goroutine, or "". */
function where(g: ParsedGoroutine | undefined): string {
  const f = g ? firstUserFrame(g.frames) : undefined;
  return f ? ` (${f.file}:${f.line})` : '';
}

/** Returns "1 error" / "2 errors". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Returns the message for a compile_error verdict. */
function compileMessage(e: Evidence): string {
  if (e.refused !== null) {
    const files = [...new Set(e.diagnostics.filter((d) => d.code !== undefined).map((d) => d.file))];
    return `The code was not run: ${e.refused}${files.length ? ` (found in ${files.join(', ')})` : ''}`;
  }
  const n = e.diagnostics.filter((d) => d.source === 'compiler').length;
  if (n > 0) return `The code did not compile: ${plural(n, 'error')}.`;
  const first = e.buildText.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
  return `The code did not compile${first ? `: ${first.trim()}` : '.'}`;
}

/** Returns the message for a timeout verdict. */
function timeoutMessage(e: Evidence): string {
  const hung = e.testRun?.tests.filter((t) => t.status === 'timeout').map((t) => t.name) ?? [];
  if (e.testTimeout !== null) {
    return `The tests did not finish within ${e.testTimeout}${hung.length ? `; still running: ${hung.join(', ')}` : ''}.`;
  }
  if (e.stalled) {
    return `The program stopped making progress and was stopped. ${e.stall?.reason ?? ''}`.trim();
  }
  return 'The program ran longer than the time limit and was stopped.';
}

/** Returns the message for a deadlock after main called runtime.Goexit. */
function goexitMessage(e: Evidence): string {
  const at = e.goexitAt.map((f) => `${f.file}:${f.line}`).join(', ');
  const called = `main called runtime.Goexit${at ? ` (${at})` : ''}`;
  const blocked = e.dump.filter((g) => !g.system).map(describeGoroutine);
  if (blocked.length === 0) {
    return `Deadlock: ${called}, so the program could only go on in other goroutines, and none was left to run.`;
  }
  return `Deadlock: ${called}, so the program could only go on in other goroutines, and every one left is blocked: ${blocked.join(', ')}.`;
}

/** Returns the plain-language message for a verdict, or undefined for ok. */
export function messageFor(status: RunStatus, e: Evidence): string | undefined {
  switch (status) {
    case 'ok':
      return undefined;
    case 'compile_error':
      return compileMessage(e);
    case 'memory_limit':
      return 'The program used more memory than the sandbox allows and was stopped.';
    case 'output_limit':
      return 'The program printed more output than the sandbox allows; the output was cut and the program stopped.';
    case 'concurrent_map': {
      const kind = e.fatal?.mapKind;
      const what = kind ? describeConcurrentMap(kind) : 'goroutines used the same map at the same time';
      return `fatal error: ${e.fatal?.message ?? 'concurrent map access'}${where(e.dump[0])}: ${what} without synchronization, so the Go runtime stopped the program.`;
    }
    case 'deadlock': {
      if (e.mainGoexit) return goexitMessage(e);
      if (e.stall?.deadlocked)
        return `Deadlock: ${e.stall.reason.charAt(0).toLowerCase()}${e.stall.reason.slice(1)}`;
      const blocked = e.dump.filter((g) => !g.system).map(describeGoroutine);
      return `Deadlock: all goroutines are asleep, each waiting for another${blocked.length ? `: ${blocked.join(', ')}` : ''}.`;
    }
    case 'race': {
      const n = e.races.length;
      const g = raceGoroutineCount(e.races);
      if (n <= 1)
        return `Data race detected: ${g || 2} goroutines accessed the same memory without synchronization.`;
      return `${n} data races detected: goroutines accessed the same memory without synchronization (${g} goroutines involved).`;
    }
    case 'panic': {
      if (e.panic) return `The program panicked: ${e.panic.message}${where(e.panic.goroutines[0])}.`;
      return `Fatal error: ${e.fatal?.message ?? 'the Go runtime stopped the program'}${where(e.dump[0])}.`;
    }
    case 'timeout':
      return timeoutMessage(e);
    case 'test_failed': {
      const tests = e.testRun?.tests ?? [];
      const failed = tests.filter((t) => t.status === 'fail').map((t) => t.name);
      return `${failed.length} of ${plural(tests.length, 'test')} failed: ${failed.join(', ')}.`;
    }
    case 'vet_findings':
      return `go vet reported ${plural(e.diagnostics.filter((d) => d.source === 'vet').length, 'problem')}.`;
    case 'exit_error':
      return `The program exited with status ${e.exitCode}.`;
  }
}
