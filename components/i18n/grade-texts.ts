/**
 * Words a grade's codes in a locale, from the UI strings (strings/grading.ts): why each test did
 * not pass (GradedTest.note), the verdict's summary (GradeResult.summary), and the mark that stands
 * where the grader removed hidden test source. The run's own summary inside them is worded by
 * summaryText, as everywhere else. Grades a lab stored before these codes existed have only their
 * messages: those are shown as they are. Used by the exercise's Check, the lab views and the
 * command-line tools, so all say the same.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
import { HIDDEN_SOURCE_MARK } from '../../contract/grade.ts';
import type { GradedTest, GradeNote, GradeSummary, StoredGradeResult } from '../../contract/grade.ts';
import type { Summary } from '../../contract/run.ts';
import { isUiKey, t, type Locale, type UiKey } from './index.ts';
import { summaryText } from './run-texts.ts';
import { listText, sentencesText } from './format.ts';

/** Returns the run's summary in words, or `fallback`'s when the run has none. */
function why(locale: Locale, summary: Summary | undefined, fallback: UiKey): string {
  return summary ? summaryText(locale, summary) : t(locale, fallback);
}

/** Returns a run status as the playground's verdict names it ("Deadlock", "死锁"); an unknown one as it is. */
function statusText(locale: Locale, status: string | number | undefined): string {
  const key = `pg.verdict.${status}`;
  return isUiKey(key) ? t(locale, key) : String(status ?? '');
}

/** Returns the test's own lines with each hidden-source mark worded. */
function linesOf(locale: Locale, note: GradeNote): string {
  return hiddenSourceWorded(locale, String(note.params.lines ?? ''));
}

/** Returns why a test did not pass, in locale. */
export function noteText(locale: Locale, note: GradeNote): string {
  const lines = linesOf(locale, note);
  switch (note.code) {
    case 'race':
      return [t(locale, 'grade.note.race'), lines].filter(Boolean).join('\n');
    case 'failed':
      // The test's own words, as it printed them.
      return lines;
    case 'noMessage':
      return t(locale, 'grade.note.noMessage');
    case 'skipped':
      return lines ? t(locale, 'grade.note.skippedWith', { lines }) : t(locale, 'grade.note.skipped');
    case 'neverFinished': {
      const because = why(locale, note.why, 'grade.why.runnerStopped');
      const places = (note.blocked ?? []).map((b) => t(locale, 'grade.blocked.at', { ...b }));
      return places.length > 0
        ? t(locale, 'grade.note.neverFinishedAt', {
            places: places.join(t(locale, 'grade.list.places')),
            why: because,
          })
        : t(locale, 'grade.note.neverFinished', { why: because });
    }
    case 'stopped':
      return t(locale, 'grade.note.stopped', { why: why(locale, note.why, 'grade.why.runnerStopped') });
    case 'notRun.compile':
      return t(locale, 'grade.note.notRun.compile', { why: why(locale, note.why, 'grade.why.noCompile') });
    case 'notRun.noSuchTest':
      return t(locale, 'grade.note.notRun.noSuchTest');
    case 'notRun.stopped':
      return t(locale, 'grade.note.notRun.stopped', { status: statusText(locale, note.params.status) });
    case 'notCounted':
      return t(locale, 'grade.note.notCounted');
  }
}

/** Returns a grade's summary, in locale. */
export function gradeSummaryText(locale: Locale, summary: GradeSummary): string {
  const { n = 0, failed = 0, status } = summary.params;
  let head: string;
  switch (summary.code) {
    case 'pass':
    case 'passRace':
    case 'unverified':
      head = t(locale, `grade.summary.${summary.code}`, { n });
      break;
    case 'error':
      head = t(locale, 'grade.summary.error', {
        tests: listText(locale, summary.tests ?? []),
      });
      break;
    case 'statusNotOk':
      head = t(locale, 'grade.summary.statusNotOk', { status: statusText(locale, status) });
      break;
    case 'failed':
      head = t(locale, 'grade.summary.failed', { failed, n });
      break;
  }
  return summary.why ? sentencesText(locale, [head, summaryText(locale, summary.why)]) : head;
}

/** Returns why a graded test did not pass: its note worded, or a stored grade's message as it is. */
export function testNote(locale: Locale, test: GradedTest): string {
  return test.note ? noteText(locale, test.note) : test.message;
}

/** Returns a grade's summary worded, or a stored grade's message as it is. */
export function gradeText(locale: Locale, grade: Pick<StoredGradeResult, 'summary' | 'message'>): string {
  return grade.summary ? gradeSummaryText(locale, grade.summary) : grade.message;
}

/** Returns text (a graded run's output, a test's lines) with each hidden-source mark in words. */
export function hiddenSourceWorded(locale: Locale, text: string): string {
  return text.replaceAll(HIDDEN_SOURCE_MARK, t(locale, 'grade.hiddenSource'));
}
