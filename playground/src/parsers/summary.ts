/**
 * The summary of each non-ok verdict as a code and the facts it names ({ code, params }): the
 * browser and the command-line tools word it from one table (components/i18n/run-texts.ts), in
 * the reader's language. Built only from parsed evidence; no prose here.
 */
import type { RunStatus, Summary, SummaryCode } from '../../../contract/run.ts';
import type { Evidence } from './evidence.ts';
import { firstUserFrame } from './frames.ts';
import type { ParsedGoroutine } from './goroutines.ts';
import { raceGoroutineCount } from './race.ts';

type Params = Summary['params'];

function summary(code: SummaryCode, params: Params = {}): Summary {
  return { code, params };
}

/** Returns "main.go:7" for the first learner frame of the goroutine, or undefined. */
function where(g: ParsedGoroutine | undefined): string | undefined {
  const f = g ? firstUserFrame(g.frames) : undefined;
  return f ? `${f.file}:${f.line}` : undefined;
}

/** Picks `code.at` with the location when there is one, `code` without it. */
function located(code: 'panic' | 'fatal', value: string, at: string | undefined): Summary {
  return at === undefined ? summary(code, { value }) : summary(`${code}.at`, { value, at });
}

function compileSummary(e: Evidence): Summary {
  if (e.refused !== null) {
    const files = [...new Set(e.diagnostics.filter((d) => d.code !== undefined).map((d) => d.file))];
    return summary('compile.refused', { files: files.join(', ') });
  }
  const count = e.diagnostics.filter((d) => d.source === 'compiler').length;
  if (count > 0) return summary('compile.errors', { count });
  const first = e.buildText.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
  return first ? summary('compile.failed.detail', { detail: first.trim() }) : summary('compile.failed');
}

function timeoutSummary(e: Evidence): Summary {
  const hung = e.testRun?.tests.filter((t) => t.status === 'timeout').map((t) => t.name) ?? [];
  if (e.testTimeout !== null) {
    return hung.length > 0
      ? summary('timeout.tests.running', { after: e.testTimeout, names: hung.join(', ') })
      : summary('timeout.tests', { after: e.testTimeout });
  }
  return summary(e.stalled ? 'timeout.stalled' : 'timeout.limit');
}

function deadlockSummary(e: Evidence): Summary {
  const count = e.dump.filter((g) => !g.system).length;
  if (e.mainGoexit) {
    const at = e.goexitAt.map((f) => `${f.file}:${f.line}`).join(', ');
    return count === 0
      ? summary('deadlock.goexit', { at })
      : summary('deadlock.goexit.blocked', { at, count });
  }
  return summary('deadlock.blocked', { count });
}

/** Returns the summary of a verdict, or undefined for ok. */
export function summaryFor(status: RunStatus, e: Evidence): Summary | undefined {
  switch (status) {
    case 'ok':
      return undefined;
    case 'compile_error':
      return compileSummary(e);
    case 'memory_limit':
    case 'output_limit':
      return summary(status);
    case 'concurrent_map':
      return summary(`concurrent_map.${e.fatal?.mapKind ?? 'other'}`, {
        value: e.fatal?.message ?? 'concurrent map access',
      });
    case 'deadlock':
      return deadlockSummary(e);
    case 'race': {
      const races = e.races.length;
      const goroutines = raceGoroutineCount(e.races);
      return races <= 1
        ? summary('race.one', { goroutines: goroutines || 2 })
        : summary('race.many', { races, goroutines });
    }
    case 'panic':
      if (e.panic) return located('panic', e.panic.message, where(e.panic.goroutines[0]));
      return located('fatal', e.fatal?.message ?? '', where(e.dump[0]));
    case 'timeout':
      return timeoutSummary(e);
    case 'test_failed': {
      const tests = e.testRun?.tests ?? [];
      const failed = tests.filter((t) => t.status === 'fail').map((t) => t.name);
      return summary('test_failed', { failed: failed.length, total: tests.length, names: failed.join(', ') });
    }
    case 'vet_findings':
      return summary('vet_findings', { count: e.diagnostics.filter((d) => d.source === 'vet').length });
    case 'exit_error':
      return summary('exit_error', { code: e.exitCode });
  }
}
