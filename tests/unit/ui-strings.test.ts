import { describe, expect, test } from 'vitest';
import { AREAS, isUiKey, LOCALES, STRINGS, t } from '../../components/i18n/index.ts';
import { Cause } from '../../contract/run.ts';

type Table = Record<string, Record<string, string>>;
const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the one UI string registry', () => {
  const keys = Object.keys(STRINGS.en).sort();

  test.each(LOCALES)('%s has every key, none empty, same {placeholders} as English', (locale) => {
    expect(Object.keys(STRINGS[locale]).sort()).toEqual(keys);
    for (const key of keys.filter(isUiKey)) {
      expect(STRINGS[locale][key].trim(), `${locale} ${key}`).not.toBe('');
      expect(names(STRINGS[locale][key]), `${locale} ${key}`).toEqual(names(STRINGS.en[key]));
    }
  });

  test('no key is in two areas, and each area keeps to a prefix of its own', () => {
    const owner = new Map<string, string>();
    const prefixes: string[] = [];
    for (const [area, table] of Object.entries(AREAS)) {
      const own = new Set(Object.keys(table.en).map((k) => k.split('.')[0]!));
      expect([...own], area).toHaveLength(1);
      prefixes.push(...own);
      for (const key of Object.keys(table.en)) {
        expect(owner.get(key), `${key} in ${area}`).toBeUndefined();
        owner.set(key, area);
      }
    }
    expect(new Set(prefixes).size).toBe(prefixes.length);
    // The merged registry is exactly the areas' keys: nothing lost, nothing extra.
    expect(owner.size).toBe(keys.length);
  });

  test('every cause code of the contract has an explanation for its verdict', () => {
    // A RunResult's cause picks `pg.explain.<status>.<code>` in report-view.ts; deadlock is the
    // only verdict with causes so far.
    for (const code of Cause.properties.code.anyOf.map((literal) => literal.const)) {
      expect(keys).toContain(`pg.explain.deadlock.${code}`);
    }
  });

  test('t fills parameters, for any area, in both locales', () => {
    expect(t('en', 'pg.status.queued', { position: 2 })).toBe('Waiting in line (position 2)');
    expect(t('zh-cn', 'pg.status.queued', { position: 2 })).toBe('排队中（第 2 位）');
    expect(t('en', 'quiz.question', { n: 2, total: 5 })).toBe('Question 2 of 5');
    expect(t('zh-cn', 'quiz.summary', { correct: 1, total: 3 })).toBe('已答对 1 / 3 题');
    expect(t('en', 'viz.position', { step: 3, total: 9 })).toBe('Step 3 of 9');
    expect(t('zh-cn', 'viz.position', { step: 3, total: 9 })).toBe('第 3 步，共 9 步');
  });

  test('isUiKey tells a key of the registry from any other string', () => {
    expect(isUiKey('lab.reason.internal')).toBe(true);
    expect(isUiKey('lab.reason.no_such_code')).toBe(false);
    expect(isUiKey('toString')).toBe(false);
  });

  test('简体中文 quiz strings are translated, not copied', () => {
    for (const [k, v] of Object.entries(AREAS.quiz['zh-cn'])) expect(v, k).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe.each(Object.entries(AREAS))('%s UI strings', (_name, TABLE) => {
  const table = TABLE as unknown as Table;
  const keys = Object.keys(table.en!).sort();
  test.each(LOCALES)('%s has every key, none empty, with the same placeholders', (locale) => {
    expect(Object.keys(table[locale]!).sort()).toEqual(keys);
    for (const key of keys) {
      expect(table[locale]![key]!.trim(), `${locale} ${key}`).not.toBe('');
      expect(names(table[locale]![key]!), `${locale} ${key}`).toEqual(names(table.en![key]!));
    }
  });
});
