import { describe, expect, it } from 'vitest';
import { failureLines, MAX_MESSAGE_CHARS } from './failure-lines.ts';

describe('failureLines', () => {
  it('keeps what the test printed, without framing and race blocks', () => {
    const output = [
      '=== RUN   TestX',
      '==================',
      'WARNING: DATA RACE',
      'Write at 0x00c000012345 by goroutine 8:',
      '  counter.Inc()',
      '      counter.go:12 +0x44',
      '==================',
      '    counter_test.go:33: Value() = 7990, want 8000',
      '    testing.go:1617: race detected during execution of test',
      '--- FAIL: TestX (0.01s)',
      '',
    ].join('\n');
    expect(failureLines(output)).toBe('counter_test.go:33: Value() = 7990, want 8000');
  });

  it('returns "" when the test printed nothing of its own', () => {
    expect(failureLines('=== RUN   TestX\n--- FAIL: TestX (0.00s)\n')).toBe('');
  });

  it('cuts long output', () => {
    const long = failureLines(`    x_test.go:1: ${'y'.repeat(MAX_MESSAGE_CHARS * 2)}\n`);
    expect(long.length).toBeLessThan(MAX_MESSAGE_CHARS + 10);
    expect(long.endsWith('[…]')).toBe(true);
  });
});
