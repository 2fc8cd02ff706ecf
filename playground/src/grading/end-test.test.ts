import { describe, expect, it } from 'vitest';
import type { GradingRules } from '../../../contract/exercise/types.ts';
import { gradeSummaryText, testNote } from '../../../components/i18n/grade-texts.ts';
import { NOT_COUNTED, UNVERIFIED, trustedGrade } from './end-test.ts';
import { gradeRun } from './grade.ts';
import { runResult, testCase } from './run-fixture.ts';

const RULES: GradingRules = {
  race: true,
  count: 1,
  timeBudgetMs: 2000,
  tests: [
    { name: 'TestA', weight: 1, hidden: false },
    { name: 'TestB', weight: 1, hidden: true },
  ],
};

const claimed = () =>
  gradeRun(RULES, runResult('test_failed', [testCase('TestA', 'pass'), testCase('TestB', 'fail')]));

describe('trustedGrade', () => {
  it('takes the points of claimed passes when the binary ended before the end test', () => {
    const g = trustedGrade(claimed(), false);
    expect(g).toMatchObject({ verdict: 'fail', score: 0, summary: { code: 'unverified', params: {} } });
    expect(g.message).toMatch(/^No points: the test binary ended before its last test/);
    expect(g.tests[0]).toMatchObject({ score: 0, note: { code: 'notCounted', params: {} } });
    expect(g.tests[0]?.message).toMatch(/^Not counted: the test binary ended before its last test/);
    expect(g.tests[1]).toMatchObject({
      note: { code: 'noMessage', params: {} },
      message: 'The test failed without a message.',
    });
  });

  it('is worded in Chinese for a zh-cn reader', () => {
    const g = trustedGrade(claimed(), false);
    expect(gradeSummaryText('zh-cn', g.summary)).toMatch(
      /^不得分：测试二进制在运行到最后一个测试之前就结束了/,
    );
    expect(testNote('zh-cn', g.tests[0]!)).toMatch(/^不计分：测试二进制在运行到最后一个测试之前就结束了/);
    expect(testNote('zh-cn', g.tests[1]!)).toBe('测试失败了，但没有输出任何信息。');
    expect([g.summary, g.tests[0]?.note]).toEqual([UNVERIFIED, NOT_COUNTED]);
  });

  it('leaves a grade alone when the end test ran', () => {
    const grade = claimed();
    expect(trustedGrade(grade, true)).toBe(grade);
  });
});
