/**
 * Pure argv builders for the two sandboxes. The build sandbox sees the read-only toolchain and
 * system, its job's source dir, an output dir and a per-job Go cache; the run sandbox sees its
 * binary, the read-only sources (tests read testdata), the C libraries a race binary loads, and
 * nothing else. Both: every namespace unshared, uid nobody, no capabilities, new session, dies
 * with the server, empty environment plus what is listed here.
 */

import { SECCOMP_FD, SECCOMP_SUPPORTED } from './seccomp.ts';

/** Where things are inside the sandbox; the parsers strip SANDBOX_SRC from paths. */
export const SANDBOX_SRC = '/sandbox/src';
export const SANDBOX_OUT = '/sandbox/out';
export const SANDBOX_GOCACHE = '/sandbox/gocache';
export const SANDBOX_BIN = '/sandbox/bin';
/** A traced run's own writable directory, where the program writes its trace (host: JobDirs.trace). */
export const SANDBOX_TRACE = '/sandbox/trace';
/** The trace file's name in the trace dir (SANDBOX_TRACE, or the host's in unsafe mode). */
export const TRACE_FILE = 'trace.out';

/** A top-level host path reproduced in the build sandbox: a read-only bind or a symlink (merged /usr). */
export type RootEntry = { path: string; symlink?: string };

/** Host facts the argv depends on, found once by the probe. */
export interface HostLayout {
  goroot: string;
  /** /usr and friends as they exist on the host. */
  rootEntries: RootEntry[];
  /** Shared libraries of a race binary: host file → path the loader asks for. */
  libs: { host: string; sandbox: string }[];
  /** Drop from root to this uid/gid before bwrap (null when the server is not root). */
  dropTo: { uid: number; gid: number } | null;
  uid: number;
  gid: number;
}

/** Host directories of one step. */
export interface BuildMounts {
  src: string;
  out: string;
  gocache: string;
}
export interface RunMounts {
  src: string;
  /** Grading: the program may not read the package sources (hidden tests live there). */
  hideSources?: boolean | undefined;
  binary: string;
  test2json?: string | undefined;
  /** A traced run: the host dir bound at SANDBOX_TRACE, writable for the program, read-only for the converter. */
  trace?: { dir: string; writable: boolean } | undefined;
}

const COMMON = [
  '--unshare-all',
  '--unshare-user',
  '--disable-userns',
  '--die-with-parent',
  '--new-session',
  '--cap-drop',
  'ALL',
  // A deny-list of dangerous system calls (ptrace, keyctl, io_uring, bpf…), read from a pipe.
  ...(SECCOMP_SUPPORTED ? ['--seccomp', String(SECCOMP_FD)] : []),
];

function identity(layout: HostLayout): string[] {
  return ['--uid', String(layout.uid), '--gid', String(layout.gid), '--hostname', 'sandbox'];
}

function setenv(env: Record<string, string>): string[] {
  return ['--clearenv', ...Object.entries(env).flatMap(([k, v]) => ['--setenv', k, v])];
}

/** The environment of every go command, identical for warm-up and jobs so cache keys match. */
export function goEnv(goroot: string, gocache: string): Record<string, string> {
  return {
    HOME: '/tmp',
    TMPDIR: '/tmp',
    PATH: `${goroot}/bin:/usr/bin:/bin`,
    GOROOT: goroot,
    GOCACHE: gocache,
    GOPATH: '/tmp/gopath',
    GOTOOLCHAIN: 'local',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOFLAGS: '-mod=mod -buildvcs=false',
    GOENV: 'off',
    GOWORK: 'off',
    GOTELEMETRY: 'off',
    CGO_ENABLED: '1',
    LANG: 'C.UTF-8',
  };
}

/** The environment of the learner's program. */
export function programEnv(): Record<string, string> {
  return {
    HOME: '/tmp',
    TMPDIR: '/tmp',
    PATH: SANDBOX_BIN,
    LANG: 'C.UTF-8',
    GORACE: 'atexit_sleep_ms=0',
    GOTRACEBACK: 'all',
  };
}

/** bwrap argv (without the command) for go build / test -c / vet / gofmt. */
export function buildSandboxArgs(layout: HostLayout, mounts: BuildMounts, tmpBytes: number): string[] {
  const args = ['bwrap', ...COMMON, ...identity(layout)];
  for (const entry of layout.rootEntries) {
    if (entry.symlink !== undefined) args.push('--symlink', entry.symlink, entry.path);
    else args.push('--ro-bind', entry.path, entry.path);
  }
  // /dev is bwrap's own small tmpfs; read-only so /dev/shm is no second, uncapped scratch space.
  args.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--remount-ro',
    '/dev',
    '--size',
    String(tmpBytes),
    '--tmpfs',
    '/tmp',
  );
  // After the tmpfs: a Go installed under /tmp (a toolchain unpacked there) would be hidden by it.
  if (!layout.rootEntries.some((e) => e.symlink === undefined && isWithin(layout.goroot, e.path))) {
    args.push('--ro-bind', layout.goroot, layout.goroot);
  }
  args.push('--bind', mounts.src, SANDBOX_SRC, '--bind', mounts.out, SANDBOX_OUT);
  args.push('--bind', mounts.gocache, SANDBOX_GOCACHE, '--remount-ro', '/', '--chdir', SANDBOX_SRC);
  args.push(...setenv(goEnv(layout.goroot, SANDBOX_GOCACHE)));
  return args;
}

/** bwrap argv (without the command) for the learner's program or test binary. */
export function runSandboxArgs(
  layout: HostLayout,
  mounts: RunMounts,
  tmpBytes: number,
  extraEnv: Readonly<Record<string, string>> = {},
): string[] {
  const args = ['bwrap', ...COMMON, ...identity(layout)];
  for (const lib of layout.libs) args.push('--ro-bind', lib.host, lib.sandbox);
  // /dev is bwrap's own small tmpfs; read-only so /dev/shm is no second, uncapped scratch space.
  args.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--remount-ro',
    '/dev',
    '--size',
    String(tmpBytes),
    '--tmpfs',
    '/tmp',
  );
  // The sources are readable by default (tests may read testdata); a graded run gets an empty
  // directory instead, so learner code cannot read the hidden tests it was compiled with.
  if (mounts.hideSources) args.push('--dir', SANDBOX_SRC);
  else args.push('--ro-bind', mounts.src, SANDBOX_SRC);
  args.push('--ro-bind', mounts.binary, `${SANDBOX_BIN}/prog`);
  if (mounts.test2json) args.push('--ro-bind', mounts.test2json, `${SANDBOX_BIN}/test2json`);
  if (mounts.trace) {
    // The dir read-only and only its one file writable: the program can write its trace (capped by
    // RLIMIT_FSIZE) but create nothing else on the job's disk, nor replace the file by a link.
    args.push('--ro-bind', mounts.trace.dir, SANDBOX_TRACE);
    if (mounts.trace.writable)
      args.push('--bind', `${mounts.trace.dir}/${TRACE_FILE}`, `${SANDBOX_TRACE}/${TRACE_FILE}`);
  }
  // bwrap's root is a tmpfs the sandbox could fill; only /tmp (size-capped) and a traced run's
  // trace file (on the job's disk: the trace must outlive the sandbox) stay writable.
  args.push('--remount-ro', '/', '--chdir', SANDBOX_SRC, ...setenv({ ...programEnv(), ...extraEnv }));
  return args;
}

/**
 * Niceness of everything a sandbox runs, below the server. On its own it does not hold the builds
 * back where the kernel schedules by autogroup (a new session, as bwrap starts, is weighed as one
 * group whatever the nice value inside it); the sandbox's cpu cgroup does (cpu-weight.ts,
 * SANDBOX_CPU_SHARES). It still orders the sandbox's processes below others in the same group.
 */
export const SANDBOX_NICENESS = 10;

/**
 * The host-side launcher: a shell that moves itself into the job's cgroups before anything else
 * runs (so bwrap and all its descendants are born inside), lowers its priority (SANDBOX_NICENESS),
 * then, when the server is root, drops to nobody with setpriv, then execs bwrap. Writing its own
 * pid first is what makes it race-free.
 */
export function launcherArgv(
  cgroupProcFiles: readonly string[],
  layout: HostLayout,
  command: readonly string[],
): string[] {
  const script =
    'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || { echo "lockstep: cannot join cgroup $1" >&2; exit 125; }; shift; n=$((n-1)); done; exec "$@"';
  const drop = layout.dropTo
    ? ['setpriv', `--reuid=${layout.dropTo.uid}`, `--regid=${layout.dropTo.gid}`, '--clear-groups', '--']
    : [];
  return [
    '/bin/sh',
    '-c',
    script,
    'lockstep-launch',
    String(cgroupProcFiles.length),
    ...cgroupProcFiles,
    'nice',
    '-n',
    String(SANDBOX_NICENESS),
    ...drop,
    ...command,
  ];
}

/** The fd on which a waiting launcher receives the rest of its argv. */
export const ARGV_FD = 4;
/** Ends a waiting launcher's argv; without it (a server that died mid-write) nothing is run. */
export const ARGV_END = '--lockstep-argv-end--';

// bash, because POSIX sh cannot read NUL-separated words. Closes the argv fd before exec so
// nothing below inherits it.
const WAIT_SCRIPT =
  'mapfile -t -d "" -u 4 argv; exec 4<&-; ' +
  '[ ${#argv[@]} -gt 1 ] && [ "${argv[-1]}" = "$1" ] || { echo "lockstep: launcher got no command" >&2; exit 125; }; ' +
  'unset "argv[-1]"; exec "${argv[@]}"';

/**
 * A launcher started before it is needed: it joins the cgroups and drops to nobody exactly like
 * launcherArgv, then waits for the rest of its argv on fd ARGV_FD (see waitingLauncherInput) and
 * execs it. Measured on cgroup v1: joining a group waits for an RCU grace period (~11 ms), and
 * Node's fork of the server costs 5-7 ms; a waiting launcher has paid both before a job asks.
 */
export function waitingLauncherArgv(cgroupProcFiles: readonly string[], layout: HostLayout): string[] {
  return launcherArgv(cgroupProcFiles, layout, ['/bin/bash', '-c', WAIT_SCRIPT, 'lockstep-wait', ARGV_END]);
}

/** What a waiting launcher reads on ARGV_FD: each word NUL-terminated, then the end marker. */
export function waitingLauncherInput(argv: readonly string[]): Buffer {
  if (argv.length === 0 || argv.some((a) => a.includes('\0'))) {
    throw new Error('a launcher argv must be non-empty and free of NUL characters');
  }
  return Buffer.from([...argv, ARGV_END].map((a) => `${a}\0`).join(''), 'utf8');
}

/** The environment of the launcher itself: nothing of the server's. */
export const LAUNCHER_ENV: Readonly<Record<string, string>> = Object.freeze({
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
});

function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}
