/**
 * The trace steps of a traced job: the converter (or the refusal when it cannot be built), the run
 * wrapper's files for the build, and the conversion of the trace the program left, in a sandbox of
 * its own with the run's limits (the file is the learner's program's output: untrusted).
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_OUT, SANDBOX_SRC } from '../plan/bwrap-args.ts';
import { convertLaunch, TRACE_FILE } from '../plan/commands.ts';
import type { RawOutcome } from '../plan/outcome.ts';
import { converterFlags } from '../plan/trace-convert.ts';
import { RequestError } from '../../errors.ts';
import { testPackageName } from '../plan/package-clause.ts';
import { testWatcher } from '../../trace/test-watcher.ts';
import { traceModeFor, traceWrapper } from '../../trace/wrapper.ts';
import type { ExecuteContext, ExecuteHooks } from './execute-types.ts';
import { writeNewFile, type JobDirs } from './jobdir.ts';
import { inCgroup, launchContext, stripAborted } from './step-context.ts';
import { runStep } from './step.ts';

/** Size of the trace file; 0 when it is absent or not a regular file (the sandbox may plant links). */
function traceFileBytes(path: string): number {
  try {
    const stats = lstatSync(path);
    return stats.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}

/** The converter, or the refusal (503 trace_unavailable) of a traced job when it could not be built. */
async function traceConverter(ctx: ExecuteContext): Promise<string> {
  try {
    return await ctx.traceTimeline();
  } catch {
    // 503: the server's fault, not the request's; the same request without trace runs.
    throw new RequestError(
      503,
      'trace_unavailable',
      'This server cannot convert traces (its converter could not be built); run without trace.',
    );
  }
}

/**
 * Before a build: the converter and the generated file of a traced job, or nothing (untraced). A
 * run of a program that calls trace.Start itself, where the Go has no flight recorder, is built
 * untraced and its result says why.
 */
export async function prepareTrace(
  ctx: ExecuteContext,
  dirs: JobDirs,
  files: Record<string, string>,
  traced: boolean,
  action: 'run' | 'test',
  outcome: RawOutcome,
): Promise<{ converter?: string; wrapper?: { source: string; overlayPath: string } }> {
  if (!traced) return {};
  if (action === 'run' && traceModeFor(files, ctx.env.goVersion) === null) {
    outcome.trace = { missing: 'program_traces_itself' };
    return {};
  }
  // Asked before anything is built: a server without its converter refuses traced runs at once.
  const converter = await traceConverter(ctx);
  const wrapper = writeWrapper(ctx, dirs, files, action);
  outcome.trace = { missing: 'not_built' };
  return { converter, wrapper };
}

/**
 * Writes the generated Go file of a traced build (run: the trace wrapper; test: the stall
 * watcher's test file) and the -overlay JSON into the job's out dir (host-written, read by the
 * build sandbox there), never into the learner's src dir. undefined: nothing to add (a test with
 * no readable test file, which the build reports itself).
 */
function writeWrapper(
  ctx: ExecuteContext,
  dirs: JobDirs,
  files: Record<string, string>,
  action: 'run' | 'test',
): { source: string; overlayPath: string } | undefined {
  const none = ctx.env.mode === 'none';
  const srcDir = none ? dirs.src : SANDBOX_SRC;
  const outDir = none ? dirs.out : SANDBOX_OUT;
  const pkg = action === 'test' ? testPackageName(files) : 'main';
  if (pkg === undefined) return undefined;
  const generated = `${outDir}/lockstep_trace.go`;
  const wrapper =
    action === 'run' ? traceWrapper(files, srcDir, generated) : testWatcher(files, pkg, srcDir, generated);
  writeNewFile(join(dirs.out, 'lockstep_trace.go'), wrapper.source, 0o644);
  writeNewFile(join(dirs.out, 'overlay.json'), JSON.stringify(wrapper.overlay), 0o644);
  return { source: wrapper.source, overlayPath: `${outDir}/overlay.json` };
}

/**
 * The trace the program left, converted in a sandbox of its own with the run's limits (the file
 * is the learner's program's output: untrusted). No file, or an empty one: no_trace.
 */
export async function convertTrace(
  ctx: ExecuteContext,
  dirs: JobDirs,
  converter: string,
  traceDir: string,
  hooks: ExecuteHooks,
): Promise<NonNullable<RawOutcome['trace']>> {
  if (traceFileBytes(join(traceDir, TRACE_FILE)) === 0) return { missing: 'no_trace' };
  const none = ctx.env.mode === 'none';
  const flags = converterFlags({
    srcDir: none ? dirs.src : SANDBOX_SRC,
    goroot: ctx.env.goroot,
    outputBytes: ctx.limits.outputBytes,
    wallMs: ctx.limits.runWallMs,
  });
  const step = await inCgroup(ctx, ctx.limits.memoryBytes, (group) => {
    const launch = convertLaunch(
      launchContext(ctx, dirs, group?.procFiles ?? []),
      converter,
      traceDir,
      ctx.limits.runTmpBytes,
      flags,
    );
    return runStep({
      argv: launch.argv,
      env: launch.env,
      cwd: launch.cwd,
      wallMs: ctx.limits.runWallMs,
      outputBytes: ctx.limits.outputBytes,
      cgroup: group,
      quitGraceMs: 0,
      signal: hooks.signal,
    });
  });
  return { converter: stripAborted(step) };
}
