import { describe, expect, test } from 'vitest';
import { QUIZ_LOCALES, QUIZ_STRINGS, qt, quizLocale, type QuizKey } from './strings.ts';

const keys = Object.keys(QUIZ_STRINGS.en).sort() as QuizKey[];
const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('quiz UI strings', () => {
  test.each(QUIZ_LOCALES)('%s has every key, none empty, same {placeholders} as English', (locale) => {
    expect(Object.keys(QUIZ_STRINGS[locale]).sort()).toEqual(keys);
    for (const k of keys) {
      expect(QUIZ_STRINGS[locale][k].trim(), k).not.toBe('');
      expect(names(QUIZ_STRINGS[locale][k]), `${locale} ${k}`).toEqual(names(QUIZ_STRINGS.en[k]));
    }
  });

  test('简体中文 strings are translated, not copied', () => {
    for (const k of keys) expect(QUIZ_STRINGS['zh-cn'][k], k).toMatch(/[\u4e00-\u9fff]/);
  });

  test('locale from <html lang>, and parameters are filled', () => {
    expect(quizLocale('zh-CN')).toBe('zh-cn');
    expect(quizLocale('en')).toBe('en');
    expect(quizLocale(undefined)).toBe('en');
    expect(qt('en', 'quiz.question', { n: 2, total: 5 })).toBe('Question 2 of 5');
    expect(qt('zh-cn', 'quiz.summary', { correct: 1, total: 3 })).toBe('已答对 1 / 3 题');
  });
});
