/**
 * One job from files to RawOutcome: validate, refuse cgo, write the sources, build in the build
 * sandbox (or reuse a cached binary), run in the run sandbox, clean up everything on every path.
 */
import { join } from 'node:path';
import type { RawOutcome, StepOutcome } from '../plan/outcome.ts';
import { BINARY_MODE } from './bincache.ts';
import { binaryCacheKey } from '../plan/binary-key.ts';
import { cgoImports } from '../plan/cgo.ts';
import {
  BINARY_NAME,
  buildArgs,
  buildFlags,
  buildLaunch,
  buildPaths,
  runLaunch,
  TRACE_FILE,
} from '../plan/commands.ts';
import type { ExecuteContext, ExecuteHooks } from './execute-types.ts';
import {
  createJobDirs,
  createTraceDir,
  readSandboxFile,
  writeNewFile,
  writeSources,
  type JobDirs,
} from './jobdir.ts';
import { SANDBOX_SRC } from '../plan/bwrap-args.ts';
import { TRACE_FILE_BYTES } from '../plan/trace-convert.ts';
import { convertTrace, prepareTrace } from './trace-steps.ts';
import { inCgroup, JobAbortedError, launchContext, launchSpec, stripAborted } from './step-context.ts';
import { CGO_REFUSED_MESSAGE, notMainPackageMessage } from '../plan/limits.ts';
import { libraryInsteadOfProgram } from '../plan/package-clause.ts';
import { runStep } from './step.ts';
import { validateJob, withGoMod, type Job } from '../plan/validate.ts';

export { JobAbortedError };
export type { ExecuteContext, ExecuteHooks } from './execute-types.ts';

/** Runs one job; throws SandboxInputError for bad input and JobAbortedError when aborted. */
export async function executeJob(
  ctx: ExecuteContext,
  job: Job,
  hooks: ExecuteHooks = {},
): Promise<RawOutcome> {
  validateJob(job, ctx.limits);
  const none = ctx.env.mode === 'none';
  const outcome: RawOutcome = {
    action: job.action,
    race: job.race,
    workDir: none ? '' : SANDBOX_SRC,
    cachedBinary: false,
    timings: { buildMs: 0, runMs: 0 },
  };
  const cgo = cgoImports(job.files);
  if (cgo.length > 0) {
    outcome.refused = { reason: CGO_REFUSED_MESSAGE, code: 'cgo_refused', at: cgo };
    return outcome;
  }
  const library = job.action === 'run' ? libraryInsteadOfProgram(job.files) : [];
  if (library.length > 0) {
    const name = library[0]!.name;
    const at = library.map(({ file, line, column }) => ({ file, line, column }));
    outcome.refused = { reason: notMainPackageMessage(name), code: 'not_main_package', at };
    return outcome;
  }
  const files = withGoMod(job.files, ctx.env.goVersion);
  const dirs = createJobDirs(ctx.jobsDir, ctx.env.owner);
  ctx.idle.jobStarted();
  if (none) outcome.workDir = dirs.src;
  try {
    writeSources(dirs.src, files, ctx.env.owner);
    if (job.action === 'fmt') await format(ctx, dirs, files, outcome, hooks);
    else if (job.action === 'vet') await vet(ctx, dirs, outcome, hooks);
    else await buildAndRun(ctx, dirs, files, job, job.action, outcome, hooks);
    return outcome;
  } finally {
    // Removed once the server is idle: the learner does not wait for ~2,000 unlinks.
    ctx.caches.removeLater(dirs.root);
    ctx.idle.jobEnded();
  }
}

async function format(
  ctx: ExecuteContext,
  dirs: JobDirs,
  files: Record<string, string>,
  outcome: RawOutcome,
  hooks: ExecuteHooks,
) {
  hooks.onPhase?.('building');
  const names = Object.keys(files)
    .filter((n) => n.endsWith('.go'))
    .sort();
  const gofmt = join(ctx.env.goroot, 'bin', 'gofmt');
  const step = await buildStep(ctx, dirs, [gofmt, '-w', '--', ...names], hooks, false);
  outcome.build = step;
  outcome.timings.buildMs = step.durationMs;
  // Every file as gofmt left it; which ones it formatted is the parsers' call (parsers/gofmt.ts).
  const after: Record<string, string> = {};
  for (const name of names) {
    const data = readSandboxFile(join(dirs.src, name), ctx.limits.sourceBytes * 2);
    if (data) after[name] = data.toString('utf8');
  }
  outcome.filesAfterFormat = after;
}

async function vet(ctx: ExecuteContext, dirs: JobDirs, outcome: RawOutcome, hooks: ExecuteHooks) {
  hooks.onPhase?.('building');
  ctx.caches.provide(dirs.gocache);
  // The step's stdout and stderr are the facts; parsers/vet.ts reads findings from either.
  const step = await buildStep(ctx, dirs, ['go', 'vet', '-json', '.'], hooks, false);
  outcome.build = step;
  outcome.timings.buildMs = step.durationMs;
}

async function buildAndRun(
  ctx: ExecuteContext,
  dirs: JobDirs,
  files: Record<string, string>,
  job: Job,
  action: 'run' | 'test',
  outcome: RawOutcome,
  hooks: ExecuteHooks,
) {
  const { converter, wrapper } = await prepareTrace(ctx, dirs, files, job.trace === true, action, outcome);
  const key = binaryCacheKey({
    files,
    action,
    race: job.race,
    goVersion: ctx.env.goVersion,
    buildArgs: buildFlags(action, job.race, converter !== undefined),
    trace: converter === undefined ? undefined : (wrapper?.source ?? true),
  });
  const binary = join(dirs.run, BINARY_NAME);
  if (ctx.binaries.linkTo(key, binary)) {
    outcome.cachedBinary = true;
  } else {
    hooks.onPhase?.('building');
    if (ctx.env.mode === 'bwrap') ctx.caches.provide(dirs.gocache);
    const ctxPaths = buildPaths(launchContext(ctx, dirs, []), dirs);
    const step = await buildStep(
      ctx,
      dirs,
      ['go', ...buildArgs(action, job.race, ctxPaths.out, wrapper?.overlayPath)],
      hooks,
      false,
    );
    outcome.build = step;
    outcome.timings.buildMs = step.durationMs;
    if (step.exitCode !== 0 || step.timedOut || step.outputLimited || step.memoryLimited) return;
    const built = join(dirs.out, BINARY_NAME);
    if (!ctx.binaries.adopt(key, built, binary) && !ctx.binaries.linkTo(key, binary)) {
      const data = readSandboxFile(built, ctx.limits.binaryBytes);
      if (data === null) return; // e.g. `go test -c` with no test files writes nothing
      ctx.binaries.put(key, data);
      // A hard link to the cached copy spares a second write of a multi-megabyte race binary.
      if (!ctx.binaries.linkTo(key, binary)) writeNewFile(binary, data, BINARY_MODE);
    }
  }
  hooks.onPhase?.('running');
  const test2json = action === 'test' ? await ctx.test2json() : undefined;
  const traceDir = converter === undefined ? undefined : createTraceDir(dirs, ctx.env.owner, TRACE_FILE);
  const wallMs = action === 'run' ? ctx.limits.runWallMs : ctx.limits.testWallMs;
  const step = await inCgroup(
    ctx,
    ctx.limits.memoryBytes,
    async (group, ready) => {
      const launch = runLaunch(
        launchContext(ctx, dirs, group?.procFiles ?? []),
        { src: dirs.src, binary, test2json, hideSources: job.hideSources },
        ctx.limits.runTmpBytes,
        action,
        // Learners' args go to programs only; a test binary gets the grader's -test.run at most.
        action === 'run' ? (job.args ?? []) : job.testRun !== undefined ? [`-test.run=${job.testRun}`] : [],
        traceDir === undefined ? undefined : { dir: traceDir, fileBytes: TRACE_FILE_BYTES },
      );
      return runStep({
        ...launchSpec(launch, ready),
        stdin: action === 'run' ? job.stdin : undefined,
        wallMs,
        outputBytes: ctx.limits.outputBytes,
        cgroup: group,
        watchdog: {
          programDepth: launch.programDepth,
          armed: true,
          windowMs: ctx.limits.stallWindowMs,
          sampleMs: ctx.limits.stallSampleMs,
        },
        quitGraceMs: ctx.limits.quitGraceMs,
        onOutput: hooks.onOutput?.bind(hooks),
        signal: hooks.signal,
      });
    },
    'background',
  );
  outcome.run = stripAborted(step);
  outcome.timings.runMs = step.durationMs;
  if (converter !== undefined && traceDir !== undefined)
    outcome.trace = await convertTrace(ctx, dirs, converter, traceDir, hooks);
}

/** One step in the build sandbox with its own cgroup; `go` resolves through the sandbox PATH. */
export async function buildStep(
  ctx: ExecuteContext,
  dirs: JobDirs,
  command: string[],
  hooks: ExecuteHooks,
  stream: boolean,
): Promise<StepOutcome> {
  const step = await inCgroup(ctx, ctx.limits.buildMemoryBytes, (group, ready) => {
    const launchCtx = launchContext(ctx, dirs, group?.procFiles ?? []);
    const resolved =
      ctx.env.mode === 'none' && command[0] === 'go'
        ? [join(ctx.env.goroot, 'bin', 'go'), ...command.slice(1)]
        : command;
    // Unsafe mode has one trusted learner: the base cache is used directly, nothing is copied.
    const mounts = ctx.env.mode === 'none' ? { ...dirs, gocache: ctx.gocacheBase } : dirs;
    const launch = buildLaunch(launchCtx, mounts, ctx.limits.buildTmpBytes, resolved);
    return runStep({
      ...launchSpec(launch, ready),
      wallMs: ctx.limits.buildWallMs,
      outputBytes: ctx.limits.outputBytes,
      cgroup: group,
      quitGraceMs: 0,
      onOutput: stream ? hooks.onOutput?.bind(hooks) : undefined,
      signal: hooks.signal,
    });
  });
  return stripAborted(step);
}
