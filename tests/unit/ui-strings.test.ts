import { describe, expect, test } from 'vitest';
import { LOCALES, STRINGS, t } from '../../components/i18n/ui.ts';
import { EXERCISE_STRINGS } from '../../components/exercise/strings.ts';
import { PROGRESS_STRINGS } from '../../components/progress/strings.ts';
import { LAB_STRINGS } from '../../components/labs/strings.ts';
import { HOME_STRINGS } from '../../components/home/strings.ts';
import { GRADING_MESSAGES } from '../../playground/src/grading/messages.ts';
import { Cause } from '../../contract/run.ts';

describe('UI strings', () => {
  const keys = Object.keys(STRINGS.en).sort();

  test.each(LOCALES)('%s has every key, none empty', (locale) => {
    expect(Object.keys(STRINGS[locale]).sort()).toEqual(keys);
    for (const key of keys) expect(STRINGS[locale][key as keyof typeof STRINGS.en].trim()).not.toBe('');
  });

  test.each(LOCALES)('%s keeps the same {placeholders} as English', (locale) => {
    for (const key of keys) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const k = key as keyof typeof STRINGS.en;
      expect(names(STRINGS[locale][k]), `${locale} ${key}`).toEqual(names(STRINGS.en[k]));
    }
  });

  test('every cause code of the contract has an explanation for its verdict', () => {
    // A RunResult's cause picks `pg.explain.<status>.<code>` in report-view.ts; deadlock is the
    // only verdict with causes so far.
    for (const code of Cause.properties.code.anyOf.map((literal) => literal.const)) {
      expect(keys).toContain(`pg.explain.deadlock.${code}`);
    }
  });

  test('t fills parameters', () => {
    expect(t('en', 'pg.status.queued', { position: 2 })).toBe('Waiting in line (position 2)');
    expect(t('zh-cn', 'pg.status.queued', { position: 2 })).toBe('排队中（第 2 位）');
  });
});

describe.each([
  ['exercise', EXERCISE_STRINGS],
  ['progress', PROGRESS_STRINGS],
  ['labs', LAB_STRINGS],
  ['home page demo', HOME_STRINGS],
  ['grading (server)', GRADING_MESSAGES],
] as const)('%s UI strings', (_name, TABLE) => {
  const keys = Object.keys(TABLE.en).sort();
  test.each(LOCALES)('%s has every key with the same placeholders', (locale) => {
    const table = TABLE as unknown as Record<string, Record<string, string>>;
    expect(Object.keys(table[locale]!).sort()).toEqual(keys);
    for (const key of keys) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(table[locale]![key]!.trim()).not.toBe('');
      expect(names(table[locale]![key]!), `${locale} ${key}`).toEqual(names(table.en![key]!));
    }
  });
});
