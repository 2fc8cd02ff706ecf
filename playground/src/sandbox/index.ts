/**
 * The sandbox module's public face: probe the host, warm the caches, execute jobs, close.
 * Everything that runs learners' code goes through `execute`; see README.md for the design.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BinaryCache } from './machine/bincache.ts';
import { executeJob, type ExecuteContext, type ExecuteHooks } from './machine/execute.ts';
import { removeTree } from './machine/jobdir.ts';
import { CachePool } from './machine/cache-pool.ts';
import { groupRemovalsDone } from './machine/cgroup.ts';
import { IdleWork } from './machine/idle-work.ts';
import { LauncherPool } from './machine/launcher-pool.ts';
import { limitsSummary, resolveLimits, type Limits } from './plan/limits.ts';
import type { RawOutcome } from './plan/outcome.ts';
import { probeHost, type HostEnv, type ProbeResult, type SandboxProbe } from './machine/probe.ts';
import { ensureTest2json, ensureTraceTimeline } from './machine/tools.ts';
import type { Job } from './plan/validate.ts';
import { warmCaches, type WarmState } from './machine/warm.ts';
import type { RunnerReason } from '../../../contract/errors.ts';

export { SandboxInputError, type Job } from './plan/validate.ts';
export { JobAbortedError, type ExecuteHooks } from './machine/execute.ts';
export type { SandboxProbe } from './machine/probe.ts';
export type { WarmState } from './machine/warm.ts';
export type { Limits } from './plan/limits.ts';
export { DEFAULT_LIMITS } from './plan/limits.ts';
export type { RawOutcome, StepOutcome } from './plan/outcome.ts';

/** How a server instance configures its sandbox. */
export interface SandboxConfig {
  /** Server-owned directory for job dirs, caches and tools; every parent must be o+x. */
  dataDir: string;
  limits?: Partial<Limits>;
  /** Run without bwrap (one learner on their own machine); the caller must bind to localhost only. */
  unsafeNoSandbox?: boolean;
}

/**
 * The trace converter's build: not_built (no traced job or warm-up asked yet), building (a traced
 * job waits for it), ready, or failed (traced jobs are refused until the server restarts).
 */
export type TraceConverterState = 'not_built' | 'building' | 'ready' | 'failed';

/** The sandbox as the run service uses it. */
export interface Sandbox {
  /** The probe's verdict (run once, then cached). */
  probe(): Promise<SandboxProbe>;
  /** Warms the Go build cache in the background; resolves when done (never rejects). */
  warm(): Promise<void>;
  warmState(): WarmState;
  traceConverter(): TraceConverterState;
  limitsSummary(): Record<string, number>;
  /** Runs one job. Throws SandboxInputError (bad input), SandboxUnavailableError, JobAbortedError. */
  execute(job: Job, hooks?: ExecuteHooks): Promise<RawOutcome>;
  /** Kills running jobs, waits for their cleanup; later calls to execute throw. */
  close(): Promise<void>;
}

/** The machine cannot sandbox code; code says why, the message in words (the probe's reason). */
export class SandboxUnavailableError extends Error {
  readonly code: RunnerReason;
  constructor(code: RunnerReason, reason: string) {
    super(reason);
    this.name = 'SandboxUnavailableError';
    this.code = code;
  }
}

/**
 * The host-built helpers, each built once. test2json is retried on the next test job after a
 * failure; the trace converter's failure is kept (tracing is unavailable until restart), and
 * untraced jobs never wait for it. The warm-up starts the converter's build.
 */
function helperTools(toolsDir: string): {
  test2json(env: HostEnv): Promise<string>;
  traceTimeline(env: HostEnv): Promise<string>;
  traceConverter(): TraceConverterState;
} {
  let test2json: Promise<string> | null = null;
  let traceTimeline: Promise<string> | null = null;
  let traceConverter: TraceConverterState = 'not_built';
  return {
    test2json(env) {
      test2json ??= ensureTest2json(toolsDir, env.goroot, env.goVersion);
      test2json.catch(() => (test2json = null));
      return test2json;
    },
    traceTimeline(env) {
      if (traceTimeline === null) {
        traceConverter = 'building';
        traceTimeline = ensureTraceTimeline(toolsDir, env.goroot, env.goVersion);
        traceTimeline.then(
          () => (traceConverter = 'ready'),
          () => (traceConverter = 'failed'),
        );
      }
      return traceTimeline;
    },
    traceConverter: () => traceConverter,
  };
}

/** Creates the sandbox; nothing runs until probe(), warm() or execute() is called. */
export function createSandbox(config: SandboxConfig): Sandbox {
  const limits = resolveLimits(config.limits);
  const dataDir = config.dataDir;
  const { jobsDir, gocacheBase } = prepareDataDir(dataDir);
  const binaries = new BinaryCache(join(dataDir, 'binaries'), limits.binaryCacheBytes);

  const idle = new IdleWork();
  let pool: CachePool | null = null;
  let launchers: LauncherPool | null | undefined;
  let probed: Promise<ProbeResult> | null = null;
  let warming: Promise<void> | null = null;
  let warm: WarmState = { state: 'cold', detail: 'not started' };
  const tools = helperTools(join(dataDir, 'tools'));
  let closed = false;
  const warmAbort = new AbortController();
  const running = new Set<{ controller: AbortController; done: Promise<unknown> }>();

  const probe = (): Promise<ProbeResult> =>
    (probed ??= probeHost({ jobsDir, unsafeNoSandbox: config.unsafeNoSandbox ?? false, limits }));

  async function context(): Promise<ExecuteContext> {
    const { probe: verdict, env } = await probe();
    if (!env) throw new SandboxUnavailableError(verdict.code ?? 'sandbox_trial_failed', verdict.reason);
    pool ??= new CachePool({ jobsDir, base: gocacheBase, owner: env.owner, size: 2, idle });
    if (launchers === undefined) launchers = launcherPool(env, limits, idle);
    return {
      env,
      limits,
      jobsDir,
      gocacheBase,
      binaries,
      test2json: () => tools.test2json(env),
      traceTimeline: () => tools.traceTimeline(env),
      caches: pool,
      idle,
      launchers,
    };
  }

  return {
    probe: async () => (await probe()).probe,
    warm() {
      warming ??= warmUp(context, (state) => (warm = state), warmAbort.signal);
      return warming;
    },
    warmState: () => ({ ...warm }),
    traceConverter: () => tools.traceConverter(),
    limitsSummary: () => limitsSummary(limits),
    async execute(job, hooks = {}) {
      if (closed) throw new SandboxUnavailableError('shutting_down', 'the sandbox is shutting down');
      const ctx = await context();
      const controller = new AbortController();
      const signals = hooks.signal ? [hooks.signal, controller.signal] : [controller.signal];
      const done = executeJob(ctx, job, { ...hooks, signal: AbortSignal.any(signals) });
      const entry = { controller, done: done.catch(() => undefined) };
      running.add(entry);
      try {
        return await done;
      } finally {
        running.delete(entry);
      }
    },
    async close() {
      closed = true;
      warmAbort.abort();
      for (const entry of running) entry.controller.abort();
      await Promise.all([...running].map((e) => e.done));
      if (warming) await warming;
      idle.close();
      pool?.close();
      await launchers?.close();
      // Jobs remove their groups in the background; the process may exit right after this.
      await groupRemovalsDone();
    },
  };
}

/** Warms the build caches, with the trace converter's build beside them; a failure is recorded, not thrown. */
async function warmUp(
  context: () => Promise<ExecuteContext>,
  report: (state: WarmState) => void,
  signal: AbortSignal,
): Promise<void> {
  try {
    const ctx = await context();
    report({ state: 'warming', detail: 'starting' });
    // The converter's failure only disables tracing.
    ctx.traceTimeline().catch(() => undefined);
    await warmCaches(ctx, report, signal);
    ctx.caches.fill(); // caches made from the warm base, ready before the first learner's build
    ctx.launchers?.fill();
  } catch (error) {
    report({ state: 'failed', detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Creates the data dir's job and cache folders (traversable, not listable) and clears a crash's job dirs. */
function prepareDataDir(dataDir: string): { jobsDir: string; gocacheBase: string } {
  const jobsDir = join(dataDir, 'jobs');
  const gocacheBase = join(dataDir, 'gocache');
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  chmodSync(dataDir, 0o711);
  mkdirSync(jobsDir, { recursive: true, mode: 0o711 });
  chmodSync(jobsDir, 0o711);
  mkdirSync(gocacheBase, { recursive: true, mode: 0o700 });
  removeDeadJobs(jobsDir);
  return { jobsDir, gocacheBase };
}

/** Waiting launchers for build and run steps, where bwrap runs in cgroups and bash can wait; else null. */
function launcherPool(env: HostEnv, limits: Limits, idle: IdleWork): LauncherPool | null {
  const cgroups = env.cgroups;
  if (env.mode !== 'bwrap' || cgroups.version === 'none' || !LauncherPool.supported()) return null;
  return new LauncherPool({
    support: cgroups,
    layout: env.layout,
    pids: limits.pids,
    memoryLimits: [limits.buildMemoryBytes, limits.memoryBytes],
    size: 2,
    idle,
  });
}

/** Job dirs left by a crashed server (their pid is gone). */
function removeDeadJobs(jobsDir: string): void {
  for (const name of readdirSync(jobsDir)) {
    const pid = Number(/^job-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (!Number.isFinite(pid) || pid === process.pid || isAlive(pid)) continue;
    removeTree(join(jobsDir, name));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
