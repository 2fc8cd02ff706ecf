/**
 * Pure: the go commands of each action, and how one step is launched in bwrap mode or in the
 * unsafe no-sandbox mode. Build flags are part of the binary cache key, so they live here.
 */
import type { Action } from '../../../../contract/run.ts';
import { TRACE_LDFLAGS, traceEnv } from '../../trace/wrapper.ts';
import {
  buildSandboxArgs,
  goEnv,
  launcherArgv,
  LAUNCHER_ENV,
  programEnv,
  runSandboxArgs,
  SANDBOX_BIN,
  SANDBOX_GOCACHE,
  SANDBOX_OUT,
  SANDBOX_SRC,
  SANDBOX_TRACE,
  TRACE_FILE,
  type BuildMounts,
  type HostLayout,
  type RunMounts,
} from './bwrap-args.ts';

/** Name of the binary a build writes into its out dir. */
export const BINARY_NAME = 'prog';

/**
 * go build / go test -c arguments (after "go"), with the output path given. -ldflags=-w leaves out
 * DWARF: nothing in the sandbox debugs, race reports, panics and goroutine dumps come from the
 * runtime's own tables, and the link is ~10 % cheaper (measured in docs/performance.md). A traced
 * run adds the trace wrapper by -overlay (the overlay JSON's path) and its link flag; a traced test
 * adds the stall watcher's test file by -overlay (the test binary traces itself with -test.trace).
 */
export function buildArgs(action: 'run' | 'test', race: boolean, outDir: string, overlay?: string): string[] {
  const verb = action === 'run' ? ['build'] : ['test', '-c'];
  const linkname = action === 'run' && overlay !== undefined;
  const ldflags = ['-w', ...(linkname ? TRACE_LDFLAGS : [])].join(' ');
  return [
    ...verb,
    ...(race ? ['-race'] : []),
    ...(overlay !== undefined ? [`-overlay=${overlay}`] : []),
    `-ldflags=${ldflags}`,
    '-o',
    `${outDir}/${BINARY_NAME}`,
    '.',
  ];
}

/** The flags that shape a linked binary (for the cache key): buildArgs minus paths. */
export function buildFlags(action: Action, race: boolean, trace = false): string[] {
  if (action !== 'run' && action !== 'test') return [];
  return buildArgs(action, race, '$OUT', trace ? '$OVERLAY' : undefined);
}

export { TRACE_FILE };

/**
 * Where the run step writes the trace: the environment and the test binary's flag. run: the
 * wrapper reads LOCKSTEP_TRACE; test: -test.trace. Both get GODEBUG's short generations.
 */
export function traceRunParts(
  action: 'run' | 'test',
  tracePath: string,
): { env: Record<string, string>; args: string[] } {
  const env = traceEnv(tracePath);
  if (action === 'run') return { env, args: [] };
  const { GODEBUG } = env;
  return { env: { GODEBUG: GODEBUG ?? '' }, args: [`-test.trace=${tracePath}`] };
}

/** Arguments of the test binary: the same stream as `go test -json`, no test timer (see README). */
export const TEST_BINARY_FLAGS = [
  '-test.v=test2json',
  '-test.paniconexit0',
  '-test.timeout=0',
  '-test.count=1',
];

/** A launchable step: argv, environment and working directory on the host. */
export interface Launch {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Launcher processes above the program (for SIGQUIT and the watchdog). */
  programDepth: number;
  /** bwrap mode: what a waiting launcher (waitingLauncherArgv) execs, i.e. argv after the launcher. */
  sandboxArgv?: string[];
}

/** How the sandbox is entered: bwrap plus cgroup files, or directly (unsafe mode). */
export interface LaunchContext {
  mode: 'bwrap' | 'none';
  layout: HostLayout;
  cgroupProcFiles: readonly string[];
  /** Unsafe mode only: a host dir standing in for the sandbox's /tmp. */
  hostTmp: string;
}

/** A command in the build sandbox; `command` uses the sandbox's paths (see buildPaths). */
export function buildLaunch(
  ctx: LaunchContext,
  mounts: BuildMounts,
  tmpBytes: number,
  command: string[],
): Launch {
  if (ctx.mode === 'none') {
    const env = {
      ...goEnv(ctx.layout.goroot, mounts.gocache),
      HOME: ctx.hostTmp,
      TMPDIR: ctx.hostTmp,
      GOPATH: `${ctx.hostTmp}/gopath`,
    };
    return { argv: command, env, cwd: mounts.src, programDepth: 0 };
  }
  const sandboxArgv = [...buildSandboxArgs(ctx.layout, mounts, tmpBytes), '--', ...command];
  const argv = launcherArgv(ctx.cgroupProcFiles, ctx.layout, sandboxArgv);
  return { argv, env: { ...LAUNCHER_ENV }, cwd: '/', programDepth: 2, sandboxArgv };
}

/** Paths as the build command sees them. */
export function buildPaths(ctx: LaunchContext, mounts: BuildMounts): BuildMounts {
  return ctx.mode === 'none' ? mounts : { src: SANDBOX_SRC, out: SANDBOX_OUT, gocache: SANDBOX_GOCACHE };
}

/** A traced run step: the host dir for the trace (see RunMounts.trace). */
export interface RunTrace {
  dir: string;
  /** RLIMIT_FSIZE of the step: no file the program writes (the trace included) grows past it. */
  fileBytes: number;
}

/** The program (run) or test2json wrapping the test binary (test) in the run sandbox. */
export function runLaunch(
  ctx: LaunchContext,
  mounts: RunMounts,
  tmpBytes: number,
  action: 'run' | 'test',
  args: readonly string[],
  trace?: RunTrace,
): Launch {
  const none = ctx.mode === 'none';
  const bin = none ? mounts.binary : `${SANDBOX_BIN}/prog`;
  const test2json = none ? (mounts.test2json ?? '') : `${SANDBOX_BIN}/test2json`;
  const traced = trace
    ? traceRunParts(action, `${none ? trace.dir : SANDBOX_TRACE}/${TRACE_FILE}`)
    : { env: {}, args: [] };
  const command =
    action === 'run'
      ? [bin, ...args]
      : [test2json, '-t', '-p', 'sandbox', bin, ...TEST_BINARY_FLAGS, ...traced.args, ...args];
  const depth = action === 'run' ? 0 : 1;
  if (none) {
    return {
      argv: command,
      env: { ...programEnv(), HOME: ctx.hostTmp, TMPDIR: ctx.hostTmp, PATH: '/usr/bin:/bin', ...traced.env },
      cwd: mounts.src,
      programDepth: depth,
    };
  }
  const withTrace = trace ? { ...mounts, trace: { dir: trace.dir, writable: true } } : mounts;
  const sandboxArgv = [
    ...fileSizeLimit(trace?.fileBytes),
    ...runSandboxArgs(ctx.layout, withTrace, tmpBytes, traced.env),
    '--',
    ...command,
  ];
  const argv = launcherArgv(ctx.cgroupProcFiles, ctx.layout, sandboxArgv);
  // launcher/outer bwrap, then bwrap's pid-1 reaper, then the command (prlimit execs bwrap: no level)
  return { argv, env: { ...LAUNCHER_ENV }, cwd: '/', programDepth: depth + 2, sandboxArgv };
}

/** prlimit in front of bwrap: the trace dir is on the job's disk, so its files get a size cap. */
function fileSizeLimit(bytes: number | undefined): string[] {
  return bytes === undefined ? [] : ['/usr/bin/prlimit', `--fsize=${bytes}`, '--'];
}

/**
 * The trace converter in a run sandbox of its own: no sources, the trace dir read-only, the
 * converter bound where the program would be. Its JSON is on stdout, an error line on stderr.
 */
export function convertLaunch(
  ctx: LaunchContext,
  converter: string,
  traceDir: string,
  tmpBytes: number,
  flags: readonly string[],
): Launch {
  if (ctx.mode === 'none') {
    const command = [converter, ...flags, `${traceDir}/${TRACE_FILE}`];
    return {
      argv: command,
      env: { ...programEnv(), HOME: ctx.hostTmp, TMPDIR: ctx.hostTmp },
      cwd: traceDir,
      programDepth: 0,
    };
  }
  const mounts: RunMounts = {
    src: traceDir,
    hideSources: true,
    binary: converter,
    trace: { dir: traceDir, writable: false },
  };
  const command = [`${SANDBOX_BIN}/prog`, ...flags, `${SANDBOX_TRACE}/${TRACE_FILE}`];
  const sandboxArgv = [...runSandboxArgs(ctx.layout, mounts, tmpBytes), '--', ...command];
  const argv = launcherArgv(ctx.cgroupProcFiles, ctx.layout, sandboxArgv);
  return { argv, env: { ...LAUNCHER_ENV }, cwd: '/', programDepth: 2, sandboxArgv };
}
