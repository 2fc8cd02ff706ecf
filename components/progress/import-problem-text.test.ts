import { describe, expect, test } from 'vitest';
import { importProblemText } from './import-problem-text.ts';
import { parseProgress } from './progress.ts';

describe('importProblemText', () => {
  test('words each problem in both locales, the entry path kept as written', () => {
    const problem = parseProgress({ version: 1, exercises: { c: 3 }, chapters: {}, quizzes: {}, visual: {} });
    if (problem.ok) throw new Error('accepted a broken file');
    expect(importProblemText('en', problem.problem)).toBe(
      'the entry exercises.c is missing or not a set of entries.',
    );
    expect(importProblemText('zh-cn', problem.problem)).toBe('条目 exercises.c 缺失，或不是一组条目。');
    expect(importProblemText('zh-cn', { code: 'version', found: '9', expected: 1 })).toBe(
      '它的版本是 9，而本站读取的是版本 1。',
    );
    expect(importProblemText('zh-cn', { code: 'not_json' })).toBe('它不是 JSON。');
  });
});
