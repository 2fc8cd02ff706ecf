import { describe, expect, test } from 'vitest';
import { LOCALES } from '../../i18n/index.ts';
import { parseDoc, type SandboxError } from './format.ts';
import { hintText, outcomeText, sandboxErrorText, winText } from './words.ts';

const errors: SandboxError[] = [
  { code: 'json' },
  { code: 'format' },
  { code: 'version', params: { version: '2' } },
  { code: 'goroutines', params: { min: 2, max: 4 } },
  { code: 'ops', params: { g: 'G1', max: 8 } },
  { code: 'op', params: { g: 'G1', n: 2, op: 'mu.Lokc' } },
  { code: 'level' },
  { code: 'goal', params: { max: 300 } },
  { code: 'link' },
];

describe('the sandbox in words', () => {
  test.each(LOCALES)('%s words every import error with its facts filled in', (locale) => {
    for (const e of errors) {
      const text = sandboxErrorText(locale, e);
      expect(text, e.code).not.toMatch(/\{\w+\}|viz\.sb/);
      for (const v of Object.values('params' in e ? e.params : {})) expect(text).toContain(String(v));
    }
    expect(sandboxErrorText(locale, parseDoc('nope') as SandboxError)).toBe(
      sandboxErrorText(locale, { code: 'json' }),
    );
  });

  test('outcomes keep Go’s own words in both locales and add the race report', () => {
    const fatal = { end: 'fatal', message: 'concurrent map writes', x: null, race: true } as const;
    expect(outcomeText('en', fatal)).toBe('fatal error: concurrent map writes, and a data race is reported');
    expect(outcomeText('zh-cn', fatal)).toBe('fatal error: concurrent map writes，并报告数据竞争');
    expect(outcomeText('en', { end: 'lostUpdate', message: null, x: 1, race: false })).toBe(
      'Lost update: x = 1',
    );
    expect(outcomeText('zh-cn', { end: 'ok', message: null, x: null, race: false })).toBe('正常结束');
    expect(winText('zh-cn', { kind: 'deadlock' })).toBe('死锁');
    expect(hintText('en', { kind: 'race' })).toMatch(/no lock, Done or Wait/);
  });
});
