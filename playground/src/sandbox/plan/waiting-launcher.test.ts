import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import {
  ARGV_END,
  ARGV_FD,
  LAUNCHER_ENV,
  waitingLauncherArgv,
  waitingLauncherInput,
  type HostLayout,
} from './bwrap-args.ts';

const layout: HostLayout = {
  goroot: '/usr/local/go',
  rootEntries: [],
  libs: [],
  dropTo: null, // no setpriv: these tests run as any user
  uid: 65534,
  gid: 65534,
};

/** Starts a waiting launcher (no cgroups), feeds it `input` on its argv fd, collects the result. */
function launch(input: Buffer | null): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const argv = waitingLauncherArgv([], layout);
  const child = spawn(argv[0] ?? '', argv.slice(1), {
    env: { ...LAUNCHER_ENV },
    stdio: ['ignore', 'pipe', 'pipe', 'ignore', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  (child.stdout as Readable).on('data', (c: Buffer) => (stdout += c.toString()));
  (child.stderr as Readable).on('data', (c: Buffer) => (stderr += c.toString()));
  const pipe = child.stdio[ARGV_FD] as Writable;
  if (input === null) pipe.destroy();
  else pipe.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('waiting launcher', () => {
  it('encodes each word NUL-terminated, then the end marker', () => {
    expect(waitingLauncherInput(['bwrap', 'a b', '']).toString('utf8')).toBe(`bwrap\0a b\0\0${ARGV_END}\0`);
    expect(() => waitingLauncherInput([])).toThrow(/non-empty/);
    expect(() => waitingLauncherInput(['a\0b'])).toThrow(/NUL/);
  });

  it('waits in bash after the cgroup and privilege steps of the normal launcher', () => {
    const argv = waitingLauncherArgv(['/a/cgroup.procs'], { ...layout, dropTo: { uid: 65534, gid: 65534 } });
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(argv.slice(3, 10)).toEqual([
      'lockstep-launch',
      '1',
      '/a/cgroup.procs',
      'nice',
      '-n',
      '10',
      'setpriv',
    ]);
    expect(argv.slice(-6, -3)).toEqual(['--', '/bin/bash', '-c']);
    expect(argv.slice(-2)).toEqual(['lockstep-wait', ARGV_END]);
  });

  it('execs exactly the words it was sent, spaces, quotes and empty words intact', async () => {
    const words = ['/bin/sh', '-c', 'printf "<%s>" "$@"', 'sh', 'a b', '', "it's", '$HOME', '*'];
    const result = await launch(waitingLauncherInput(words));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("<a b><><it's><$HOME><*>");
  });

  it('does not pass its argv pipe on to the command', async () => {
    const result = await launch(
      waitingLauncherInput(['/bin/sh', '-c', `[ -e /proc/self/fd/${ARGV_FD} ] && echo open || echo closed`]),
    );
    expect(result.stdout.trim()).toBe('closed');
  });

  it('runs nothing when the server goes away before the end marker', async () => {
    const cut = waitingLauncherInput(['/bin/sh', '-c', 'echo ran']).subarray(0, -(ARGV_END.length + 1));
    const truncated = await launch(cut);
    expect(truncated.code).toBe(125);
    expect(truncated.stdout).toBe('');
    expect(truncated.stderr).toContain('launcher got no command');
    const closed = await launch(null);
    expect(closed.code).toBe(125);
    expect(closed.stdout).toBe('');
  });
});
