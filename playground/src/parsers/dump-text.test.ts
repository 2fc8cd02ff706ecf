import { describe, expect, test } from 'vitest';
import { cutQuitDump, stopCode } from './dump-text.ts';

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

describe('quit dump', () => {
  test('keeps what the program printed and cuts the runtime dump', () => {
    const stderr =
      'my log line\nSIGQUIT: quit\nPC=0x4b2301 m=0 sigcode=0\n\ngoroutine 0 gp=0x585ec0 [idle]:\nruntime.futex(...)\n';
    expect(cutQuitDump(stderr)).toEqual({ stderr: 'my log line\n', dumped: true });
    expect(cutQuitDump('SIGQUIT: quit\nPC=1\n')).toEqual({ stderr: '', dumped: true });
  });

  test('text without a dump, or with the mark inside a line, is unchanged', () => {
    expect(cutQuitDump('panic: boom\n')).toEqual({ stderr: 'panic: boom\n', dumped: false });
    expect(cutQuitDump('said "SIGQUIT: quit\n"')).toEqual({
      stderr: 'said "SIGQUIT: quit\n"',
      dumped: false,
    });
  });

  test('the stop code says what Go itself would have said', () => {
    expect(stopCode('deadlock', G, undefined)).toBe('deadlock');
    // No goroutine left after main called runtime.Goexit: runtime/proc.go checkdead's "no goroutines".
    expect(stopCode('deadlock', [], 'main_goexit')).toBe('deadlock_no_goroutines');
    // With goroutines left blocked, Go's text is the ordinary one.
    expect(stopCode('deadlock', G, 'main_goexit')).toBe('deadlock');
    expect(stopCode('timeout', G, undefined)).toBe('stopped');
  });
});
