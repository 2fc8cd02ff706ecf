import { describe, expect, test } from 'vitest';
import {
  GRADE_SUMMARY_CODES,
  HIDDEN_SOURCE_MARK,
  NOTE_CODES,
  type GradedTest,
  type GradeNote,
  type GradeSummary,
} from '../../contract/grade.ts';
import type { Summary } from '../../contract/run.ts';
import { englishSentences } from '../../tests/english-sentence.ts';
import { gradeSummaryText, gradeText, hiddenSourceWorded, noteText, testNote } from './grade-texts.ts';
import { LOCALES } from './index.ts';

const DEADLOCK: Summary = { code: 'deadlock.blocked', params: { count: 2 } };
const BLOCKED = [
  { file: 'bank.go', line: 45, func: 'Transfer', state: 'sync.Mutex.Lock' },
  { file: 'ledger.go', line: 12, func: 'Post', state: 'chan send' },
];
/** The test's own lines: its words, the same in every locale. */
const LINES = `counter_test.go:31: got 990, want 1000\ncounter_test.go:40: ${HIDDEN_SOURCE_MARK}`;

/** A note of each code with every fact it can carry. */
function fullNote(code: GradeNote['code']): GradeNote {
  return { code, params: { lines: LINES, status: 'deadlock' }, blocked: BLOCKED, why: DEADLOCK };
}

/** A summary of each code with every fact it can carry. */
function fullSummary(code: GradeSummary['code']): GradeSummary {
  return { code, params: { n: 7, failed: 2, status: 'race' }, tests: ['TestA', 'TestB'], why: DEADLOCK };
}

/** Every text a code can be worded as, with and without its optional facts. */
const noteTexts = (locale: (typeof LOCALES)[number]) =>
  NOTE_CODES.flatMap((code) => [noteText(locale, fullNote(code)), noteText(locale, { code, params: {} })]);
const summaryTexts = (locale: (typeof LOCALES)[number]) =>
  GRADE_SUMMARY_CODES.flatMap((code) => [
    gradeSummaryText(locale, fullSummary(code)),
    gradeSummaryText(locale, { code, params: { n: 3, failed: 1, status: 'race' } }),
  ]);

describe('grade texts', () => {
  test.each(LOCALES)('%s words every note and summary code, every placeholder filled', (locale) => {
    for (const text of [...noteTexts(locale), ...summaryTexts(locale)]) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toContain(HIDDEN_SOURCE_MARK);
    }
    // Only `failed` without lines is empty: a failing test that printed nothing is noMessage.
    expect(NOTE_CODES.filter((code) => noteText(locale, { code, params: {} }) === '')).toEqual(['failed']);
  });

  test('the Chinese wording of every code has no English sentence: only the test’s own lines are quoted', () => {
    for (const text of [...noteTexts('zh-cn'), ...summaryTexts('zh-cn')]) {
      expect(englishSentences(text), text).toEqual([]);
      if (text) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('notes in English and Chinese, with the facts in place and the joins of each language', () => {
    expect(noteText('en', fullNote('neverFinished'))).toBe(
      'Never finished. Waiting in your code: bank.go:45 in Transfer (sync.Mutex.Lock); ledger.go:12 in Post (chan send). ' +
        'Deadlock: every goroutine is asleep, each waiting for another (blocked goroutines: 2).',
    );
    expect(noteText('zh-cn', fullNote('neverFinished'))).toBe(
      '测试没有运行完。卡在你的代码中：bank.go:45 处的 Transfer（sync.Mutex.Lock）；ledger.go:12 处的 Post（chan send）。' +
        '死锁：所有 goroutine 都在休眠，互相等待（被阻塞的 goroutine：2 个）。',
    );
    expect(noteText('en', { code: 'race', params: { lines: 'a_test.go:3: got 1' } })).toBe(
      'A data race was reported while this test ran (see the race report).\na_test.go:3: got 1',
    );
    expect(noteText('zh-cn', { code: 'skipped', params: { lines: 'a_test.go:3: needs Linux' } })).toBe(
      '已跳过：a_test.go:3: needs Linux',
    );
    expect(noteText('zh-cn', { code: 'notRun.stopped', params: { status: 'deadlock' } })).toBe(
      '未运行：测试二进制在运行到这个测试之前就停止了（死锁）。',
    );
    expect(noteText('zh-cn', { code: 'notRun.compile', params: {} })).toBe('未运行。代码未能通过编译。');
    expect(noteText('en', { code: 'stopped', params: {} })).toBe(
      'Stopped while running. The runner stopped the test binary.',
    );
  });

  test('summaries in English and Chinese, lists joined as each language joins them', () => {
    expect(gradeSummaryText('en', { code: 'error', params: {}, tests: ['TestA', 'TestB'] })).toBe(
      'This exercise could not be graded: TestA, TestB did not run although the tests finished. Please report it.',
    );
    expect(gradeSummaryText('zh-cn', { code: 'error', params: {}, tests: ['TestA', 'TestB'] })).toBe(
      '这个练习无法评分：测试已经结束，TestA、TestB 却没有运行。请报告这个问题。',
    );
    expect(gradeSummaryText('en', fullSummary('failed'))).toBe(
      '2 of 7 tests did not pass. Deadlock: every goroutine is asleep, each waiting for another (blocked goroutines: 2).',
    );
    expect(gradeSummaryText('zh-cn', fullSummary('failed'))).toBe(
      '7 个测试中有 2 个未通过。死锁：所有 goroutine 都在休眠，互相等待（被阻塞的 goroutine：2 个）。',
    );
    expect(gradeSummaryText('zh-cn', { code: 'statusNotOk', params: { status: 'race' } })).toBe(
      '所有测试都通过了，但这次运行没有正常结束：数据竞争。',
    );
  });

  test('the mark where hidden source was removed is worded in the reader’s language, wherever it is', () => {
    expect(hiddenSourceWorded('en', `a ${HIDDEN_SOURCE_MARK} b ${HIDDEN_SOURCE_MARK}`)).toBe(
      'a [hidden test source removed] b [hidden test source removed]',
    );
    expect(
      noteText('zh-cn', { code: 'failed', params: { lines: `x_test.go:5: ${HIDDEN_SOURCE_MARK}` } }),
    ).toBe('x_test.go:5: [已移除隐藏测试的源码]');
  });

  test('a grade stored before codes existed is shown as it was stored', () => {
    const old: GradedTest = {
      name: 'TestA',
      status: 'fail',
      weight: 1,
      score: 0,
      message: '这个测试运行期间报告了数据竞争（见竞态报告）。',
      hidden: false,
      race: true,
    };
    expect(testNote('en', old)).toBe(old.message);
    expect(gradeText('en', { message: '3 个测试中有 1 个未通过。' })).toBe('3 个测试中有 1 个未通过。');
    expect(gradeText('zh-cn', { message: 'x', summary: { code: 'pass', params: { n: 3 } } })).toBe(
      '全部 3 个测试通过。',
    );
  });
});
