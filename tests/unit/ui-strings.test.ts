import { describe, expect, test } from 'vitest';
import { LOCALES, STRINGS, t } from '../../components/i18n/ui.ts';

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

  test('t fills parameters', () => {
    expect(t('en', 'pg.status.queued', { position: 2 })).toBe('Waiting in line (position 2)');
    expect(t('zh-cn', 'pg.status.queued', { position: 2 })).toBe('排队中（第 2 位）');
  });
});
