import { afterEach, describe, expect, test, vi } from 'vitest';
import { localeOf, pageLocale } from './locale.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the locale detector', () => {
  test('a language tag names its locale; anything else is English', () => {
    expect(localeOf('zh-CN')).toBe('zh-cn');
    expect(localeOf('zh')).toBe('zh-cn');
    expect(localeOf('en')).toBe('en');
    expect(localeOf('fr')).toBe('en');
    expect(localeOf('')).toBe('en');
    expect(localeOf(null)).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });

  test('the page’s locale is its <html lang>', () => {
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
    expect(pageLocale()).toBe('zh-cn');
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    expect(pageLocale()).toBe('en');
  });
});
