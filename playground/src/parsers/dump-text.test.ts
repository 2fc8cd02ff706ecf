import { describe, expect, test } from 'vitest';
import { formatGoroutines, replaceQuitDump } from './dump-text.ts';

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

describe('quit dump text', () => {
  test('formats goroutines the way Go prints them, with learner file names', () => {
    expect(formatGoroutines(G)).toBe(
      'goroutine 1 [sync.Mutex.Lock]:\nsync.(*Mutex).Lock(...)\n\tsync/mutex.go:46\nmain.main(...)\n\tmain.go:8',
    );
  });

  test('keeps what the program printed and replaces the runtime dump', () => {
    const stderr =
      'my log line\nSIGQUIT: quit\nPC=0x4b2301 m=0 sigcode=0\n\ngoroutine 0 gp=0x585ec0 [idle]:\nruntime.futex(...)\n';
    const out = replaceQuitDump(stderr, 'deadlock', G);
    expect(out.startsWith('my log line\nfatal error: all goroutines are asleep - deadlock!\n')).toBe(true);
    expect(out).toContain('golang/go#20588');
    expect(out).toContain('\tmain.go:8');
    expect(out).not.toContain('PC=0x');
  });

  test('no goroutine left after main called runtime.Goexit: the runtime’s own words for it', () => {
    const out = replaceQuitDump(
      't1\nSIGQUIT: quit\nPC=0x4b2301 m=0 sigcode=0\n',
      'deadlock',
      [],
      'main_goexit',
    );
    expect(out).toBe(
      't1\nfatal error: no goroutines (main called runtime.Goexit) - deadlock!\n' +
        '(found by Lockstep: main called runtime.Goexit and no goroutine of the program was left.\n' +
        ' Go reports this itself only in builds without -race; see golang/go#20588.)\n\n',
    );
    // With goroutines left blocked, Go's text is the ordinary one (runtime/proc.go checkdead).
    expect(replaceQuitDump('SIGQUIT: quit\n', 'deadlock', G, 'main_goexit')).toContain(
      'all goroutines are asleep - deadlock!',
    );
  });

  test('a timeout says the sandbox stopped it; text without a dump is unchanged', () => {
    expect(replaceQuitDump('SIGQUIT: quit\nPC=1\n', 'timeout', [])).toBe(
      '[stopped by the sandbox: goroutines at that moment]\n\n',
    );
    expect(replaceQuitDump('panic: boom\n', 'panic', G)).toBe('panic: boom\n');
  });
});
