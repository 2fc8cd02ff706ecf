import { describe, expect, it } from 'vitest';
import { buildSandboxArgs, launcherArgv, runSandboxArgs, type HostLayout } from './bwrap-args.ts';
import { binaryCacheKey } from './binary-key.ts';
import { buildArgs, runLaunch } from './commands.ts';
import { cgroupDir, jobCgroupName, oomKills, ownerPidOf, parseProcCgroup } from './cgroup-paths.ts';
import { explainTrialFailure, parseLdd } from './probe-parse.ts';

const layout: HostLayout = {
  goroot: '/usr/local/go',
  rootEntries: [{ path: '/usr' }, { path: '/lib', symlink: 'usr/lib' }],
  libs: [{ host: '/usr/lib/x86_64-linux-gnu/libc.so.6', sandbox: '/lib/x86_64-linux-gnu/libc.so.6' }],
  dropTo: { uid: 65534, gid: 65534 },
  uid: 65534,
  gid: 65534,
};
const pairs = (args: string[], flag: string): string[][] =>
  args.flatMap((a, i) => (a === flag ? [[args[i + 1] ?? '', args[i + 2] ?? '']] : []));

describe('build sandbox argv', () => {
  const args = buildSandboxArgs(layout, { src: '/d/src', out: '/d/out', gocache: '/d/gc' }, 1000);
  it('unshares everything, drops capabilities and identity', () => {
    for (const flag of [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      '--clearenv',
    ]) {
      expect(args).toContain(flag);
    }
    expect(args.join(' ')).toContain('--cap-drop ALL');
    expect(args.join(' ')).toContain('--uid 65534 --gid 65534');
    expect(args).not.toContain('--share-net');
  });
  it('binds the toolchain read-only and only the job dirs writable', () => {
    expect(pairs(args, '--ro-bind')).toEqual([['/usr', '/usr']]); // GOROOT is inside /usr
    expect(pairs(args, '--bind')).toEqual([
      ['/d/src', '/sandbox/src'],
      ['/d/out', '/sandbox/out'],
      ['/d/gc', '/sandbox/gocache'],
    ]);
    expect(pairs(args, '--symlink')).toEqual([['usr/lib', '/lib']]);
    expect(args.join(' ')).toContain('--size 1000 --tmpfs /tmp');
    expect(args.join(' ')).toContain('--remount-ro /');
  });
  it('sets a closed Go environment', () => {
    const env = Object.fromEntries(pairs(args, '--setenv'));
    expect(env).toMatchObject({
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOFLAGS: '-mod=mod -buildvcs=false',
      CGO_ENABLED: '1',
      GOCACHE: '/sandbox/gocache',
    });
  });
  it('binds GOROOT when it is outside /usr', () => {
    const other = buildSandboxArgs({ ...layout, goroot: '/opt/go' }, { src: 's', out: 'o', gocache: 'g' }, 1);
    expect(pairs(other, '--ro-bind')).toContainEqual(['/opt/go', '/opt/go']);
  });
  it('binds a GOROOT under /tmp after the sandbox’s own /tmp, which would hide it', () => {
    const under = buildSandboxArgs(
      { ...layout, goroot: '/tmp/ci/go1.24.0' },
      { src: 's', out: 'o', gocache: 'g' },
      1,
    );
    const tmpfs = under.indexOf('--tmpfs');
    expect(under[tmpfs + 1]).toBe('/tmp');
    const bind = under.findIndex((a, i) => a === '--ro-bind' && under[i + 1] === '/tmp/ci/go1.24.0');
    expect(bind).toBeGreaterThan(tmpfs);
  });
});

describe('run sandbox argv', () => {
  const args = runSandboxArgs(
    layout,
    { src: '/d/src', binary: '/d/run/prog', test2json: '/t/test2json' },
    1000,
  );
  it('sees only its binary, sources, libc and test2json, read-only', () => {
    expect(pairs(args, '--ro-bind')).toEqual([
      ['/usr/lib/x86_64-linux-gnu/libc.so.6', '/lib/x86_64-linux-gnu/libc.so.6'],
      ['/d/src', '/sandbox/src'],
      ['/d/run/prog', '/sandbox/bin/prog'],
      ['/t/test2json', '/sandbox/bin/test2json'],
    ]);
    expect(args).not.toContain('--bind');
    expect(Object.fromEntries(pairs(args, '--setenv'))).toMatchObject({
      GORACE: 'atexit_sleep_ms=0',
      GOTRACEBACK: 'all',
    });
  });
  it('runs tests through test2json with no test timer', () => {
    const launch = runLaunch(
      { mode: 'bwrap', layout, cgroupProcFiles: ['/cg/cgroup.procs'], hostTmp: '/x' },
      { src: 's', binary: 'b', test2json: 't' },
      1,
      'test',
      [],
    );
    const cmd = launch.argv.slice(launch.argv.lastIndexOf('--') + 1);
    expect(cmd).toEqual([
      '/sandbox/bin/test2json',
      '-t',
      '-p',
      'sandbox',
      '/sandbox/bin/prog',
      '-test.v=test2json',
      '-test.paniconexit0',
      '-test.timeout=0',
      '-test.count=1',
    ]);
    expect(launch.programDepth).toBe(3);
  });
});

describe('launcher', () => {
  it('joins the cgroups, lowers its priority below the server, drops root, then execs bwrap', () => {
    const argv = launcherArgv(['/a/cgroup.procs', '/b/cgroup.procs'], layout, ['bwrap', 'x']);
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(argv.slice(3)).toEqual([
      'lockstep-launch',
      '2',
      '/a/cgroup.procs',
      '/b/cgroup.procs',
      'nice',
      '-n',
      '10',
      'setpriv',
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      '--',
      'bwrap',
      'x',
    ]);
    expect(launcherArgv([], { ...layout, dropTo: null }, ['bwrap']).slice(3)).toEqual([
      'lockstep-launch',
      '0',
      'nice',
      '-n',
      '10',
      'bwrap',
    ]);
  });
});

describe('build commands and cache key', () => {
  it('builds programs and test binaries', () => {
    expect(buildArgs('run', true, '/o')).toEqual(['build', '-race', '-ldflags=-w', '-o', '/o/prog', '.']);
    expect(buildArgs('test', false, '/o')).toEqual(['test', '-c', '-ldflags=-w', '-o', '/o/prog', '.']);
  });
  it('keys on content, names, mode and Go version but not file order', () => {
    const base = {
      files: { 'a.go': 'x', 'b.go': 'y' },
      action: 'run',
      race: true,
      goVersion: 'go1.26.8',
      buildArgs: ['-race'],
    };
    const key = binaryCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(binaryCacheKey({ ...base, files: { 'b.go': 'y', 'a.go': 'x' } })).toBe(key);
    expect(binaryCacheKey({ ...base, files: { 'a.go': 'x', 'c.go': 'y' } })).not.toBe(key);
    expect(binaryCacheKey({ ...base, race: false })).not.toBe(key);
    expect(binaryCacheKey({ ...base, goVersion: 'go1.26.9' })).not.toBe(key);
  });
});

describe('cgroup paths and probe helpers', () => {
  it('parses /proc/self/cgroup for v1 and v2', () => {
    const own = parseProcCgroup(
      '4:memory:/process_api/abc\n2:cpu,cpuacct:/\n8:pids:/\n0::/user.slice/x.scope\n',
    );
    expect(own.v1.memory).toBe('/process_api/abc');
    expect(own.v1.cpuacct).toBe('/');
    expect(own.unified).toBe('/user.slice/x.scope');
    expect(cgroupDir('/sys/fs/cgroup/memory', '/a/../b')).toBe('/sys/fs/cgroup/memory/a/b');
  });
  it('names job groups so leftovers can be traced to their server', () => {
    const name = jobCgroupName(123, 'k3x', 7);
    expect(ownerPidOf(name)).toBe(123);
    expect(ownerPidOf('system.slice')).toBeNull();
    expect(oomKills('oom_kill_disable 0\nunder_oom 0\noom_kill 2\n')).toBe(2);
    expect(oomKills('low 0\nhigh 0\nmax 3\noom 1\noom_kill 0\n')).toBe(0);
  });
  it('reads ldd output', () => {
    const out =
      '\tlinux-vdso.so.1 (0x00007ffd)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)\n\t/lib64/ld-linux-x86-64.so.2 (0x00007f)\n';
    expect(parseLdd(out)).toEqual(['/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
  });
  it('explains trial failures with a code and the fix', () => {
    const userns = explainTrialFailure('bwrap: No permission to create new namespace', '/d');
    expect(userns.code).toBe('userns_disabled');
    expect(userns.reason).toContain('user.max_user_namespaces');
    const dataDir = explainTrialFailure(
      "bwrap: Can't find source path /root/x: Permission denied",
      '/root/x',
    );
    expect(dataDir.code).toBe('data_dir_unreachable');
    expect(dataDir.reason).toContain('o+x');
    expect(explainTrialFailure('bwrap: cannot join cgroup', '/d').code).toBe('cgroup_join_failed');
    expect(explainTrialFailure('', '/d')).toEqual({
      code: 'sandbox_trial_failed',
      reason: 'the sandbox failed its trial run: no error output',
    });
  });
});
