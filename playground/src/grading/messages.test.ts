import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../contract/grade.ts';
import { GRADING_MESSAGES, gradingText, textIn, type GradingKey } from './messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(GRADING_MESSAGES.en).sort() as GradingKey[];

describe('file refusal messages', () => {
  it.each(LOCALES)('%s has every key, none empty, with the English {placeholders}', (locale) => {
    const table = GRADING_MESSAGES[locale];
    expect(Object.keys(table).sort()).toEqual(keys);
    for (const key of keys) {
      expect(table[key].trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(table[key]), `${locale} ${key}`).toEqual(placeholders(GRADING_MESSAGES.en[key]));
    }
  });

  it('has no Chinese text left as the English one', () => {
    const same = keys.filter((key) => GRADING_MESSAGES['zh-cn'][key] === GRADING_MESSAGES.en[key]);
    expect(same).toEqual([]);
  });

  it('writes every Chinese sentence in Chinese', () => {
    // Keys that are only punctuation or a join of other texts have no words of their own.
    const wordless = new Set<GradingKey>(['list.separator']);
    for (const key of keys.filter((k) => !wordless.has(k)))
      expect(GRADING_MESSAGES['zh-cn'][key], key).toMatch(/[\u4e00-\u9fff]/);
  });

  it('fills parameters in one pass, leaving braces in the values and unknown names alone', () => {
    expect(gradingText('en', 'files.embed', { file: 'a.go' })).toBe(
      'a.go: //go:embed is not available in exercises.',
    );
    expect(gradingText('zh-cn', 'files.readOnly', { file: 'go.mod', allowed: 'a.go' })).toBe(
      'go.mod 由练习提供，不能修改；你可以提交的文件：a.go。',
    );
    expect(textIn('zh-cn')('files.embed', { file: '{allowed}.go' })).toBe(
      '{allowed}.go：练习中不能使用 //go:embed。',
    );
    expect(gradingText('en', 'list.separator')).toBe(', ');
  });
});
