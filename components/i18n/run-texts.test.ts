import { describe, expect, test } from 'vitest';
import { SUMMARY_CODES, StopCode } from '../../contract/run.ts';
import { GO_DEADLOCK_LINE, formatGoroutines, stopText, summaryText } from './run-texts.ts';
import { LOCALES, STRINGS, type UiKey } from './index.ts';

const G = [
  {
    id: 1,
    state: 'sync.Mutex.Lock',
    frames: [
      { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
      { func: 'main.main', file: 'main.go', line: 8 },
    ],
  },
];
const STOP_CODES = StopCode.anyOf.map((literal) => literal.const);
/** Every placeholder a summary may name, with a value (see Summary.params in the contract). */
const PARAMS = {
  count: 2,
  failed: 1,
  total: 3,
  names: 'TestA, TestB',
  files: 'main.go',
  detail: 'go: go.mod requires go >= 1.99',
  at: 'main.go:7',
  value: 'boom',
  after: '2s',
  races: 2,
  goroutines: 3,
  code: 3,
};
/** Three English words in a row: a sentence, not an identifier, a path or a quoted Go line. */
const ENGLISH_RUN = /\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b/;

describe('run texts', () => {
  test.each(LOCALES)('%s words every summary code, every placeholder filled', (locale) => {
    for (const code of SUMMARY_CODES) {
      const key = `pg.summary.${code}` as UiKey;
      expect(STRINGS[locale][key], key).toBeTruthy();
      const text = summaryText(locale, { code, params: PARAMS });
      expect(text, code).not.toMatch(/\{\w+\}/);
      for (const name of STRINGS.en[key].match(/\{(\w+)\}/g) ?? [])
        expect(Object.keys(PARAMS), `${code} ${name}`).toContain(name.slice(1, -1));
    }
  });

  test('the Chinese summaries are Chinese: no English sentence of ours', () => {
    for (const code of SUMMARY_CODES) {
      const text = summaryText('zh-cn', { code, params: { ...PARAMS, detail: 'x', value: 'x' } });
      // The runtime's "fatal error:" prefix of a concurrent map error is Go's, quoted.
      expect(text.replace('fatal error:', ''), code).not.toMatch(ENGLISH_RUN);
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('summaries fill their facts', () => {
    expect(summaryText('en', { code: 'test_failed', params: { failed: 1, total: 3, names: 'TestA' } })).toBe(
      'Tests failed: 1 of 3 (TestA).',
    );
    expect(
      summaryText('zh-cn', { code: 'test_failed', params: { failed: 1, total: 3, names: 'TestA' } }),
    ).toBe('测试失败：3 个中有 1 个（TestA）。');
    expect(summaryText('zh-cn', { code: 'panic.at', params: { value: 'boom', at: 'main.go:7' } })).toBe(
      '程序发生了 panic：boom（main.go:7）。',
    );
  });

  test('goroutines are formatted the way Go prints them', () => {
    expect(formatGoroutines(G)).toBe(
      'goroutine 1 [sync.Mutex.Lock]:\nsync.(*Mutex).Lock(...)\n\tsync/mutex.go:46\nmain.main(...)\n\tmain.go:8',
    );
  });

  test('a deadlock: the runtime’s own line as Go prints it, then our note in the reader’s language', () => {
    const en = stopText('en', 'deadlock', G);
    expect(en.startsWith('fatal error: all goroutines are asleep - deadlock!\n(found by Lockstep:')).toBe(
      true,
    );
    expect(en).toContain('golang/go#20588');
    expect(en.endsWith('\tmain.go:8\n')).toBe(true);
    const zh = stopText('zh-cn', 'deadlock', G);
    const [runtime, note] = zh.split('\n');
    expect(runtime).toBe(GO_DEADLOCK_LINE.deadlock);
    expect(note).toBe(STRINGS['zh-cn']['pg.stop.deadlock']);
    expect(note).toMatch(/^（由 Lockstep 发现：/);
    expect(stopText('en', 'deadlock_no_goroutines', [])).toBe(
      'fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n' +
        '(found by Lockstep: main called runtime.Goexit and no goroutine of the program was left. ' +
        'Go reports this itself only in builds without -race; see golang/go#20588.)\n\n',
    );
  });

  test.each(STOP_CODES)('%s: the Chinese account has no English sentence besides Go’s own lines', (code) => {
    const zh = stopText('zh-cn', code, G);
    const ours = zh
      .split('\n')
      .filter((line) => !Object.values(GO_DEADLOCK_LINE).includes(line))
      .filter((line) => !formatGoroutines(G).split('\n').includes(line));
    for (const line of ours) expect(line).not.toMatch(ENGLISH_RUN);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a timeout says the sandbox stopped it, in each language', () => {
    expect(stopText('en', 'stopped', [])).toBe('[stopped by the sandbox: goroutines at that moment]\n\n');
    expect(stopText('zh-cn', 'stopped', [])).toBe('[沙箱终止了程序：以下是当时的 goroutine]\n\n');
  });
});
