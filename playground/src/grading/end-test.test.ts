import { describe, expect, it } from 'vitest';
import type { GradingRules } from '../../../contract/exercise/types.ts';
import { NOT_COUNTED_MESSAGE, UNVERIFIED_MESSAGE, trustedGrade } from './end-test.ts';
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

const claimed = (locale: 'en' | 'zh-cn') =>
  gradeRun(
    RULES,
    runResult('test_failed', [testCase('TestA', 'pass'), testCase('TestB', 'fail')]),
    [],
    locale,
  );

describe('trustedGrade', () => {
  it('takes the points of claimed passes when the binary ended before the end test', () => {
    const g = trustedGrade(claimed('en'), false);
    expect(g).toMatchObject({ verdict: 'fail', score: 0, message: UNVERIFIED_MESSAGE });
    expect(g.tests[0]).toMatchObject({ score: 0, message: NOT_COUNTED_MESSAGE });
    expect(g.tests[1]?.message).toBe('The test failed without a message.');
  });

  it('says so in Chinese for a zh-cn grade', () => {
    const g = trustedGrade(claimed('zh-cn'), false, 'zh-cn');
    expect(g.message).toMatch(/^不得分：测试二进制在运行到最后一个测试之前就结束了/);
    expect(g.tests[0]?.message).toMatch(/^不计分：测试二进制在运行到最后一个测试之前就结束了/);
    expect(g.tests[1]?.message).toBe('测试失败了，但没有输出任何信息。');
  });

  it('leaves a grade alone when the end test ran', () => {
    const grade = claimed('zh-cn');
    expect(trustedGrade(grade, true, 'zh-cn')).toBe(grade);
  });
});
