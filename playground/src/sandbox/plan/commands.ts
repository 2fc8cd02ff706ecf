/**
 * Pure: the go commands of each action, and how one step is launched in bwrap mode or in the
 * unsafe no-sandbox mode. Build flags are part of the binary cache key, so they live here.
 */
import type { Action } from '../../../../contract/run.ts';
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
  type BuildMounts,
  type HostLayout,
  type RunMounts,
} from './bwrap-args.ts';

/** Name of the binary a build writes into its out dir. */
export const BINARY_NAME = 'prog';

/**
 * go build / go test -c arguments (after "go"), with the output path given. -ldflags=-w leaves out
 * DWARF: nothing in the sandbox debugs, race reports, panics and goroutine dumps come from the
 * runtime's own tables, and the link is ~10 % cheaper (measured in docs/performance.md).
 */
export function buildArgs(action: 'run' | 'test', race: boolean, outDir: string): string[] {
  const verb = action === 'run' ? ['build'] : ['test', '-c'];
  return [...verb, ...(race ? ['-race'] : []), '-ldflags=-w', '-o', `${outDir}/${BINARY_NAME}`, '.'];
}

/** The flags that shape a linked binary (for the cache key): buildArgs minus paths. */
export function buildFlags(action: Action, race: boolean): string[] {
  return action === 'run' || action === 'test' ? buildArgs(action, race, '$OUT') : [];
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

/** The program (run) or test2json wrapping the test binary (test) in the run sandbox. */
export function runLaunch(
  ctx: LaunchContext,
  mounts: RunMounts,
  tmpBytes: number,
  action: 'run' | 'test',
  args: readonly string[],
): Launch {
  const none = ctx.mode === 'none';
  const bin = none ? mounts.binary : `${SANDBOX_BIN}/prog`;
  const test2json = none ? (mounts.test2json ?? '') : `${SANDBOX_BIN}/test2json`;
  const command =
    action === 'run'
      ? [bin, ...args]
      : [test2json, '-t', '-p', 'sandbox', bin, ...TEST_BINARY_FLAGS, ...args];
  const depth = action === 'run' ? 0 : 1;
  if (none) {
    return {
      argv: command,
      env: { ...programEnv(), HOME: ctx.hostTmp, TMPDIR: ctx.hostTmp, PATH: '/usr/bin:/bin' },
      cwd: mounts.src,
      programDepth: depth,
    };
  }
  const sandboxArgv = [...runSandboxArgs(ctx.layout, mounts, tmpBytes), '--', ...command];
  const argv = launcherArgv(ctx.cgroupProcFiles, ctx.layout, sandboxArgv);
  // launcher/outer bwrap, then bwrap's pid-1 reaper, then the command
  return { argv, env: { ...LAUNCHER_ENV }, cwd: '/', programDepth: depth + 2, sandboxArgv };
}
