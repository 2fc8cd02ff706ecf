/**
 * Pure: the short English `message` kept beside each code of a grade for API users (as
 * RunResult.message is beside RunResult.summary). Learners never read these: the browser words
 * the codes itself (components/i18n/grade-texts.ts), in their language. The run's own English
 * message stands for its summary here, as the browser's summaryText does there.
 */
import type { GradeNote, GradeSummary } from '../../../contract/grade.ts';

/** "bank.go:45 in Transfer (sync.Mutex.Lock); …" */
function places(note: GradeNote): string {
  return (note.blocked ?? []).map((b) => `${b.file}:${b.line} in ${b.func} (${b.state})`).join('; ');
}

/** Returns the English text of a test's note; runMessage is the run's English message. */
export function noteMessage(note: GradeNote, runMessage: string | undefined): string {
  const lines = String(note.params.lines ?? '');
  const why = runMessage ?? 'The runner stopped the test binary.';
  switch (note.code) {
    case 'race':
      return ['A data race was reported while this test ran (see the race report).', lines]
        .filter(Boolean)
        .join('\n');
    case 'failed':
      return lines;
    case 'noMessage':
      return 'The test failed without a message.';
    case 'skipped':
      return lines ? `Skipped: ${lines}` : 'Skipped.';
    case 'neverFinished':
      return note.blocked?.length
        ? `Never finished. Waiting in your code: ${places(note)}. ${why}`
        : `Never finished. ${why}`;
    case 'stopped':
      return `Stopped while running. ${why}`;
    case 'notRun.compile':
      return `Not run. ${runMessage ?? 'The code did not compile.'}`;
    case 'notRun.noSuchTest':
      return 'Not run: the package has no test of this name (the exercise is misconfigured).';
    case 'notRun.stopped':
      return `Not run: the test binary stopped before reaching it (${note.params.status}).`;
    case 'notCounted':
      return 'Not counted: the test binary ended before its last test, so the results it printed cannot be trusted (a crash, os.Exit, or printed lines that look like test results).';
  }
}

/** Returns the English text of a grade's summary; runMessage is the run's English message. */
export function summaryMessage(summary: GradeSummary, runMessage: string | undefined): string {
  const { n, failed, status } = summary.params;
  const why = summary.why && runMessage ? ` ${runMessage}` : '';
  switch (summary.code) {
    case 'pass':
      return `All ${n} tests pass.`;
    case 'passRace':
      return `All ${n} tests pass with the race detector on.`;
    case 'error':
      return `This exercise could not be graded: ${(summary.tests ?? []).join(', ')} did not run although the tests finished. Please report it.`;
    case 'statusNotOk':
      return `Every test passed, but the run ended with status ${status}.${why}`;
    case 'failed':
      return `${failed} of ${n} tests did not pass.${why}`;
    case 'unverified':
      return 'No points: the test binary ended before its last test, so the results it printed cannot be trusted. Fix the crash first; if your code exits the process (os.Exit, syscall.Exit) or prints lines that look like test results, remove that.';
  }
}
